import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { contactVisibility } from '../access/contact-visibility';
import { Granularity, StatsDimension } from '../common/enums';
import { StatsFilter } from './stats.input';
import { trafficStats, type TrafficStatsRow } from './traffic-stats.service';
import { TrafficStatsRowType } from './traffic-stats.type';

/** Whether the query selects `field` on the rows (directly, not through fragments of other types). */
function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) =>
      s.kind === 'Field'
        ? s.name.value === field
        : s.kind === 'InlineFragment'
          ? s.selectionSet.selections.some((f) => f.kind === 'Field' && f.name.value === field)
          : true,
    ),
  );
}

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
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrafficStatsRow[]> {
    // The service's plain rows as they are: the entity fields (agent, center, team) are resolved
    // from their ids only when selected (TrafficStatsRowResolver). Copying or instantiating tens of
    // thousands of rows here was the largest share of a big answer's time (measured).
    // Scoped down in the SQL: a caller who does not see everything sums only the rows they see.
    return trafficStats(ctx.em, filter, granularity, groupBy ?? [], {
      fcr: selectsField(info, 'fcrRate'),
      visibility: await contactVisibility(ctx),
    });
  }
}
