import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AgentTrafficType } from '../agent-state/agent-traffic.type';
import { CenterTrafficType } from '../extends/center/center-traffic.type';
import { TeamRef } from '../common/entity-refs';
import { toQueueType } from '../queue/queue.mapper';
import { queueById } from '../queue/queue.resolver';
import { QueueType } from '../queue/queue.type';
import type { TrafficStatsRow } from './traffic-stats.service';
import { TrafficStatsRowType } from './traffic-stats.type';

/** The entity fields of a stats row, from the row's ids: computed only when a query selects them. */
@Resolver(() => TrafficStatsRowType)
export class TrafficStatsRowResolver {
  @FieldResolver(() => QueueType, { nullable: true, description: 'Grouped by QUEUE' })
  async queue(@Root() row: TrafficStatsRow, @Ctx() ctx: SubgraphContext): Promise<QueueType | null> {
    const queue = row.queueId ? await queueById(ctx).load(row.queueId) : null;
    return queue ? toQueueType(queue) : null;
  }

  @FieldResolver(() => AgentTrafficType, { nullable: true, description: 'Grouped by AGENT' })
  agent(@Root() row: TrafficStatsRow): AgentTrafficType | null {
    return row.employeeNo ? { employeeNo: row.employeeNo } : null;
  }

  @FieldResolver(() => CenterTrafficType, { nullable: true, description: 'Grouped by CENTER' })
  center(@Root() row: TrafficStatsRow): CenterTrafficType | null {
    return row.centerId ? { id: row.centerId } : null;
  }

  @FieldResolver(() => TeamRef, { nullable: true, description: 'Grouped by TEAM' })
  team(@Root() row: TrafficStatsRow): TeamRef | null {
    return row.teamId ? { id: row.teamId } : null;
  }
}
