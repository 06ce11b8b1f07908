import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '../contact/contact-record';

/**
 * 15-minute rollup of contacts, maintained in the same transaction as the contacts it counts (only
 * newly inserted contacts are added, so re-imports change nothing). Every query reads these sums;
 * coarser intervals and groups are sums of them, never averages of rates (METRICS.md).
 * Key columns are '' rather than null (no queue, no agent) so the primary key can cover them.
 */
@Entity({ tableName: 'interval_stat' })
export class IntervalStat {
  [OptionalProps]?: 'maxWaitSeconds';

  @PrimaryKey({ type: 'timestamptz' })
  intervalStart!: Date;

  /** Queue id as text ('' = no queue). */
  @PrimaryKey({ type: 'text' })
  queueKey!: string;

  @PrimaryKey({ type: 'text' })
  agentKey!: string;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel', primary: true })
  channel!: Channel;

  @Property({ type: 'integer' }) answered!: number;
  @Property({ type: 'integer' }) abandoned!: number;
  @Property({ type: 'integer' }) shortAbandoned!: number;
  @Property({ type: 'integer' }) answeredWithinThreshold!: number;
  @Property({ type: 'integer' }) abandonedWithinThreshold!: number;
  @Property({ type: 'integer' }) transferred!: number;
  @Property({ type: 'integer' }) ivr!: number;
  @Property({ type: 'integer' }) callback!: number;
  @Property({ type: 'integer' }) overflow!: number;
  @Property({ type: 'integer' }) outbound!: number;
  @Property({ type: 'double' }) waitSecondsAnswered!: number;
  @Property({ type: 'double' }) handleSeconds!: number;
  @Property({ type: 'double' }) talkSeconds!: number;
  @Property({ type: 'double' }) holdSeconds!: number;
  @Property({ type: 'double' }) acwSeconds!: number;
  @Property({ type: 'double', nullable: true }) maxWaitSeconds: number | null = null;
}
