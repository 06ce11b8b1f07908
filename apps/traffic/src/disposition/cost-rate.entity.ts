import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '../contact/contact-record';

/**
 * A standard cost of one staffed hour (not a salary: salaries stay HR's), for a center, or a role
 * and level, on a channel, from a date on. The most specific rate valid on a day applies.
 */
@Entity({ tableName: 'cost_rate' })
// unique per (center, role, level, channel, validFrom), nulls equal: the index cost_rate_scope (migration)
@Check({ name: 'cost_rate_per_hour_positive', expression: 'per_hour >= 0' })
@Check({ name: 'cost_rate_has_scope', expression: 'center_id is not null or role is not null' })
export class CostRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  centerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  role: string | null = null;

  @Property({ type: 'text', nullable: true })
  level: string | null = null;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel' })
  channel!: Channel;

  /** Exact decimal as text (numeric(10,2)), in `currency`. */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  perHour!: string;

  @Property({ type: 'character', length: 3 })
  currency: string = 'CNY';

  @Property({ type: 'date' })
  validFrom!: string;
}
