export { createLogger, type Logger } from './logger';
export {
  ErrorCode,
  badUserInput,
  notFound,
  conflict,
  flattenValidationErrors,
  formatGraphQLError,
  withVariableFields,
  queryTooCostly,
  type FieldProblem,
} from './errors';
export {
  COST_LIMITS,
  TYPICAL_GROUPS,
  estimateStatsRows,
  checkStatsRows,
  type StatsEstimate,
  type StatsRequest,
} from './query-cost';
export { serveGraphQL, listen, type GraphQLHttpOptions, type RunningServer } from './http-server';
export { onShutdown } from './shutdown';
export {
  boundHeapGrowth,
  heapGrowingPercentFrom,
  DEFAULT_HEAP_GROWING_PERCENT,
  HEAP_GROWING_PERCENT_ENV,
} from './heap-growth';
export { controlCharacterGuard } from './control-characters';
export {
  metricsRegistry,
  metricsExposureFromEnv,
  operationMetrics,
  subgraphFetchDuration,
  importRows,
  ingestBatchReports,
  secondsSince,
  sampledGauge,
  lagReader,
  databasePoolConnections,
  rollupLag,
  escalationLag,
  type MetricsExposure,
  type SampledGauge,
  type GaugeReader,
  type GaugeReading,
} from './metrics';
