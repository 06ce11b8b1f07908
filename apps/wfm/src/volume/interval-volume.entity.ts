import { Check, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

import { CHANNELS } from '@switchboard/contracts';

export { CHANNELS };

/**
 * One interval's volume of a queue (traffic's Queue, checked through the gateway when written) and
 * channel: contacts offered and their average handle time, the history forecasts learn from. The
 * natural key is (queue, channel, interval start): importing an interval again replaces it.
 */
@Entity({ tableName: 'wfm_interval_volume' })
@Check({ name: 'wfm_interval_volume_offered_nonnegative', expression: 'offered >= 0' })
@Check({ name: 'wfm_interval_volume_aht_nonnegative', expression: 'aht_seconds >= 0' })
@Index({ name: 'wfm_interval_volume_queue_idx', properties: ['queueId', 'intervalStart'] })
export class IntervalVolume {
  @PrimaryKey({ type: 'uuid' })
  queueId!: string;

  @PrimaryKey({ type: 'text' })
  channel!: string;

  @PrimaryKey({ type: 'timestamptz' })
  intervalStart!: Date;

  @Property({ type: 'int' })
  intervalMinutes!: number;

  @Property({ type: 'int' })
  offered!: number;

  @Property({ type: 'double', nullable: true })
  ahtSeconds: number | null = null;

  /** IMPORT (a WFM tool's history) or TRAFFIC (traffic's rollups). */
  @Property({ type: 'text' })
  source!: string;
}
