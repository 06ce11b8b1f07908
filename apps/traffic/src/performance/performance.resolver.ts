import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPeriod } from '../stats/summary-loader';
import { performanceTrafficLoader } from './performance-traffic.loader';
import { PerformanceTrafficType, TrafficPerformanceType } from './performance.type';

@Resolver(() => TrafficPerformanceType)
export class TrafficPerformanceResolver {
  @FieldResolver(() => PerformanceTrafficType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Contact metrics of the record: a center's queues, a queue, or the contacts a team's members or an agent handled",
  })
  @Directive('@requires(fields: "agents { employeeNo }")')
  async traffic(
    @Root() performance: TrafficPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceTrafficType> {
    checkPeriod(performance);
    return performanceTrafficLoader(ctx).load(performance);
  }
}

/** A Performance representation from the gateway: the key (dates as ISO strings) and staff's agents. */
export function trafficPerformanceFromReference(reference: Record<string, unknown>): TrafficPerformanceType {
  return Object.assign(new TrafficPerformanceType(), reference, {
    from: new Date(String(reference.from)),
    to: new Date(String(reference.to)),
  });
}
