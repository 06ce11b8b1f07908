import type { DataScope } from './data-scope';
import { resolveAgentSet, type RecordWithAgentSet } from './performance-agent-sets';
import { PerformanceScopeType } from './performance-protocol';
import { seesPerformanceRecord } from './performance-scope';
import { checkPeriod, type PeriodRules } from './period';

/** A Performance record as a contributing subgraph's resolver receives it (performanceFromReference). */
export interface PerformancePartRecord<A extends { employeeNo: string }> extends RecordWithAgentSet<A> {
  scopeType: string;
  scopeId: string;
  from: Date;
  to: Date;
}

export interface PerformancePartOptions {
  /**
   * How the record's period is checked: the kit's checkPeriod with these rules (the default: its
   * defaults), a subgraph's own check (traffic's 15-minute boundaries), or false for none.
   */
  period?: PeriodRules | ((from: Date, to: Date) => void) | false;
  /**
   * For the subgraph that owns queues (traffic): the center of a queue record, so that a queue has a
   * part and is seen through its center. Without it a queue record's part is null: a queue has no
   * agents of its own.
   */
  queueCenterId?: (queueId: string) => Promise<string | null | undefined>;
  /** false: the part is answered to whoever reaches the record (no scope check: training's, as it was). */
  scoped?: boolean;
}

/**
 * The gate every part a subgraph adds to kpi's Performance passes, owned once: the period checked
 * (BAD_USER_INPUT naming `from` or `to`), null for a queue record where the subgraph has no queues,
 * the record's agents read from staff's agentSet (resolveAgentSet), null for a record outside the
 * caller's data scope (the reference resolver is reached by the gateway for any record, so the
 * subgraph checks it itself); then `load` with the agents' employee numbers. A null part leaves the
 * other subgraphs' parts of the record standing.
 */
export async function performancePart<A extends { employeeNo: string }, T>(
  ctx: { scope: () => Promise<DataScope> },
  record: PerformancePartRecord<A>,
  load: (employeeNos: string[]) => Promise<T> | T,
  options: PerformancePartOptions = {},
): Promise<T | null> {
  const period = options.period ?? {};
  if (typeof period === 'function') period(record.from, record.to);
  else if (period) checkPeriod(record.from, record.to, period);
  const isQueue = record.scopeType === PerformanceScopeType.QUEUE;
  if (isQueue && !options.queueCenterId) return null;
  const agents = resolveAgentSet(ctx, record) ?? [];
  if (options.scoped !== false && !(await seesPart(ctx, record, isQueue, options))) return null;
  return load(agents.map((a) => a.employeeNo));
}

async function seesPart<A extends { employeeNo: string }>(
  ctx: { scope: () => Promise<DataScope> },
  record: PerformancePartRecord<A>,
  isQueue: boolean,
  options: PerformancePartOptions,
): Promise<boolean> {
  const scope = await ctx.scope();
  if (scope.all) return true;
  // a queue's center is looked up only for a caller who does not see everything
  const queueCenterId =
    isQueue && options.queueCenterId ? await options.queueCenterId(record.scopeId) : undefined;
  return seesPerformanceRecord(scope, record, queueCenterId);
}
