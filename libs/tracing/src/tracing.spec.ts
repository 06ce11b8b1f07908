import { execFileSync } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { otlpTracesWanted, startTracing } from './tracing';
import { maskSqlLiterals } from './tracing-options';

const REGISTER = resolve(__dirname, '..', '..', '..', 'tools', 'bin', 'register.js');
const TRACING = resolve(__dirname, 'index.ts');
/** Starts tracing as an app's tracing.ts does, then prints which OpenTelemetry packages are loaded. */
const PRINT_LOADED_SDK = `
  const tracing = require(${JSON.stringify(TRACING)}).startTracing({ service: 'probe' });
  const names = Object.keys(require.cache)
    .map((path) => /node_modules\\/@opentelemetry\\/([^/]+)\\//.exec(path)?.[1])
    .filter((name) => name && name !== 'api');
  console.log(JSON.stringify([...new Set(names)]));
  void tracing?.shutdown();
`;

describe('otlpTracesWanted', () => {
  it('is off by default and follows the OpenTelemetry environment variables', () => {
    expect(otlpTracesWanted({})).toBe(false);
    expect(otlpTracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(otlpTracesWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      true,
    );
    expect(otlpTracesWanted({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(
      otlpTracesWanted({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }),
    ).toBe(false);
    expect(otlpTracesWanted({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(false);
    expect(() => otlpTracesWanted({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/otlp/);
  });

  it('starts nothing when the environment asks for no exporter', () => {
    expect(startTracing({ service: 'off', env: {} })).toBeUndefined();
  });

  // Issue 23 part 5: the SDK cost every process 16 MiB of RSS with tracing off. Jest's module
  // loader is not Node's, so a process of its own tells which modules it loaded.
  it('loads none of the OpenTelemetry SDK when it starts nothing', () => {
    const loaded = (env: NodeJS.ProcessEnv) =>
      JSON.parse(
        execFileSync(process.execPath, ['--require', REGISTER, '--eval', PRINT_LOADED_SDK], {
          encoding: 'utf8',
          env: { ...process.env, OTEL_TRACES_EXPORTER: '', ...env },
        }),
      ) as string[];
    expect(loaded({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
    expect(loaded({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual(
      expect.arrayContaining(['sdk-trace-node', 'instrumentation-pg', 'exporter-trace-otlp-http']),
    );
  });
});

describe('startTracing', () => {
  // The server side (node:http, graphql, pg patched as they load) cannot be seen under Jest, whose
  // module loader bypasses Node's: tools/e2e/observability.e2e-spec.ts checks it in real processes.
  it('traces fetches in the active trace and sends the W3C traceparent with each', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ service: 'unit', exporter, env: {} });
    if (!tracing) throw new Error('tracing did not start');
    // Loaded after tracing started, as main.ts loads the rest of an app.
    const http = await import('node:http');
    let received: IncomingHttpHeaders = {};
    const server = http.createServer((request, response) => {
      received = request.headers;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const root = trace.getTracer('test').startSpan('root');
      await context.with(trace.setSpan(context.active(), root), async () => {
        await (await fetch(`http://127.0.0.1:${port}/graphql`)).text();
        await (await fetch(`http://127.0.0.1:${port}/health`)).text();
      });
      root.end();
      const traceId = root.spanContext().traceId;
      expect(received.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      const spans = exporter.getFinishedSpans();
      const fetches = spans.filter((s) => s.kind === 2); // CLIENT
      expect(fetches).toHaveLength(2);
      expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
      expect(received.traceparent).toContain(fetches[1].spanContext().spanId);
      expect(spans[0].resource.attributes['service.name']).toBe('unit');
    } finally {
      server.close();
      await tracing.shutdown();
    }
  });
});

describe('maskSqlLiterals', () => {
  it('leaves no inline value in a traced statement, and keeps its shape', () => {
    expect(
      maskSqlLiterals(
        "select * from agent where employee_no in ('E10141', 'O''Brien') and note = E'a\\'b' and id = $1",
      ),
    ).toBe('select * from agent where employee_no in (?, ?) and note = ? and id = $1');
    expect(maskSqlLiterals('select $tag$secret$tag$, $$x$$, $2::text')).toBe('select ?, ?, $2::text');
    expect(maskSqlLiterals('select "c0".* from "center" as "c0"')).toBe(
      'select "c0".* from "center" as "c0"',
    );
  });
});
