import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A follow-up promise made to a customer on a traffic contact (no cross-database key: the contact
 * is checked through the gateway when written). Its status is computed from the facts and the clock.
 */
@Entity({ tableName: 'care_commitment' })
@Unique({ name: 'care_commitment_client_key_uq', properties: ['ownerEmployeeNo', 'clientKey'] })
@Index({ name: 'care_commitment_owner_due_idx', properties: ['ownerEmployeeNo', 'dueAt'] })
@Index({ name: 'care_commitment_center_due_idx', properties: ['centerId', 'dueAt'] })
@Index({ name: 'care_commitment_customer_open_idx', properties: ['customerKey', 'madeAt'] })
export class Commitment {
  [OptionalProps]?:
    | 'caseId'
    | 'teamId'
    | 'businessMinutes'
    | 'graceMinutes'
    | 'windowStart'
    | 'fulfilledAt'
    | 'fulfilledBy'
    | 'fulfilmentEvidence'
    | 'fulfilmentContactSource'
    | 'fulfilmentContactExternalId'
    | 'nextEscalationAt'
    | 'escalationFireTimes'
    | 'escalationLevel'
    | 'priority'
    | 'complaintRisk'
    | 'reassignedToTeam'
    | 'createdAt'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The caller's idempotency key: the same key again returns the first commitment. */
  @Property({ type: 'text' })
  clientKey!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  /** The owner's team when made (staff's Team), for the lead's scope. */
  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  /** The promiser: the token's employee number. */
  @Property({ type: 'text' })
  ownerEmployeeNo!: string;

  @Property({ type: 'text' })
  customerKey!: string;

  @Property({ type: 'text' })
  contactSource!: string;

  @Property({ type: 'text' })
  contactExternalId!: string;

  @Property({ type: 'uuid', nullable: true })
  caseId: string | null = null;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'timestamptz' })
  madeAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  windowStart: Date | null = null;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  /** EXACT or BUSINESS_MINUTES (then `businessMinutes` on the center's calendar). */
  @Property({ type: 'text' })
  dueBasis!: string;

  @Property({ type: 'int', nullable: true })
  businessMinutes: number | null = null;

  @Property({ type: 'int' })
  graceMinutes: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  fulfilledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  fulfilledBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  fulfilmentEvidence: string | null = null;

  @Property({ type: 'text', nullable: true })
  fulfilmentContactSource: string | null = null;

  @Property({ type: 'text', nullable: true })
  fulfilmentContactExternalId: string | null = null;

  /**
   * The ladder's first look when made (earliest level to fire); null once kept. The sweeper moves the
   * next look on the narrow due list (care_commitment_due, kept from this column by triggers on every
   * write of it), not here: a sweep never writes the commitment row.
   */
  @Property({ type: 'timestamptz', nullable: true })
  nextEscalationAt: Date | null = null;

  /** The policy's fire times for this due time (level, ISO instant), computed once when made. */
  @Property({ type: 'jsonb', nullable: true })
  escalationFireTimes: Array<{ level: number; at: string }> | null = null;

  /**
   * No longer written (the sweeper writes care_escalation only): the highest level fired is read from
   * those records (commitmentLadder). Kept for rows written before.
   */
  @Property({ type: 'int', nullable: true })
  escalationLevel: number | null = null;

  /** The priority it was made with; RAISE_PRIORITY fired (care_escalation) makes it HIGH when read. */
  @Property({ type: 'text' })
  priority: string = 'NORMAL';

  /** No longer written: FLAG_COMPLAINT_RISK fired (care_escalation) is read instead. */
  @Property({ type: 'boolean' })
  complaintRisk: boolean = false;

  /** No longer written: REASSIGN_TO_TEAM fired (care_escalation) is read instead. */
  @Property({ type: 'boolean' })
  reassignedToTeam: boolean = false;

  @Property({ type: 'text' })
  madeBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
