import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

// What startTracing (tracing.ts) and the SDK it loads on demand (tracing-sdk.ts) share: apart, so
// neither file imports the other back.

export interface TracingOptions {
  /** service.name of the spans, unless OTEL_SERVICE_NAME says otherwise. */
  service: string;
  /** Where spans go (tests: an in-memory exporter); default OTLP over HTTP when the environment asks. */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  provider: NodeTracerProvider;
  /** Sends what is buffered, then stops tracing and removes the instrumentation. */
  shutdown: () => Promise<void>;
}

/**
 * A statement's text without its literals: some statements carry values inline (employee numbers,
 * names), and traces leave the service for a collector. Quoted strings (E'', dollar-quoted
 * included) become `?`; `$1` parameters, identifiers and keywords stay.
 */
export function maskSqlLiterals(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, '?')
    .replace(/\b[Ee]'(?:[^'\\]|\\.|'')*'/g, '?')
    .replace(/'(?:[^']|'')*'/g, '?');
}
