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
  ahtSeconds,
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
  trafficIntensity,
  erlangB,
  erlangCWaitProbability,
  erlangC,
  erlangCStaffing,
  scheduledAgents,
  leastAgents,
  type Workload,
  type StaffingTargets,
  type ErlangCResult,
} from './erlang-c';
export { erlangA, erlangAStaffing, type ErlangAResult } from './erlang-a';
export {
  KPI_DIRECTIONS,
  KPI_STATUSES,
  kpiAttainment,
  compositeScore,
  type KpiDirection,
  type KpiStatus,
  type KpiGoal,
  type KpiAttainment,
  type WeightedAttainment,
} from './kpi-attainment';
export {
  scoreEvaluation,
  criterionEarned,
  criterionMax,
  calibrationDeviation,
  meanAbsoluteDeviation,
  type QaCriterion,
  type QaCriterionType,
  type QaCritical,
  type QaSection,
  type QaAnswer,
  type QaSectionScore,
  type QaCategoryScore,
  type QaEvaluationScore,
} from './qa-scoring';
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
export {
  zoneOffsetMinutes,
  localInstant,
  localMidnight,
  localDay,
  addDays,
  isoWeekday,
  todayUtc,
} from './calendar';
export { type DayVolumes, operatingDays, daysBefore, weekday, dayTotal } from './forecast/history';
export { sameWeekdayAverage, seasonalNaive, lastSameWeekdayDays } from './forecast/same-weekday';
export { topDownForecast, DEFAULT_TOP_DOWN, type TopDownOptions } from './forecast/top-down';
export { svdFactorForecast, DEFAULT_SVD_FACTOR, type SvdFactorOptions } from './forecast/svd-factor';
export { intradayReforecast, DEFAULT_INTRADAY_WEIGHT } from './forecast/intraday-update';
export { ahtForecast } from './forecast/aht-forecast';
export {
  wape,
  forecastBias,
  mape,
  forecastAccuracy,
  noiseFloor,
  poissonMeanAbsoluteDeviation,
  type ForecastAccuracy,
} from './forecast/accuracy';
export {
  WIDE_RESIDUAL_RATIOS,
  residualRatioQuantiles,
  poissonQuantile,
  predictionIntervals,
  type ResidualRatios,
  type IntervalForecast,
} from './forecast/prediction-interval';
export {
  FORECAST_METHODS,
  BASELINE_METHOD,
  FORECASTERS,
  type ForecastMethod,
  type DayForecaster,
} from './forecast/methods';
export {
  FORECAST_LEADS,
  DEFAULT_BACKTEST,
  backtest,
  forecastDays,
  historyAtLead,
  type ForecastLead,
  type BacktestOptions,
  type MethodBacktest,
  type BacktestResult,
  type DayForecast,
} from './forecast/backtest';
export {
  ON_QUEUE_STATES,
  ACTIVITY_KINDS,
  DEFAULT_ACTIVITY_RULES,
  DEFAULT_ADHERENCE_THRESHOLD_SECONDS,
  scheduleAdherence,
  type AgentState,
  type ActivityKind,
  type ActivityRule,
  type ScheduleSegment,
  type StateSpan,
  type ExceptionImpact,
  type AdherenceException,
  type ScheduleAdherence,
} from './schedule-adherence';
export { scheduleShrinkage, periodAdherence, type PeriodAdherence } from './schedule-shrinkage';
export { scheduledOnQueueAgents, coverageGap } from './schedule-coverage';
