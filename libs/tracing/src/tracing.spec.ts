import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { maskSqlLiterals, otlpTracesWanted, startTracing } from './tracing';

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
