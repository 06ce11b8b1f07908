import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, Unique } from '@mikro-orm/core';
import type { EscalationLevel } from '@switchboard/metrics';

/** A center's escalation policy, optionally for one case type, priority or segment ('*': any). */
@Entity({ tableName: 'care_escalation_policy' })
@Unique({
  name: 'care_escalation_policy_scope_uq',
  properties: ['centerId', 'caseType', 'priority', 'segment'],
})
export class EscalationPolicyRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  caseType: string = '*';

  @Property({ type: 'text' })
  priority: string = '*';

  @Property({ type: 'text' })
  segment: string = '*';

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'jsonb' })
  levels!: EscalationLevel[];

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}

/**
 * One firing of (commitment, level): written by the sweeper in the same transaction as the level's
 * outbox rows and action; its key, so a level fires once however many sweepers run or restart, and
 * the sweep's record of what fired (the outbox is not asked: Migration20261207190250_sweep_keys).
 */
@Entity({ tableName: 'care_escalation' })
export class EscalationRow {
  [PrimaryKeyProp]?: ['commitmentId', 'level'];

  @PrimaryKey({ type: 'uuid' })
  commitmentId!: string;

  @PrimaryKey({ type: 'int' })
  level!: number;

  @Property({ type: 'text' })
  action!: string;

  /** When the level was due to fire (on the calendar) and when the sweeper fired it (the clock). */
  @Property({ type: 'timestamptz' })
  dueToFireAt!: Date;

  @Property({ type: 'timestamptz' })
  firedAt!: Date;
}

/**
 * The transactional outbox: one row per (commitment, level, recipient), written with its level's
 * escalation record. Its id is that triple's digest (notificationId), so the primary key is the
 * exactly-once constraint as well. In-app reads it (myEscalations); the webhook delivery marks it
 * delivered.
 */
@Entity({ tableName: 'care_notification' })
@Index({
  name: 'care_notification_address_idx',
  expression:
    'create index "care_notification_address_idx" on "care_notification" ((coalesce("address_employee_no", "address_role")), "created_at")',
})
export class NotificationRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  commitmentId!: string;

  @Property({ type: 'int' })
  level!: number;

  /** OWNER, TEAM_LEAD, CENTER_MANAGER, ROLE:<role> */
  @Property({ type: 'text' })
  recipient!: string;

  /** A person (owner, the lead as of due)... */
  @Property({ type: 'text', nullable: true })
  addressEmployeeNo: string | null = null;

  /** ...or whoever holds this role in the center. */
  @Property({ type: 'text', nullable: true })
  addressRole: string | null = null;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'int' })
  deliveryAttempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastDeliveryError: string | null = null;
}

export const EscalationNotificationRows = [EscalationPolicyRow, EscalationRow, NotificationRow];
