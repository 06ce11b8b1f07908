import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { contactVisibility } from '../access/contact-visibility';
import { segmentStats, type SegmentStatsRow } from './segment-stats.service';
import { SegmentStatsArgs, SegmentStatsRowType } from './segment-stats.type';

@Resolver()
export class SegmentStatsResolver {
  @Query(() => [SegmentStatsRowType], {
    nullable: true,
    description:
      "Contact statistics per customer segment (VIP, SENSITIVE, VULNERABLE, STANDARD), per interval and queue, channel or center, from the 15-minute rollups (STANDARD = all − the others); a caller who does not see everything sees their centers' queues",
  })
  async segmentStats(
    @Args(() => SegmentStatsArgs) args: SegmentStatsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SegmentStatsRow[]> {
    return segmentStats(
      ctx.em,
      args.filter,
      args.granularity,
      args.groupBy ?? [],
      args.segments ?? null,
      await contactVisibility(ctx),
    );
  }
}
