import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { CenterTrafficType } from '../extends/center/center-traffic.type';
import { liveQueues, type LiveQueuesAnswer } from './live-queues.query';
import { LiveQueuesType } from './live-queues.type';
import { checkLiveQueuesArgs } from './live-queues.resolver';

/** Center.liveQueues: liveQueues in the center's own time zone (staff's, through @requires). */
@Resolver(() => CenterTrafficType)
export class CenterLiveResolver {
  @FieldResolver(() => LiveQueuesType, {
    description:
      "The center's queues now and today so far, today in the center's time zone; scoped as liveQueues",
  })
  @Directive('@requires(fields: "timeZone")')
  async liveQueues(
    @Root() center: CenterTrafficType,
    @Arg('queueIds', () => [ID], { nullable: true }) queueIds: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LiveQueuesAnswer> {
    const timeZone = center.timeZone ?? 'UTC';
    await checkLiveQueuesArgs(ctx, center.id, queueIds, timeZone);
    return liveQueues(ctx.em, center.id, queueIds, timeZone, { outlook: true });
  }
}
