import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SURVEY_KINDS, type SurveyKind } from '../model/enums';

/**
 * The one answer to an invitation: its score on the form's scale (kind copied from the form so
 * aggregates need no join) and the customer's verbatim (PII: read by CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR and
 * ADMIN only). The attribution columns are copied from the invitation for SQL aggregation.
 */
@Entity({ tableName: 'voc_survey_response' })
@Unique({ name: 'voc_survey_response_invitation_unique', properties: ['invitationId'] })
@Check({ name: 'voc_survey_response_verbatim_length', expression: 'char_length(verbatim) <= 4000' })
@Index({ name: 'voc_survey_response_center_idx', properties: ['centerId', 'contactArrivedAt'] })
@Index({ name: 'voc_survey_response_agent_idx', properties: ['agentEmployeeNo', 'contactArrivedAt'] })
@Index({ name: 'voc_survey_response_arrived_idx', properties: ['contactArrivedAt'] })
export class SurveyResponse {
  [OptionalProps]?:
    | 'createdAt'
    | 'verbatim'
    | 'withdrawnAt'
    | 'correctedAt'
    | 'originalScore'
    | 'changeReason'
    | 'changedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  invitationId!: string;

  @Enum({ items: () => [...SURVEY_KINDS], nativeEnumName: 'voc_survey_kind' })
  kind!: SurveyKind;

  @Property({ type: 'int' })
  score!: number;

  /** CSAT: whether the score reaches the form's top box (null for NPS and CES). */
  @Property({ type: 'boolean', nullable: true })
  topBox: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  verbatim: string | null = null;

  @Property({ type: 'timestamptz' })
  answeredAt!: Date;

  @Property({ type: 'uuid' })
  centerId!: string;

  /** The agent's team on the contact's arrival day (staff's history, read at import); null: none. */
  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'text', nullable: true })
  agentEmployeeNo: string | null = null;

  @Property({ type: 'text', nullable: true })
  queueCode: string | null = null;

  @Property({ type: 'timestamptz' })
  contactArrivedAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /**
   * Set when the response was withdrawn (the customer's or the bank's request): it is kept, but no
   * longer counts anywhere (the rollup subtracted it in the same transaction).
   */
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  /** The last correction of the score (null: never corrected). */
  @Property({ type: 'timestamptz', nullable: true })
  correctedAt: Date | null = null;

  /** The score as first imported, once corrected: a re-import of the original row stays unchanged. */
  @Property({ type: 'int', nullable: true })
  originalScore: number | null = null;

  /** Why it was last corrected or withdrawn, and by whom (the caller's subject). */
  @Property({ type: 'text', nullable: true })
  changeReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  changedBy: string | null = null;
}
