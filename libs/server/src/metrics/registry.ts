import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: Node's default process metrics (CPU, memory, event loop,
 * GC) and every Switchboard series below. Every series carries `service`, since tests run the
 * gateway and all subgraphs in one process.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Seconds, from a fast in-process answer to a slow drill-down or a long import. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'switchboard_http_request_duration_seconds',
  help: 'HTTP requests served, by route, method and status (the _count is the number of requests)',
  labelNames: ['service', 'route', 'method', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperationDuration = new Histogram({
  name: 'switchboard_graphql_operation_duration_seconds',
  help: 'GraphQL operations answered, by operation name and type, outcome ok or error (the _count is the number of operations)',
  labelNames: ['service', 'operation', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlErrors = new Counter({
  name: 'switchboard_graphql_errors_total',
  help: 'GraphQL errors sent to callers, by operation name and extensions.code',
  labelNames: ['service', 'operation', 'code'] as const,
  registers: [metricsRegistry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'switchboard_subgraph_fetch_duration_seconds',
  help: "The gateway's fetches to each subgraph, by subgraph and HTTP status (0: no answer)",
  labelNames: ['service', 'subgraph', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const importRows = new Counter({
  name: 'switchboard_import_rows_total',
  help: 'Rows of file imports, by import and outcome (read, inserted, duplicate, rejected)',
  labelNames: ['service', 'import', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const ingestBatchReports = new Counter({
  name: 'switchboard_ingest_batch_reports_total',
  help: "Import batches a subgraph reported to traffic's data timeliness, by kind and outcome (recorded, duplicate, failed)",
  labelNames: ['service', 'kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Prometheus wants seconds; performance.now() gives milliseconds. */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1_000;
}
