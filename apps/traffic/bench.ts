// The benchmarking entry (`@switchboard/traffic/bench`): what tools/bench needs to run traffic's own
// statistics SQL and roll-up beside the GraphQL answer. Never loaded by the service itself.
export { Granularity, StatsDimension } from './src/common/enums';
export type { StatsFilter } from './src/stats/stats.input';
export { STATS_WORK_MEM, trafficStatsSql } from './src/stats/traffic-stats.query';
export { columnsFor } from './src/stats/metric-columns';
export { rollUpCommitted } from './src/ingest/roll-up';
export { hasOutcomesSql } from './src/model/measures';
export { trafficDatabase } from './src/traffic.subgraph';
export { startTrafficJobs } from './src/traffic.jobs';
export { alertDelivery } from './src/alert/alert-delivery';
export { performanceTrafficRows, type ScopePart } from './src/performance/performance-traffic.query';
export { trafficStatsStatement } from './src/stats/traffic-stats.service';
export { exportCopySql, exportPeriods, parseExportRequest } from './src/stats/traffic-stats-export.route';
export { rollUpSql } from './src/ingest/roll-up';
export { segmentRollUpSql } from './src/stats/segment-rollup';
export { segmentStats } from './src/stats/segment-stats.service';
export { monthsOf, readyContactMonths } from './src/contact/contact-partitions';
