import { outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';
import type { PerformanceScopeType, TargetScopeType } from '../model/enums';

/*
 * kpi's access rules (issue 7), one place:
 * - the KPI catalog is for everyone (the staffing calculator and plans moved to wfm, issue 21);
 * - a performance record (performance, performanceTrend) of a center or team outside the caller's
 *   scope is FORBIDDEN, decided from the key; a queue's record needs a caller who sees every center
 *   (kpi cannot tell a queue's center: traffic owns queues). An agent's record is
 *   scoped down by staff: its agents (which every source reads, @requires) are only those the caller
 *   sees, so another agent's record carries no metrics. A record reached by reference outside the
 *   scope has no KPIs, score or ranking (empty/null, no error);
 * - targets: GLOBAL ones are read by everyone, a center's or team's by those who see it, a queue's
 *   by callers who see every center (lists filtered in SQL, references null otherwise);
 *   CENTER_MANAGER sets and removes targets of their centers and their teams only, ADMIN any;
 *   GLOBAL and QUEUE targets need a writer who sees every center. No self-service in kpi.
 */

/** Refuses a caller who may not change KPI targets. */
export function requireKpiWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.kpi, action);
}

/** Whether the caller sees a performance record's scope (an agent's: staff scopes its agents). */
export function seesPerformanceScope(scope: DataScope, type: PerformanceScopeType, id: string): boolean {
  switch (type) {
    case 'CENTER':
      return scope.seesCenter(id.toLowerCase());
    case 'TEAM':
      return scope.seesTeam(id.toLowerCase());
    case 'QUEUE':
      return scope.all;
    case 'AGENT':
      return true;
  }
}

/** Refuses a performance record outside the caller's scope, from its key. */
export async function requirePerformanceScope(
  ctx: SubgraphContext,
  type: PerformanceScopeType,
  id: string,
  action: string,
): Promise<void> {
  if (!seesPerformanceScope(await ctx.scope(), type, id)) throw outsideScope(action);
}

/** Whether the caller may read a target of this scope. */
export function seesTargetScope(scope: DataScope, type: TargetScopeType, id: string | null): boolean {
  if (type === 'GLOBAL') return true;
  if (type === 'QUEUE' || id === null) return scope.all;
  return type === 'CENTER' ? scope.seesCenter(id.toLowerCase()) : scope.seesTeam(id.toLowerCase());
}

/** Refuses a writer who may not set or remove a target of this scope. */
export async function requireTargetScope(
  ctx: SubgraphContext,
  type: TargetScopeType,
  id: string | null,
  action: string,
): Promise<void> {
  const scope = await ctx.scope();
  if (type === 'GLOBAL' ? !scope.all : !seesTargetScope(scope, type, id)) throw outsideScope(action);
}
