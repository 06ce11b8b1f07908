import { Entity, Enum, Index, PrimaryKey } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '../contact/contact-record';
import { IntervalMeasures, outcomeIndexSql } from './interval-measures';

/**
 * 15-minute rollup of contacts per queue, agent and channel, maintained in the same transaction as
 * the contacts it counts (only newly inserted contacts are added, so re-imports change nothing).
 * Queries by agent or team read these; the others read the smaller QueueIntervalStat.
 * Key columns are '' rather than null (no queue, no agent) so the primary key can cover them.
 */
@Entity({ tableName: 'interval_stat' })
// Its rows with outcomes, what a stats query sums the outcomes from (issue 20: measures.ts hasOutcomesSql)
@Index({
  name: 'interval_stat_outcomes',
  expression: outcomeIndexSql('interval_stat', ['queue_key', 'agent_key', 'channel']),
})
// An agent's (or a team's) rows of a period without reading every agent's (issue 23: an agent page
// read the whole center's rollup for its trend).
@Index({ name: 'interval_stat_agent_idx', properties: ['agentKey', 'intervalStart'] })
export class IntervalStat extends IntervalMeasures {
  @PrimaryKey({ type: 'timestamptz' })
  intervalStart!: Date;

  /** Queue id as text ('' = no queue). */
  @PrimaryKey({ type: 'text' })
  queueKey!: string;

  @PrimaryKey({ type: 'text' })
  agentKey!: string;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel', primary: true })
  channel!: Channel;
}
