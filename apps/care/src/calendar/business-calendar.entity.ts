import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CalendarException, WorkingPeriod } from '@switchboard/metrics';

/** A center's business calendar (staff's Center: checked when written), one per center. */
@Entity({ tableName: 'care_business_calendar' })
export class BusinessCalendarRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  timeZone!: string;

  /** Working periods per ISO weekday, several a day. */
  @Property({ type: 'jsonb' })
  periods!: WorkingPeriod[];

  /** Holidays and extra working days (调休), by local date. */
  @Property({ type: 'jsonb' })
  exceptions!: CalendarException[];

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
