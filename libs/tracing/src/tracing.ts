import type { Tracing, TracingOptions } from './tracing-options';

/**
 * Whether the environment asks for traces sent over OTLP, read the OpenTelemetry way: off unless
 * OTEL_TRACES_EXPORTER=otlp or an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; OTEL_TRACES_EXPORTER=none and OTEL_SDK_DISABLED=true
 * turn it off whatever else is set.
 */
export function otlpTracesWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unsupported = exporters.filter((name) => name !== 'otlp' && name !== 'none');
  if (unsupported.length) {
    throw new Error(
      `OTEL_TRACES_EXPORTER=${env.OTEL_TRACES_EXPORTER}: Switchboard sends traces with otlp (or none)`,
    );
  }
  if (exporters.includes('none')) return false;
  if (exporters.includes('otlp')) return true;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Traces this process: HTTP served and sent (node:http and fetch), GraphQL parse, validate and
 * execute, and SQL (pg), with W3C trace context read from and written to every HTTP request. Must run
 * before `pg` and `graphql` are loaded (the first import of an app's main.ts, via its tracing.ts):
 * instrumentation patches modules as they load. Returns undefined, and loads nothing into the
 * process, when no exporter is given and the environment asks for none.
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  const env = options.env ?? process.env;
  if (!options.exporter && !otlpTracesWanted(env)) return undefined;
  // The SDK and its instrumentations (16 MiB of RSS, 5 MiB of live heap) are loaded only by a
  // process that traces: imported at the top, they were loaded into every one (issue 23 part 5).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { traceProcess } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  return traceProcess(options, env);
}
