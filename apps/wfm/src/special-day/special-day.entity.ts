import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const SPECIAL_DAY_KINDS = [
  'CLOSED',
  'HOLIDAY_EVE',
  'POST_HOLIDAY',
  'CAMPAIGN',
  'BILLING_CYCLE',
  'SYSTEM_OUTAGE',
] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

/**
 * A day of a center (staff's Center), or of one of its queues (traffic's Queue), that forecasts
 * treat apart: closed, a holiday's eve, a campaign... with an optional volume multiplier and whether
 * its history is left out of the methods' history. No cross-database foreign key: both references
 * are checked through the gateway when written.
 */
@Entity({ tableName: 'wfm_special_day' })
@Check({ name: 'wfm_special_day_title_length', expression: 'char_length(title) between 1 and 200' })
@Check({ name: 'wfm_special_day_multiplier_range', expression: 'multiplier > 0 and multiplier <= 20' })
@Index({ name: 'wfm_special_day_center_idx', properties: ['centerId', 'date', 'id'] })
@Index({ name: 'wfm_special_day_queue_idx', properties: ['queueId', 'date'] })
export class SpecialDay {
  [OptionalProps]?: 'createdAt' | 'version' | 'queueId' | 'multiplier' | 'excludeFromHistory';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  centerId!: string;

  /** Null: every queue of the center. */
  @Property({ type: 'uuid', nullable: true })
  queueId: string | null = null;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => [...SPECIAL_DAY_KINDS], nativeEnumName: 'wfm_special_day_kind' })
  kind!: SpecialDayKind;

  @Property({ type: 'text' })
  title!: string;

  /** Expected volume against a normal day of its weekday (1.3: 30 % more); null: none given. */
  @Property({ type: 'double', nullable: true })
  multiplier: number | null = null;

  /** The day's actual volumes are left out of the history the methods learn from. */
  @Property({ type: 'boolean' })
  excludeFromHistory: boolean = false;

  /** The token subject of whoever created it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
