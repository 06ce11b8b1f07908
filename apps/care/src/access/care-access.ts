import { hasRole, outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/*
 * care's access rules, one place (docs/DESIGN.md, Identity and access):
 * - a Case belongs to a center: it is read by those who see its center (a team lead or an
 *   agent sees no center's records here until a rule says otherwise), lists filtered in SQL,
 *   references null outside the scope;
 * - the writers of WRITERS.care create them in the centers they see, ADMIN anywhere.
 * Customers and cases (care-core):
 * - a case is seen by who sees its center (managers, CASE_HANDLER of those centers), its owning
 *   team (leads), its owner agent, or the agent of any contact linked to it (and their lead);
 * - a customer's timeline (every contact on every channel, the cases the caller sees) is open to a
 *   caller who served the customer (a contact handled by an agent they see, or in a queue of a
 *   center they see) or who sees one of the customer's cases; name and phone (PII) are for
 *   CASE_HANDLER and ADMIN only, every read audit-logged (customer_pii_access).
 */

/** Refuses a caller who may not change care's data. */
export function requireCareWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.care, action);
}

/** Whether the caller sees a case (or a record of this center). */
export function seesCase(
  scope: DataScope,
  row: { centerId: string; ownerTeamId?: string | null; ownerAgentNo?: string | null },
  linkedAgentNos: readonly (string | null)[] = [],
): boolean {
  return (
    scope.all ||
    scope.seesCenter(row.centerId) ||
    scope.seesTeam(row.ownerTeamId) ||
    (row.ownerAgentNo != null && scope.seesAgent(row.ownerAgentNo)) ||
    linkedAgentNos.some((no) => no != null && scope.seesAgent(no))
  );
}

/**
 * The SQL condition (knex placeholders) keeping the cases (alias `alias`) the caller sees, as
 * seesCase; `true` for a caller who sees everything. The scope travels as three JSON arrays.
 */
export function visibleCasesSql(scope: DataScope, alias: string): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: 'true', params: [] };
  const list = (values: readonly string[] | null) => JSON.stringify(values ?? []);
  return {
    sql: `(${alias}.center_id::text in (select jsonb_array_elements_text(?::jsonb))
      or ${alias}.owner_team_id::text in (select jsonb_array_elements_text(?::jsonb))
      or ${alias}.owner_agent_no in (select jsonb_array_elements_text(?::jsonb))
      or exists (select 1 from case_contact cc where cc.case_id = ${alias}.id
        and cc.agent_no in (select jsonb_array_elements_text(?::jsonb))))`,
    params: [list(scope.centerIds), list(scope.teamIds), list(scope.employeeNos), list(scope.employeeNos)],
  };
}

/** Whether the caller may read customers' names and phones (audit-logged). */
export function readsCustomerPii(ctx: SubgraphContext): boolean {
  return hasRole(ctx.identity, 'CASE_HANDLER', 'ADMIN');
}

/** Refuses a write in a center the caller does not see. */
export async function requireCaseCenter(ctx: SubgraphContext, centerId: string, action: string) {
  const scope = await ctx.scope();
  if (!scope.all && !scope.seesCenter(centerId.toLowerCase())) throw outsideScope(action);
}

/** The centers a caller's lists are limited to (null: all). */
export function visibleCenters(scope: DataScope): string[] | null {
  return scope.all ? null : (scope.centerIds ?? []);
}

/*
 * Business calendars, commitments and escalations:
 * - a center's calendar is set by its CENTER_MANAGER (a center they see) or ADMIN; read as a case;
 * - a commitment is made by an agent (the token's employeeNo is the promiser, never an input);
 *   agents see their own, leads their team's, managers and CASE_HANDLERs their centers';
 * - an escalation notification is read by the person it names, or by whoever holds its role in
 *   its center (CENTER_MANAGER, ROLE:<role>).
 */

/** Refuses a caller who may not set a center's business calendar or escalation policy. */
export function requireCalendarWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, ['CENTER_MANAGER', 'ADMIN'], action);
}

/** Whether the caller sees a commitment: their own, their team's, their center's. */
export function seesCommitment(
  scope: DataScope,
  row: { ownerEmployeeNo: string; teamId: string | null; centerId: string },
): boolean {
  return (
    scope.all ||
    scope.seesAgent(row.ownerEmployeeNo) ||
    scope.seesTeam(row.teamId) ||
    scope.seesCenter(row.centerId)
  );
}
