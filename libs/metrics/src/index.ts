export { ratio } from './ratio';
export {
  SERVICE_LEVEL_VARIANTS,
  DEFAULT_SERVICE_LEVEL_VARIANT,
  DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS,
  DEFAULT_SHORT_ABANDON_SECONDS,
  DEFAULT_SERVICE_LEVEL_TARGET,
  DEFAULT_FCR_WINDOW_DAYS,
  contactMetrics,
  serviceLevel,
  sumContactTotals,
  emptyContactTotals,
  fcrRate,
  type ServiceLevelVariant,
  type ContactTotals,
  type ContactMetrics,
} from './contact-metrics';
export { waitSeconds, talkSeconds, handleSeconds, type ContactTimes } from './contact-times';
export { occupancy, utilization, adherence, type AgentStateTotals } from './agent-state-metrics';
export {
  ASSIGNMENT_STATUSES,
  assignmentStatus,
  attemptPassed,
  certificationExpiry,
  certificationValid,
  completionRate,
  passRate,
  firstAttemptPassRate,
  certificationCoverage,
  emptyTrainingTotals,
  trainingMetrics,
  type AssignmentStatus,
  type AssignmentDates,
  type TrainingTotals,
  type TrainingMetrics,
} from './training-metrics';
