import {
  performancePart,
  performanceReference,
  PerformanceScopeType,
  type PerformancePartOptions,
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
    return performancePart(
      ctx,
      performance,
      async () => {
        const [metrics, freshness] = await Promise.all([
          performanceTrafficLoader(ctx).load(performance),
          centerOf(ctx, performance).then((centerId) =>
            performanceFreshnessLoader(ctx).load(freshnessKey(centerId, performance.to)),
          ),
        ]);
        return Object.assign(new PerformanceTrafficType(), metrics, freshness);
      },
      trafficPartGate(ctx),
    );
  }
}

/**
 * How traffic's parts of a record pass the kit's gate: its rollups' 15-minute boundaries, and a queue
 * (traffic's own) seen through its center, from the request's batched queue loader.
 */
export function trafficPartGate(ctx: SubgraphContext): PerformancePartOptions {
  return {
    period: (from, to) => checkPeriod({ from, to }),
    queueCenterId: async (queueId) => (await queueById(ctx).load(queueId.toLowerCase()))?.centerId,
  };
}

/** The record's center, for its sources' rules and batches: null for a team or an agent. */
async function centerOf(ctx: SubgraphContext, p: TrafficPerformanceType): Promise<string | null> {
  if (p.scopeType === PerformanceScopeType.CENTER) return p.scopeId.toLowerCase();
  if (p.scopeType === PerformanceScopeType.QUEUE)
    return (await queueById(ctx).load(p.scopeId.toLowerCase()))?.centerId ?? null;
  return null;
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const trafficPerformanceFromReference = performanceReference(TrafficPerformanceType);
