import type { TrainingSummaryType } from '../training/training-summary.type';
import { PerformanceTrainingType } from './performance.type';

/** A group's training summary -> a record's training part (the rates and counts the record shows). */
export function toPerformanceTrainingType(metrics: TrainingSummaryType): PerformanceTrainingType {
  return Object.assign(new PerformanceTrainingType(), {
    completionRate: metrics.completionRate,
    overdue: metrics.overdue,
    firstAttemptPassRate: metrics.firstAttemptPassRate,
    passRate: metrics.passRate,
    averageScore: metrics.averageScore,
    certificationCoverage: metrics.certificationCoverage,
  });
}
