import { requireRole, WRITERS } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { byKeys } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChannelEnum } from '../common/enums';
import { FIFTEEN_MINUTES } from '../common/intervals';
import type { Channel } from '../contact/contact-record';
import { checkPeriod, loadSummary, summaryLoader } from '../stats/summary-loader';
import { QueueIntervalType, TrafficSummaryType } from '../stats/traffic-stats.type';
import { UpdateQueueInput } from './queue.input';
import { toQueueType } from './queue.mapper';
import { QueueService } from './queue.service';
import { QueueType } from './queue.type';

export const queueById = (ctx: SubgraphContext) =>
  ctx.loaders.get('queueById', async (ids: readonly string[]) =>
    byKeys(ids, await new QueueService(ctx.em).findByIds(ids), (q) => q.id),
  );

@Resolver(() => QueueType)
export class QueueResolver {
  // Nullable (was non-null; compatible for queries): with traffic down, a view asking for more keeps the rest.
  @Query(() => [QueueType], { nullable: true, description: 'Every queue, by code' })
  async queues(
    @Arg('channel', () => ChannelEnum, { nullable: true }) channel: Channel | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QueueType[]> {
    return (await new QueueService(ctx.em).list(channel)).map(toQueueType);
  }

  @Query(() => QueueType, { nullable: true, description: 'One queue by id or by code' })
  async queue(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QueueType | null> {
    const queue = id
      ? await queueById(ctx).load(id)
      : code
        ? await new QueueService(ctx.em).findByCode(code)
        : null;
    return queue ? toQueueType(queue) : null;
  }

  @Query(() => [QueueType], {
    nullable: 'items',
    description:
      'Queues by id, in order, null where none (at most 500): how other subgraphs check the queues a write names, batched',
  })
  async queuesById(
    @Arg('ids', () => [ID], { description: 'At most 500 keys' }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(QueueType | null)[]> {
    if (ids.length > 500) throw badUserInput({ field: 'ids', message: 'at most 500 keys' });
    const queues = await queueById(ctx).loadMany(ids);
    return queues.map((q) => (q && !(q instanceof Error) ? toQueueType(q) : null));
  }

  @FieldResolver(() => TrafficSummaryType, {
    nullable: true,
    description:
      "The queue's contact statistics for a period (from inclusive, to exclusive); null unless you see the queue's center",
  })
  async stats(
    @Root() queue: QueueType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrafficSummaryType | null> {
    checkPeriod({ from, to });
    if (!(await ctx.scope()).seesCenter(queue.center?.id)) return null;
    return Object.assign(
      new TrafficSummaryType(),
      await loadSummary(ctx, 'queue_key', queue.id, { from, to }),
    );
  }

  @FieldResolver(() => QueueIntervalType, {
    description:
      "The 15-minute interval under way: contacts so far and the longest wait so far. Records arrive when contacts end, so callers still waiting are not counted. Null unless you see the queue's center.",
    nullable: true,
  })
  async currentInterval(
    @Root() queue: QueueType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QueueIntervalType | null> {
    if (!(await ctx.scope()).seesCenter(queue.center?.id)) return null;
    const from = new Date(Math.floor(Date.now() / FIFTEEN_MINUTES) * FIFTEEN_MINUTES);
    const to = new Date(from.getTime() + FIFTEEN_MINUTES);
    const metrics = await summaryLoader(ctx, 'queue_key', { from, to }).load(queue.id);
    return Object.assign(new QueueIntervalType(), { intervalStart: from, ...metrics });
  }

  @Mutation(() => QueueType, {
    description: "Sets a queue's center and service-level settings; a new T or S rebuilds its statistics",
  })
  async updateQueue(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateQueueInput) input: UpdateQueueInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QueueType> {
    requireRole(ctx.identity, WRITERS.traffic, 'updateQueue');
    // the center is staff's: a random id would silently detach the queue and its traffic from its center
    if (input.centerId)
      await ctx.requireReferences([{ kind: 'center', field: 'centerId', values: [input.centerId] }]);
    return toQueueType(await new QueueService(ctx.em).update(id, input));
  }
}
