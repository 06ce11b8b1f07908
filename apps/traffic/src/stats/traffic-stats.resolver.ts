import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Granularity, StatsDimension } from '../common/enums';
import { StatsFilter } from './stats.input';
import { trafficStats } from './traffic-stats.service';
import { TrafficStatsRowType } from './traffic-stats.type';

@Resolver()
export class TrafficStatsResolver {
  @Query(() => [TrafficStatsRowType], {
    description:
      'Contact statistics per interval and group, from the 15-minute rollups; flat rows for BI tools',
  })
  async trafficStats(
    @Arg('filter', () => StatsFilter) filter: StatsFilter,
    @Arg('granularity', () => Granularity) granularity: Granularity,
    @Arg('groupBy', () => [StatsDimension], { nullable: true }) groupBy: StatsDimension[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrafficStatsRowType[]> {
    const rows = await trafficStats(ctx.em, filter, granularity, groupBy ?? []);
    return rows.map((row) =>
      Object.assign(new TrafficStatsRowType(), {
        ...row,
        queue: null,
        agent: row.employeeNo ? { employeeNo: row.employeeNo } : null,
        center: row.centerId ? { id: row.centerId } : null,
      }),
    );
  }
}
