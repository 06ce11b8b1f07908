import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { contactVisibility } from '../access/contact-visibility';
import { Granularity, StatsDimension } from '../common/enums';
import { StatsFilter } from './stats.input';
import { trafficStats, type TrafficStatsRow } from './traffic-stats.service';
import { TrafficStatsRowType } from './traffic-stats.type';

/** The field names the query selects on the rows, through inline fragments and named fragments. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[]): void => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet?.selections ?? []);
  return names;
}

@Resolver()
export class TrafficStatsResolver {
  // Nullable (was non-null; compatible for queries): with traffic down, a view asking for more keeps the rest.
  @Query(() => [TrafficStatsRowType], {
    nullable: true,
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
    // Only the sums of the metrics asked for are read (fewer columns to sum, fetch and parse);
    // scoped down in the SQL: a caller who does not see everything sums only the rows they see.
    const fields = selectedFields(info);
    return trafficStats(ctx.em, filter, granularity, groupBy ?? [], {
      fcr: fields.has('fcrRate'),
      metrics: fields,
      visibility: await contactVisibility(ctx),
    });
  }
}
