import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/**
 * Traffic's access rule. Queues (code, name, channel, settings) are reference data: everyone sees
 * them. A contact, and every figure summed from contacts, belongs to its agent and to its queue's
 * center: a caller sees it when either is in their scope (a manager: their centers' queues and their
 * agents; a team lead: their agents; an agent: themself). A queue's figures follow its center.
 * Lists are scoped down in SQL; an entity field outside the scope is null (summaries) or empty
 * (lists), so a list of agents or teams keeps its in-scope rows and raises no error storm.
 */
export interface ContactVisibility {
  employeeNos: string[];
  centerIds: string[];
}

/** What the caller sees of the contacts, or null for everything. */
export async function contactVisibility(ctx: SubgraphContext): Promise<ContactVisibility | null> {
  const scope = await ctx.scope();
  return scope.all ? null : { employeeNos: scope.employeeNos ?? [], centerIds: scope.centerIds ?? [] };
}

/**
 * A SQL condition (knex placeholders) keeping the rows whose agent or queue center is visible;
 * `true` for a caller who sees everything. The values travel as two JSON arrays.
 */
export function visibleContactsSql(
  visibility: ContactVisibility | null,
  agentColumn: string,
  centerColumn: string,
): { sql: string; params: unknown[] } {
  if (!visibility) return { sql: 'true', params: [] };
  return {
    sql: `(${agentColumn} in (select jsonb_array_elements_text(?::jsonb))
      or ${centerColumn}::text in (select jsonb_array_elements_text(?::jsonb)))`,
    params: [JSON.stringify(visibility.employeeNos), JSON.stringify(visibility.centerIds)],
  };
}

/** Whether one contact (its agent, its queue's center) is visible. */
export function seesContact(
  scope: DataScope,
  contact: { agent: string | null; centerId: string | null },
): boolean {
  return (
    scope.all ||
    (contact.agent !== null && scope.seesAgent(contact.agent)) ||
    scope.seesCenter(contact.centerId)
  );
}
