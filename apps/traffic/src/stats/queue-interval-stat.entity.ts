import { Entity, Enum, Index, PrimaryKey } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '../contact/contact-record';
import { IntervalMeasures, outcomeIndexSql } from './interval-measures';

/**
 * The same 15-minute rollup without the agent: per queue and channel (a month of 40 queues is about
 * 120,000 rows however many agents). Maintained with IntervalStat by the same statement, from the
 * same newly inserted contacts; every query with no agent or team dimension or filter reads it.
 */
@Entity({ tableName: 'queue_interval_stat' })
// Its rows with outcomes, what a stats query sums the outcomes from (issue 20: measures.ts hasOutcomesSql)
@Index({
  name: 'queue_interval_stat_outcomes',
  expression: outcomeIndexSql('queue_interval_stat', ['queue_key', 'channel']),
})
export class QueueIntervalStat extends IntervalMeasures {
  @PrimaryKey({ type: 'timestamptz' })
  intervalStart!: Date;

  /** Queue id as text ('' = no queue). */
  @PrimaryKey({ type: 'text' })
  queueKey!: string;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel', primary: true })
  channel!: Channel;
}
