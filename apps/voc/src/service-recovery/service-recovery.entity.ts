import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The outbox of service recovery (issue 19 item 4): a CSAT answer of 2 or less with a verbatim,
 * written in the survey import's transaction (one per response: its key), then sent to care's
 * openServiceRecovery by a pg-boss job until care answers. care is idempotent by the response, so a
 * job that crashed after care answered sends it again and gets the same commitment back.
 */
@Entity({ tableName: 'voc_service_recovery' })
@Index({
  name: 'voc_service_recovery_pending_idx',
  expression:
    'create index "voc_service_recovery_pending_idx" on "voc_service_recovery" ("created_at") where done_at is null',
})
export class ServiceRecoveryRequest {
  [OptionalProps]?: 'createdAt' | 'attempts' | 'doneAt' | 'commitmentId' | 'lastError';

  /** The survey response recovered (voc_survey_response.id). */
  @PrimaryKey({ type: 'uuid' })
  responseId!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  contactSource!: string;

  @Property({ type: 'text' })
  contactExternalId!: string;

  @Property({ type: 'text' })
  agentEmployeeNo!: string;

  @Property({ type: 'int' })
  score!: number;

  @Property({ type: 'timestamptz' })
  answeredAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'int' })
  attempts = 0;

  /** When care answered (with the commitment, or with a refusal kept in lastError): sent no more. */
  @Property({ type: 'timestamptz', nullable: true })
  doneAt: Date | null = null;

  /** care's commitment. */
  @Property({ type: 'uuid', nullable: true })
  commitmentId: string | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
