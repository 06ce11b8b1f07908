import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { SERVICE_LEVEL_VARIANTS, type ServiceLevelVariant } from '@switchboard/metrics';
import { CHANNELS, type Channel } from '../contact/contact-record';

export { SERVICE_LEVEL_VARIANTS };
export type ServiceLevelVariantName = ServiceLevelVariant;

/** A queue of the ACD; created on first sight by imports (center unassigned until set). */
@Entity({ tableName: 'queue' })
@Check({
  name: 'queue_thresholds_positive',
  expression: 'sl_threshold_seconds > 0 and short_abandon_seconds >= 0',
})
@Check({ name: 'queue_sl_target_range', expression: 'sl_target > 0 and sl_target <= 1' })
export class Queue {
  [OptionalProps]?:
    | 'name'
    | 'centerId'
    | 'slThresholdSeconds'
    | 'shortAbandonSeconds'
    | 'slTarget'
    | 'slVariant'
    | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel' })
  channel!: Channel;

  /** The staff subgraph's Center id (no cross-database foreign key). */
  @Property({ type: 'uuid', nullable: true, index: true })
  centerId: string | null = null;

  /** T: answered within this many seconds meets the service level. */
  @Property({ type: 'integer', fieldName: 'sl_threshold_seconds' })
  slThresholdSeconds: number = 20;

  /** S: abandoned within this many seconds is a short abandon. */
  @Property({ type: 'integer' })
  shortAbandonSeconds: number = 5;

  @Property({ type: 'double', fieldName: 'sl_target' })
  slTarget: number = 0.8;

  @Enum({
    items: () => [...SERVICE_LEVEL_VARIANTS],
    nativeEnumName: 'service_level_variant',
    fieldName: 'sl_variant',
  })
  slVariant: ServiceLevelVariantName = 'EXCLUDE_SHORT_ABANDONS';

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
