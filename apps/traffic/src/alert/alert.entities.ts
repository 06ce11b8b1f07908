import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/*
 * Alert rules (issue 22): the rules, each rule's state between evaluations, and the notification
 * outbox (one row per episode and event, written in the transaction that decides it). Read and
 * written with SQL (alert-evaluator.ts); the entities give the schema diff the tables.
 */

@Entity({ tableName: 'alert_rule' })
@Index({ name: 'alert_rule_center_idx', properties: ['centerId'] })
export class AlertRuleEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  metric!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  /** Empty: the whole center. */
  @Property({ type: 'text[]' })
  queueIds!: string[];

  @Property({ type: 'text' })
  comparator!: string;

  @Property({ type: 'double' })
  threshold!: number;

  @Property({ type: 'int' })
  forSeconds!: number;

  /** The center's time zone: where "today" starts. */
  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ tableName: 'alert_state' })
export class AlertStateEntity {
  @PrimaryKey({ type: 'uuid' })
  ruleId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  breachSince!: Date | null;

  @Property({ type: 'boolean' })
  firing!: boolean;

  /** The episode fired and not yet cleared (its notifications carry it). */
  @Property({ type: 'uuid', nullable: true })
  episodeId!: string | null;

  @Property({ type: 'double', nullable: true })
  lastValue!: number | null;

  @Property({ type: 'timestamptz' })
  evaluatedAt!: Date;
}

@Entity({ tableName: 'alert_notification' })
@Unique({ name: 'alert_notification_once_uq', properties: ['episodeId', 'event'] })
@Index({ name: 'alert_notification_center_idx', properties: ['centerId', 'createdAt'] })
export class AlertNotificationEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  ruleId!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'uuid' })
  episodeId!: string;

  /** FIRED or CLEARED. */
  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'double', nullable: true })
  value!: number | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'int' })
  deliveryAttempts!: number;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Property({ type: 'text', nullable: true })
  lastDeliveryError!: string | null;
}
