import { outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/*
 * wfm's access rules, one place (docs/DESIGN.md, Identity and access):
 * - a SpecialDay belongs to a center: it is read by those who see its center (a team lead or an
 *   agent sees no center's records here until a rule says otherwise), lists filtered in SQL,
 *   references null outside the scope;
 * - the writers of WRITERS.wfm create them in the centers they see, ADMIN anywhere;
 * - a schedule, and the adherence computed from it, belongs to an agent: a manager reads their
 *   centers' agents', a lead their teams', an agent their own (lists filtered in SQL by the scope's
 *   employee numbers, references null outside it); the writers import them for the agents they see
 *   (other rows are refused one by one);
 * - the `staffing` Erlang calculator (pure math) is for everyone; a queue's staffing plan is for
 *   callers who see a center, and its intervals for those who see the queue's center (traffic's
 *   `centerId`, known once traffic completes the plan) — moved from kpi with the same rules.
 */

/** Refuses a caller who may not change wfm's data. */
export function requireWfmWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.wfm, action);
}

/** Whether the caller sees a record of this center. */
export function seesSpecialDay(scope: DataScope, row: { centerId: string }): boolean {
  return scope.all || scope.seesCenter(row.centerId);
}

/** Refuses a write in a center the caller does not see. */
export async function requireSpecialDayCenter(ctx: SubgraphContext, centerId: string, action: string) {
  const scope = await ctx.scope();
  if (!scope.all && !scope.seesCenter(centerId.toLowerCase())) throw outsideScope(action);
}

/** The centers a caller's lists are limited to (null: all). */
export function visibleCenters(scope: DataScope): string[] | null {
  return scope.all ? null : (scope.centerIds ?? []);
}

/**
 * Whether the caller sees a record of one agent (a schedule, an adherence): a manager their centers'
 * agents, a lead their teams', an agent their own (the scope's employee numbers).
 */
export function seesAgentRecord(scope: DataScope, row: { employeeNo: string }): boolean {
  return scope.seesAgent(row.employeeNo);
}

/** Refuses a staffing plan to a caller who sees no center at all (a plan is a center's). */
export async function requireStaffingPlanReader(ctx: SubgraphContext): Promise<void> {
  const scope = await ctx.scope();
  if (!scope.all && !scope.centerIds?.length) throw outsideScope('staffingPlan');
}

/** Refuses the staffing plan of a queue whose center (traffic's `centerId`) the caller does not see. */
export async function requireStaffingPlanCenter(
  ctx: SubgraphContext,
  queueCenterId: string | null | undefined,
): Promise<void> {
  (await ctx.scope()).requireCenter(queueCenterId?.toLowerCase(), 'staffingPlan');
}
