import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPeriod, loadSummary } from '../../stats/summary-loader';
import { TrafficSummaryType } from '../../stats/traffic-stats.type';
import { CenterTrafficType } from './center-traffic.type';

@Resolver(() => CenterTrafficType)
export class CenterTrafficResolver {
  @FieldResolver(() => TrafficSummaryType, {
    nullable: true,
    description:
      'Contacts of the queues assigned to the center, for a period (from inclusive, to exclusive); null outside your access scope',
  })
  async trafficSummary(
    @Root() center: CenterTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrafficSummaryType | null> {
    checkPeriod({ from, to });
    if (!(await ctx.scope()).seesCenter(center.id)) return null;
    return Object.assign(new TrafficSummaryType(), await loadSummary(ctx, 'center', center.id, { from, to }));
  }
}
