import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { maskSqlLiterals, type Tracing, type TracingOptions } from './tracing-options';

// Loaded by startTracing only when a process traces (see there).

/** Probes and scrapes are not worth a trace each. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

function untraced(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://localhost').pathname);
}

/** The OpenTelemetry SDK set up for startTracing. */
export function traceProcess(options: TracingOptions, env: NodeJS.ProcessEnv): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || options.service }),
    spanProcessors: [
      options.exporter
        ? new SimpleSpanProcessor(options.exporter)
        : new BatchSpanProcessor(new OTLPTraceExporter()),
    ],
  });
  // The global provider, AsyncLocalStorage context, and the W3C trace-context and baggage propagators.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: untraced }),
      new UndiciInstrumentation(),
      // One span per field path kind, not per row: a list of 200 agents is not 2,000 spans.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({
        requestHook: (span, { query }) => span.setAttribute('db.query.text', maskSqlLiterals(query.text)),
      }),
    ],
  });
  return {
    provider,
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}
