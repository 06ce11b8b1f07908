import { Entity, OptionalProps, Property } from '@mikro-orm/core';

/**
 * The summed measures of a 15-minute rollup row, shared by the agent-level and the queue-level
 * rollups: coarser intervals and groups are sums of them, never averages of rates (METRICS.md).
 */
@Entity({ abstract: true })
export abstract class IntervalMeasures {
  [OptionalProps]?: 'maxWaitSeconds';

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
