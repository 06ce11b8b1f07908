import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One interval of a kept forecast. */
export interface StoredForecastInterval {
  intervalStart: string;
  offered: number;
  p10: number;
  p90: number;
  ahtSeconds: number | null;
}

/**
 * A forecast as it was made (METRICS.md: accuracy is measured against the forecast of then, never
 * recomputed): every `forecast` request is kept, with the method the backtest chose; a forecast
 * imported from another WFM tool is kept as a run of method EXTERNAL, with its source.
 */
@Entity({ tableName: 'wfm_forecast_run' })
@Index({ name: 'wfm_forecast_run_queue_idx', properties: ['queueId', 'createdAt'] })
export class ForecastRun {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  queueId!: string;

  @Property({ type: 'date' })
  fromDate!: string;

  @Property({ type: 'date' })
  toDate!: string;

  @Property({ type: 'int' })
  intervalMinutes!: number;

  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'text' })
  method!: string;

  @Property({ type: 'boolean' })
  forecastable!: boolean;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'jsonb' })
  intervals!: StoredForecastInterval[];

  /** EXTERNAL runs: the tool the imported forecast came from (null for ours). */
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  /** EXTERNAL runs: digest of the imported intervals, so that importing a file again keeps nothing new. */
  @Property({ type: 'text', nullable: true })
  digest: string | null = null;

  /** A staffing plan's run: digest of the history it was made from (reused while the history is the same). */
  @Property({ type: 'text', nullable: true })
  historyDigest: string | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
