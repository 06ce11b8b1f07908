import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ComplaintDeadlineBasis, ComplaintOutcome } from '@switchboard/metrics';
import type {
  ComplaintAxis,
  ComplaintSeverity,
  ComplaintSource,
  FollowUpSatisfaction,
} from '../model/complaint';

export {
  COMPLAINT_AXES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  FOLLOW_UP_SATISFACTIONS,
  type ComplaintAxis,
  type ComplaintSeverity,
  type ComplaintSource,
  type FollowUpSatisfaction,
} from '../model/complaint';

/**
 * The complaint record of a case of type COMPLAINT (one per case). Every change is also an event
 * of the case's log (kind COMPLAINT) and moves the case's version: the case's optimistic lock
 * guards the complaint too. Center, team and customer are copied from the case for scoping and
 * statistics; agents are staff's, checked through the gateway when written.
 */
@Entity({ tableName: 'complaint' })
@Index({ name: 'complaint_center_received_idx', properties: ['centerId', 'receivedAt'] })
@Index({ name: 'complaint_center_closed_idx', properties: ['centerId', 'closedAt'] })
// Performance.complaints of a team's or agent's record: complaints about its agents and handled by them
@Index({ name: 'complaint_subject_received_idx', properties: ['subjectAgentNo', 'receivedAt'] })
@Index({ name: 'complaint_subject_closed_idx', properties: ['subjectAgentNo', 'closedAt'] })
@Index({ name: 'complaint_handler_closed_idx', properties: ['handlerAgentNo', 'closedAt'] })
export class Complaint {
  [OptionalProps]?: 'createdAt' | 'remedyCurrency';

  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Property({ type: 'text' })
  customerKey!: string;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  /** The code taxonomy version the three codes were filed under. */
  @Property({ type: 'int' })
  taxonomyVersion!: number;

  /** JR/T 0169-2018 axis A: the channel the complaint is about. */
  @Property({ type: 'text' })
  channelCode!: string;

  /** Axis B: the business. */
  @Property({ type: 'text' })
  businessCode!: string;

  /** Axis C: the reason. */
  @Property({ type: 'text' })
  reasonCode!: string;

  @Property({ type: 'text', nullable: true })
  productCode!: string | null;

  @Property({ type: 'text' })
  severity!: ComplaintSeverity;

  @Property({ type: 'text' })
  source!: ComplaintSource;

  /** The case's type before it became a complaint (null: opened as one). */
  @Property({ type: 'text', nullable: true })
  escalatedFromType!: string | null;

  @Property({ type: 'text', nullable: true })
  subjectAgentNo!: string | null;

  @Property({ type: 'text' })
  handlerAgentNo!: string;

  /** The customer's words, encrypted at rest as customers' names (PII). */
  @Property({ type: 'bytea', nullable: true })
  verbatimEnc!: Buffer | null;

  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'text' })
  deadlineBasis!: ComplaintDeadlineBasis;

  @Property({ type: 'timestamptz' })
  deadlineAt!: Date;

  @Property({ type: 'text' })
  deadlineDate!: string;

  @Property({ type: 'text', nullable: true })
  extensionApprovedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  extendedAt: Date | null = null;

  /** Decided or withdrawn. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  outcome: ComplaintOutcome | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  customerInformedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  remedy: string | null = null;

  /** Exact decimal (numeric), read as a string. */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  remedyAmount: string | null = null;

  @Property({ type: 'text', default: 'CNY' })
  remedyCurrency = 'CNY';

  @Property({ type: 'text', nullable: true })
  rootCause: string | null = null;

  @Property({ type: 'text', nullable: true })
  correctiveAction: string | null = null;

  @Property({ type: 'text', nullable: true })
  correctiveActionDue: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  correctiveActionDoneAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  followUpSatisfaction: FollowUpSatisfaction | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/**
 * The complaint code lists (three axes), versioned: version 1 is seeded from JR/T 0169-2018, a
 * bank's own codes make a new version, and a complaint keeps the version it was coded with.
 */
@Entity({ tableName: 'complaint_code' })
export class ComplaintCode {
  @PrimaryKey({ type: 'int' })
  version!: number;

  @PrimaryKey({ type: 'text' })
  axis!: ComplaintAxis;

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Property({ type: 'text' })
  nameZh!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  /** Where the code comes from: the standard, or the bank (who added it). */
  @Property({ type: 'text' })
  origin!: string;

  @Property({ type: 'text' })
  versionLabel!: string;

  @Property({ type: 'boolean' })
  current!: boolean;
}
