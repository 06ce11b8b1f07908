// Loaded first by every app's main.ts: imports nothing of this repository, nor graphql or pg.
export { startTracing, otlpTracesWanted } from './tracing';
export { maskSqlLiterals, type Tracing, type TracingOptions } from './tracing-options';
