export {
  metricsRegistry,
  importRows,
  ingestBatchReports,
  subgraphFetchDuration,
  secondsSince,
} from './registry';
export {
  sampledGauge,
  lagReader,
  databasePoolConnections,
  rollupLag,
  escalationLag,
  type SampledGauge,
  type GaugeReader,
  type GaugeReading,
} from './sampled-gauge';
export { operationMetrics, operationLabel } from './operation-metrics';
export {
  metricsExposureFromEnv,
  metricsRoute,
  metricsServer,
  timeHttpRequest,
  METRICS_PATH,
  type MetricsExposure,
} from './metrics-endpoint';
