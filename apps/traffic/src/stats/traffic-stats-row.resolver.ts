import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toQueueType } from '../queue/queue.mapper';
import { queueById } from '../queue/queue.resolver';
import { QueueType } from '../queue/queue.type';
import { TrafficStatsRowType } from './traffic-stats.type';

@Resolver(() => TrafficStatsRowType)
export class TrafficStatsRowResolver {
  @FieldResolver(() => QueueType, { nullable: true, description: 'Grouped by QUEUE' })
  async queue(@Root() row: TrafficStatsRowType, @Ctx() ctx: SubgraphContext): Promise<QueueType | null> {
    const queue = row.queueId ? await queueById(ctx).load(row.queueId) : null;
    return queue ? toQueueType(queue) : null;
  }
}
