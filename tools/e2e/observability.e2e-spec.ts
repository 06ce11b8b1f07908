import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, getNamedType, isLeafType, isNonNullType, parse } from 'graphql';
import {
  clientToken,
  createTestDatabase,
  postGraphQL,
  randomTestPort,
  subgraphToken,
} from '@switchboard/testing';
import { spawnService, stopService, waitUntilHealthy } from '../src/start/child-process';
import { subgraphs } from '../src/subgraphs';
import { startOtlpCollector, type CollectedSpan, type OtlpCollector } from './otlp-collector';
import { startProcessStack, type ProcessStack } from './process-stack';

const SUBGRAPHS = subgraphs.map((s) => s.definition.name);
/** The subgraphs the drill-down's plan reaches; the others are asked a query of their own. */
const DRILLED = ['staff', 'training', 'qa', 'traffic', 'kpi'];

/** A query of one subgraph's own: its first root field that needs no argument, as `{ f { __typename } }`. */
function ownQuery(sdlPath: string): string {
  const query = buildASTSchema(parse(readFileSync(sdlPath, 'utf8')), { assumeValidSDL: true }).getQueryType();
  const field = Object.values(query?.getFields() ?? {}).find((f) =>
    f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
  );
  if (!field) throw new Error(`${sdlPath}: no root field without required arguments`);
  return isLeafType(getNamedType(field.type)) ? `{ ${field.name} }` : `{ ${field.name} { __typename } }`;
}
const SPAN_KIND = { server: 2, client: 3 };

const DRILL_DOWN = `query DrillDown($scope: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  performance(scope: $scope, from: $from, to: $to) {
    name agents { employeeNo } traffic { offered serviceLevel } qa { score } training { passRate }
    kpis { code value status }
    children { name traffic { offered } qa { score } training { passRate } kpis { code value } }
  }
}`;

const CSV = [
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code',
  'obs,o1,VOICE,INBOUND,OBS-Q,E1,,2026-04-07T10:00:00Z,2026-04-07T10:00:10Z,2026-04-07T10:05:00Z,0,5,ANSWERED,false,',
  'obs,o2,VOICE,INBOUND,OBS-Q,,,not-a-time,,2026-04-07T10:05:00Z,0,0,ABANDONED,false,',
].join('\n');

/** The processes as `npm start` runs them, each exporting its spans over OTLP to a collector of the test. */
describe('observability: /metrics on every service, one trace from gateway to SQL', () => {
  let collector: OtlpCollector;
  let stack: ProcessStack;
  let authorization: Record<string, string>;

  beforeAll(async () => {
    collector = await startOtlpCollector();
    stack = await startProcessStack({
      seed: ['staff', 'kpi'],
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    authorization = { authorization: `Bearer ${await clientToken()}` };
    const gateway = `${stack.gatewayOrigin}/graphql`;
    const centers = await postGraphQL<{ centers: { id: string; code: string }[] }>(
      gateway,
      '{ centers { id code } }',
      {},
      authorization,
    );
    const centerId = centers.data?.centers.find((c) => c.code === 'SHA-01')?.id;
    const drill = await postGraphQL(
      gateway,
      DRILL_DOWN,
      {
        scope: { type: 'CENTER', id: centerId },
        from: '2026-11-01T00:00:00+08:00',
        to: '2026-11-02T00:00:00+08:00',
      },
      authorization,
    );
    expect(drill.errors).toBeUndefined();
    for (const other of subgraphs.filter((s) => !DRILLED.includes(s.definition.name))) {
      const answer = await postGraphQL(gateway, ownQuery(other.sdlPath), {}, authorization);
      expect(answer.errors).toBeUndefined();
    }
    const refused = await postGraphQL(gateway, 'query Misspelt { centres { code } }', {}, authorization);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const imported = await fetch(`${stack.gatewayOrigin}/import/contacts?format=csv`, {
      method: 'POST',
      headers: authorization,
      body: CSV,
    });
    expect(await imported.text()).toContain('"type":"report"');
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
    await collector?.stop();
  });

  const scrape = async (origin: string): Promise<string> => {
    const response = await fetch(`${origin}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it("serves the gateway's requests, operations, errors and subgraph fetches at :4000/metrics", async () => {
    const page = await scrape(stack.gatewayOrigin);
    expect(page).toMatch(
      /^switchboard_graphql_operation_duration_seconds_count\{service="gateway",operation="DrillDown",type="query",outcome="ok"\} 1$/m,
    );
    expect(page).toMatch(
      /^switchboard_graphql_errors_total\{service="gateway",operation="Misspelt",code="GRAPHQL_VALIDATION_FAILED"\} 1$/m,
    );
    expect(page).toMatch(/^switchboard_http_request_duration_seconds_bucket\{.*route="\/graphql"/m);
    expect(page).toMatch(/^switchboard_http_request_duration_seconds_count\{.*route="\/import\/contacts"/m);
    for (const name of SUBGRAPHS) {
      expect(page).toMatch(
        new RegExp(
          `^switchboard_subgraph_fetch_duration_seconds_count\\{service="gateway",subgraph="${name}",status="200"\\}`,
          'm',
        ),
      );
    }
    expect(page).toMatch(/^process_cpu_user_seconds_total /m);
    expect(page).not.toMatch(/service="(staff|traffic|kpi)"/);
  });

  it("serves each subgraph's operations and database pool at its own /metrics, and traffic's import rows and rollup lag", async () => {
    for (const name of SUBGRAPHS) {
      const page = await scrape(stack.subgraphOrigins[name]);
      expect(page).toMatch(
        new RegExp(`^switchboard_graphql_operation_duration_seconds_count\\{service="${name}",`, 'm'),
      );
      for (const state of ['used', 'free', 'pending']) {
        expect(page).toMatch(
          new RegExp(`^switchboard_db_pool_connections\\{state="${state}",service="${name}"\\} \\d+$`, 'm'),
        );
      }
      expect(page).toMatch(/^nodejs_heap_size_used_bytes /m);
      expect(page).not.toContain('service="gateway"');
    }
    const traffic = await scrape(stack.subgraphOrigins.traffic);
    for (const [outcome, rows] of [
      ['read', 2],
      ['inserted', 1],
      ['rejected', 1],
    ] as const) {
      expect(traffic).toContain(
        `switchboard_import_rows_total{service="traffic",import="contacts_csv",outcome="${outcome}"} ${rows}`,
      );
    }
    expect(traffic).toContain('switchboard_rollup_lag_seconds{service="traffic"} 0');
  });

  it('traces the drill-down with one trace id from the gateway through every subgraph to its SQL', async () => {
    const drillTrace = (): CollectedSpan[] => {
      // A subgraph's part of the plan is named after the operation: DrillDown__kpi__0, ...
      const root = collector.spans.find((s) =>
        /^DrillDown__/.test(String(s.attributes['graphql.operation.name'])),
      );
      return root ? collector.spans.filter((s) => s.traceId === root.traceId) : [];
    };
    const isSql = (s: CollectedSpan): boolean => s.attributes['db.system.name'] === 'postgresql';
    const gatewayServer = (s: CollectedSpan): boolean =>
      s.service === 'gateway' && s.kind === SPAN_KIND.server;
    // every service exports on its own schedule: wait for the gateway's span as for the subgraphs'
    const complete = (spans: CollectedSpan[]): boolean =>
      spans.some(gatewayServer) && DRILLED.every((name) => spans.some((s) => s.service === name && isSql(s)));
    const deadline = Date.now() + 30_000;
    while (!complete(drillTrace()) && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 250));
    const spans = drillTrace();
    expect(spans.some(gatewayServer)).toBe(true);
    // Per subgraph: the gateway's fetch to it (which sent traceparent), its HTTP server side, its SQL.
    const seen = DRILLED.map((name) => ({
      name,
      fetched: spans.some(
        (s) =>
          s.service === 'gateway' &&
          s.kind === SPAN_KIND.client &&
          String(s.attributes['url.full']).startsWith(stack.subgraphOrigins[name]),
      ),
      served: spans.some((s) => s.service === name && s.kind === SPAN_KIND.server),
      sql: spans.some((s) => s.service === name && isSql(s)),
    }));
    expect(seen).toEqual(DRILLED.map((name) => ({ name, fetched: true, served: true, sql: true })));
    // Statements are traced without the values some of them carry inline (employee numbers).
    const statements = spans.filter(isSql).map((s) => String(s.attributes['db.query.text']));
    expect(statements.filter((text) => text.includes("'"))).toEqual([]);
    expect(statements.some((text) => text.includes('?'))).toBe(true);
  });

  it('serves the GraphQL IDE from its own page, and no CDN page on a subgraph', async () => {
    const ide = await fetch(`${stack.gatewayOrigin}/graphql`, { headers: { accept: 'text/html' } });
    const page = await ide.text();
    expect(page).toContain('<title>Switchboard GraphQL</title>');
    expect(page).not.toMatch(/https?:\/\//);
    const subgraph = await fetch(`${stack.subgraphOrigins.staff}/graphql`, {
      headers: { accept: 'text/html' },
    });
    expect(await subgraph.text()).not.toMatch(/apollographql|<html/i);
  });
});

describe('tracing at shutdown', () => {
  it('sends the spans still buffered when a service stops', async () => {
    const collector = await startOtlpCollector();
    const database = await createTestDatabase('kpi');
    const logDir = mkdtempSync(join(tmpdir(), 'switchboard-flush-'));
    const kpi = subgraphs.find((s) => s.definition.name === 'kpi');
    if (!kpi) throw new Error('no kpi subgraph');
    const port = randomTestPort('service');
    const service = spawnService(
      'kpi',
      kpi.main,
      {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        KPI_DATABASE_URL: database.url,
        KPI_MIGRATION_DATABASE_URL: database.ownerUrl,
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
        // Nothing is sent on the timer: only the shutdown's flush can deliver the request's span.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      logDir,
    );
    try {
      await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, 240_000);
      const answer = await postGraphQL(
        `http://127.0.0.1:${port}/graphql`,
        'query Flushed { __typename }',
        {},
        { authorization: `Bearer ${await subgraphToken('kpi')}` },
      );
      expect(answer.errors).toBeUndefined();
      const flushed = (): boolean =>
        collector.spans.some(
          (s) => s.service === 'kpi' && s.attributes['graphql.operation.name'] === 'Flushed',
        );
      expect(flushed()).toBe(false);
      await stopService(service);
      expect(await service.exited).toBe(0);
      expect(flushed()).toBe(true);
    } finally {
      await stopService(service);
      await database.drop();
      await collector.stop();
      rmSync(logDir, { recursive: true, force: true });
    }
  }, 300_000);
});
