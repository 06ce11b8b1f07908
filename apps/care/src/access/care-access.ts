import { outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/*
 * care's access rules, one place (docs/DESIGN.md, Identity and access):
 * - a Case belongs to a center: it is read by those who see its center (a team lead or an
 *   agent sees no center's records here until a rule says otherwise), lists filtered in SQL,
 *   references null outside the scope;
 * - the writers of WRITERS.care create them in the centers they see, ADMIN anywhere.
 */

/** Refuses a caller who may not change care's data. */
export function requireCareWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.care, action);
}

/** Whether the caller sees a record of this center. */
export function seesCase(scope: DataScope, row: { centerId: string }): boolean {
  return scope.all || scope.seesCenter(row.centerId);
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
