import { hasRole, outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/*
 * Complaints (docs/DESIGN.md, Identity and access):
 * - read by CASE_HANDLER of their centers, CENTER_MANAGER of their center, and ADMIN; nobody else
 *   (team leads and agents see the case, not the complaint record); lists filtered in SQL,
 *   references null outside;
 * - registered, decided and changed by the care writers (CASE_HANDLER, ADMIN) in centers they see;
 * - an extension of the clock is approved by a CENTER_MANAGER of the complaint's center (or ADMIN);
 * - the bank's own codes are added by ADMIN;
 * - the verbatim and the customer key are PII: CASE_HANDLER and ADMIN read them (audit-logged),
 *   managers get them masked.
 */

const READERS = ['CASE_HANDLER', 'CENTER_MANAGER', 'ADMIN'] as const;

export function readsComplaints(ctx: SubgraphContext): boolean {
  return hasRole(ctx.identity, ...READERS);
}

/** Whether the caller sees a complaint of this center. */
export function seesComplaint(ctx: SubgraphContext, scope: DataScope, centerId: string): boolean {
  return readsComplaints(ctx) && (scope.all || scope.seesCenter(centerId));
}

/** The SQL condition (knex placeholders) keeping the complaints (alias) the caller sees. */
export function visibleComplaintsSql(
  ctx: SubgraphContext,
  scope: DataScope,
  alias: string,
): { sql: string; params: unknown[] } {
  if (!readsComplaints(ctx)) return { sql: 'false', params: [] };
  if (scope.all) return { sql: 'true', params: [] };
  return {
    sql: `${alias}.center_id::text in (select jsonb_array_elements_text(?::jsonb))`,
    params: [JSON.stringify(scope.centerIds ?? [])],
  };
}

/** The centers the caller's complaint figures are limited to (null: every center). */
export function complaintCenters(ctx: SubgraphContext, scope: DataScope): string[] | null {
  if (!readsComplaints(ctx)) return [];
  return scope.all ? null : [...(scope.centerIds ?? [])];
}

/** Refuses a caller who may not register, decide or change complaints of this center. */
export async function requireComplaintWriter(ctx: SubgraphContext, centerId: string, action: string) {
  requireRole(ctx.identity, WRITERS.care, action);
  const scope = await ctx.scope();
  if (!scope.all && !scope.seesCenter(centerId)) throw outsideScope(action);
}

/** Refuses a caller who may not extend this center's complaint clock. */
export async function requireExtensionApprover(ctx: SubgraphContext, centerId: string, action: string) {
  requireRole(ctx.identity, ['CENTER_MANAGER', 'ADMIN'], action);
  const scope = await ctx.scope();
  if (!hasRole(ctx.identity, 'ADMIN') && !scope.seesCenter(centerId)) throw outsideScope(action);
}

export function requireCodeEditor(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, ['ADMIN'], action);
}

/** Whether the caller reads the verbatim and the customer key unmasked (audit-logged). */
export function readsComplaintPii(ctx: SubgraphContext): boolean {
  return hasRole(ctx.identity, 'CASE_HANDLER', 'ADMIN');
}
