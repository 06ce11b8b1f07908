import {
  performanceFromReference,
  PerformanceScopeType,
  resolveAgentSet,
  seesPerformanceRecord,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { queueById } from '../queue/queue.resolver';
import { checkPeriod } from '../stats/summary-loader';
import { freshnessKey, performanceFreshnessLoader } from '../timeliness/performance-freshness.loader';
import { performanceTrafficLoader } from './performance-traffic.loader';
import { PerformanceTrafficType, TrafficPerformanceType } from './performance.type';

@Resolver(() => TrafficPerformanceType)
export class TrafficPerformanceResolver {
  @FieldResolver(() => PerformanceTrafficType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Contact metrics of the record: a center's queues, a queue, or the contacts a team's members or an agent handled; null outside your access scope",
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async traffic(
    @Root() performance: TrafficPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceTrafficType | null> {
    checkPeriod(performance);
    resolveAgentSet(ctx, performance);
    if (!(await seesPerformance(ctx, performance))) return null;
    const [metrics, freshness] = await Promise.all([
      performanceTrafficLoader(ctx).load(performance),
      centerOf(ctx, performance).then((centerId) =>
        performanceFreshnessLoader(ctx).load(freshnessKey(centerId, performance.to)),
      ),
    ]);
    return Object.assign(new PerformanceTrafficType(), metrics, freshness);
  }
}

/** The record's center, for its sources' rules and batches: null for a team or an agent. */
async function centerOf(ctx: SubgraphContext, p: TrafficPerformanceType): Promise<string | null> {
  if (p.scopeType === PerformanceScopeType.CENTER) return p.scopeId.toLowerCase();
  if (p.scopeType === PerformanceScopeType.QUEUE)
    return (await queueById(ctx).load(p.scopeId.toLowerCase()))?.centerId ?? null;
  return null;
}

/** A record the caller sees; a queue's center comes from the request's batched queue loader. */
export async function seesPerformance(ctx: SubgraphContext, p: TrafficPerformanceType): Promise<boolean> {
  const scope = await ctx.scope();
  if (scope.all) return true;
  const queueCenterId =
    p.scopeType === PerformanceScopeType.QUEUE
      ? (await queueById(ctx).load(p.scopeId.toLowerCase()))?.centerId
      : undefined;
  return seesPerformanceRecord(scope, p, queueCenterId);
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export function trafficPerformanceFromReference(
  reference: Record<string, unknown>,
  ctx?: object,
): TrafficPerformanceType {
  return performanceFromReference(TrafficPerformanceType, reference, ctx);
}
