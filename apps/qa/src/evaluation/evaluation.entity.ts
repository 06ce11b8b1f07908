import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { CalibrationSession } from '../calibration/calibration-session.entity';
import { Scorecard } from '../scorecard/scorecard.entity';
import { EvaluationStatus, DisputeResolution } from '../model/enums';

export interface StoredAnswer {
  criterionKey: string;
  value: number | null;
  na: boolean;
  comment: string | null;
}

export interface StoredSectionScore {
  key: string;
  score: number | null;
  autoFailed: boolean;
}

/**
 * One contact scored for one agent by one evaluator on one scorecard version. The computed scores
 * are stored, so QA summaries are SQL aggregates; `category_scores` maps category -> percent.
 */
@Entity({ tableName: 'evaluation' })
@Index({ name: 'evaluation_agent_submitted_idx', properties: ['agentEmployeeNo', 'submittedAt'] })
@Index({ name: 'evaluation_evaluator_submitted_idx', properties: ['evaluatorEmployeeNo', 'submittedAt'] })
@Unique({
  name: 'evaluation_calibration_evaluator',
  properties: ['calibrationSession', 'evaluatorEmployeeNo'],
})
@Index({ name: 'evaluation_contact_idx', properties: ['contactSource', 'contactExternalId'] })
@Check({
  name: 'evaluation_score_range',
  expression: 'overall_score is null or overall_score between 0 and 100',
})
@Check({
  name: 'evaluation_submitted_has_date',
  expression: "(status = 'DRAFT') = (submitted_at is null)",
})
@Check({
  name: 'evaluation_resolved_has_reason',
  expression: "status <> 'RESOLVED' or resolution_reason is not null",
})
export class Evaluation {
  [OptionalProps]?:
    | 'status'
    | 'answers'
    | 'comment'
    | 'overallScore'
    | 'autoFailed'
    | 'sectionScores'
    | 'categoryScores'
    | 'createdAt'
    | 'submittedAt'
    | 'acknowledgedAt'
    | 'disputedAt'
    | 'disputeReason'
    | 'resolvedAt'
    | 'resolution'
    | 'resolutionReason'
    | 'scoreBeforeResolution'
    | 'calibrationSession';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Scorecard)
  scorecard!: Scorecard;

  @Property({ type: 'text' })
  agentEmployeeNo!: string;

  @Property({ type: 'text' })
  evaluatorEmployeeNo!: string;

  @Property({ type: 'text' })
  contactSource!: string;

  @Property({ type: 'text' })
  contactExternalId!: string;

  @Enum({ items: () => EvaluationStatus, nativeEnumName: 'evaluation_status' })
  status: EvaluationStatus = EvaluationStatus.DRAFT;

  @Property({ type: 'jsonb' })
  answers: StoredAnswer[] = [];

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'double', nullable: true })
  overallScore: number | null = null;

  @Property({ type: 'boolean' })
  autoFailed: boolean = false;

  @Property({ type: 'jsonb', nullable: true })
  sectionScores: StoredSectionScore[] | null = null;

  @Property({ type: 'jsonb', nullable: true })
  categoryScores: Record<string, number> | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  disputedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  disputeReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Enum({ items: () => DisputeResolution, nativeEnumName: 'dispute_resolution', nullable: true })
  resolution: DisputeResolution | null = null;

  @Property({ type: 'text', nullable: true })
  resolutionReason: string | null = null;

  @Property({ type: 'double', nullable: true })
  scoreBeforeResolution: number | null = null;

  /** Set for calibration evaluations, which stay out of agents' QA scores. */
  @ManyToOne(() => CalibrationSession, { nullable: true })
  calibrationSession: CalibrationSession | null = null;
}
