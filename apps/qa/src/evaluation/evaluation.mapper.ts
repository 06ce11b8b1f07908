import type { EvaluationRecord } from './evaluation-rows';
import { CategoryScoreType, EvaluationAnswerType, EvaluationType, SectionScoreType } from './evaluation.type';

export function toEvaluationType(evaluation: EvaluationRecord): EvaluationType {
  return Object.assign(new EvaluationType(), {
    id: evaluation.id,
    scorecardId: evaluation.scorecard.id,
    agent: { employeeNo: evaluation.agentEmployeeNo },
    evaluatorEmployeeNo: evaluation.evaluatorEmployeeNo,
    evaluator: { employeeNo: evaluation.evaluatorEmployeeNo },
    contact: { source: evaluation.contactSource, externalId: evaluation.contactExternalId },
    status: evaluation.status,
    answers: evaluation.answers.map((a) => Object.assign(new EvaluationAnswerType(), a)),
    comment: evaluation.comment,
    overallScore: evaluation.overallScore,
    autoFailed: evaluation.autoFailed,
    sectionScores: (evaluation.sectionScores ?? []).map((s) => Object.assign(new SectionScoreType(), s)),
    categoryScores: Object.entries(evaluation.categoryScores ?? {})
      .map(([category, score]) => Object.assign(new CategoryScoreType(), { category, score }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    createdAt: evaluation.createdAt,
    submittedAt: evaluation.submittedAt,
    acknowledgedAt: evaluation.acknowledgedAt,
    disputedAt: evaluation.disputedAt,
    disputeReason: evaluation.disputeReason,
    resolvedAt: evaluation.resolvedAt,
    resolution: evaluation.resolution,
    resolutionReason: evaluation.resolutionReason,
    scoreBeforeResolution: evaluation.scoreBeforeResolution,
    calibrationSessionId: evaluation.calibrationSession?.id ?? null,
  });
}
