import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ActivityKind } from '@switchboard/metrics';

/** One segment of a scheduled day: [start, end) of one activity. */
export interface StoredSegment {
  start: string;
  end: string;
  activity: ActivityKind;
}

/**
 * An agent's (staff's Agent, by employee number: checked through the gateway when written) schedule
 * of one day: its segments in order, never overlapping. The natural key is (agent, day): importing a
 * day again replaces its segments, or changes nothing when they are the same.
 */
@Entity({ tableName: 'wfm_schedule' })
@Unique({ name: 'wfm_schedule_natural_key', properties: ['employeeNo', 'date'] })
@Index({ name: 'wfm_schedule_date_idx', properties: ['date', 'employeeNo'] })
export class Schedule {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  employeeNo!: string;

  @Property({ type: 'date' })
  date!: string;

  /** The zone the day's clock times were given in (IANA). */
  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'jsonb' })
  segments!: StoredSegment[];

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
