import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { isUuid } from '../common/intervals';
import { isTimeZone } from '../ingest/time-zone';
import { liveQueues, type LiveQueuesAnswer } from './live-queues.query';
import { LiveQueuesType } from './live-queues.type';

const MAX_QUEUES = 500;

/** Checks the arguments and the scope (FORBIDDEN outside it); shared by the query and the push route. */
export async function checkLiveQueuesArgs(
  ctx: Pick<SubgraphContext, 'scope'>,
  centerId: string,
  queueIds: string[] | null,
  timeZone: string,
): Promise<void> {
  const problems: { field: string; message: string }[] = [];
  if (!isUuid(centerId)) problems.push({ field: 'centerId', message: 'is not a UUID' });
  if (queueIds && queueIds.length > MAX_QUEUES)
    problems.push({ field: 'queueIds', message: `must name at most ${MAX_QUEUES} queues` });
  else if (queueIds?.some((id) => !isUuid(id)))
    problems.push({ field: 'queueIds', message: 'must be UUIDs' });
  if (!isTimeZone(timeZone))
    problems.push({ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' });
  if (problems.length) throw badUserInput(problems);
  (await ctx.scope()).requireCenter(centerId, 'read the live queues of this center');
}

@Resolver()
export class LiveQueuesResolver {
  @Query(() => LiveQueuesType, {
    description:
      "A center's queues now (waiting, oldest wait, agents by state) and today so far; managers their centers, ADMIN all",
  })
  async liveQueues(
    @Arg('centerId', () => ID) centerId: string,
    @Arg('queueIds', () => [ID], { nullable: true }) queueIds: string[] | null,
    @Arg('timeZone', () => String, {
      defaultValue: 'UTC',
      description: "The center's IANA time zone: where today starts",
    })
    timeZone: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LiveQueuesAnswer> {
    await checkLiveQueuesArgs(ctx, centerId, queueIds, timeZone);
    return liveQueues(ctx.em, centerId, queueIds, timeZone, { outlook: true });
  }
}
