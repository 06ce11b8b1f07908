import './production-mode';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startGateway } from '@switchboard/gateway';
import { createLogger } from '@switchboard/server';
import { startSubgraph } from '@switchboard/subgraph-kit';
import { ensureTestKeys, postGraphQL, registerTestEndpoint } from '@switchboard/testing';
import { SUPERGRAPH_PATH, subgraphs } from '../src/subgraphs';
import { benchSize, sized } from './bench-size';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { DRILL_DOWN, drillDownVariables } from './drill-down';
import {
  formatCount,
  formatMs,
  max,
  median,
  min,
  percentile,
  progress,
  progressDone,
  table,
  timed,
} from './measurement';
import { commandLine, machine, saveResult } from './results';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string', default: '3' },
    center: { type: 'string', default: 'SHA-01' },
  },
});
const runs = sized(benchSize(args.size), { default: { runs: '10' }, large: { runs: '15' } })(
  args.runs,
  'runs',
);
const warmup = Number(args.warmup);

const YEAR_TREND = `query YearTrend($input: PerformanceTrendInput!) {
  performanceTrend(input: $input) { from kpis { code value status } }
}`;

/** What the gateway's fetches to one subgraph cost during a query: calls, wall time, bytes each way. */
interface FetchTally {
  calls: number;
  ms: number;
  sent: number;
  received: number;
}

/**
 * Wraps the process's fetch (the gateway's subgraph fetches go through it) to tally each subgraph's
 * calls, time and bytes; `tally` is reset by the caller between queries.
 */
function tallyFetches(subgraphOf: (url: string) => string | undefined): Map<string, FetchTally> {
  const tally = new Map<string, FetchTally>();
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const name = subgraphOf(String(input instanceof Request ? input.url : input));
    if (!name) return original(input, init);
    const started = performance.now();
    const response = await original(input, init);
    const body = await response.arrayBuffer();
    const entry = tally.get(name) ?? { calls: 0, ms: 0, sent: 0, received: 0 };
    entry.calls += 1;
    entry.ms += performance.now() - started;
    entry.sent += typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0;
    entry.received += body.byteLength;
    tally.set(name, entry);
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return tally;
}

const formatBytes = (bytes: number): string =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1_000)} kB`;

interface Node {
  children?: Node[];
  kpis: { status: string | null }[];
}

/**
 * npm run bench:performance: every subgraph with its demo data (200 agents, a month of contacts,
 * a year of training, a quarter of evaluations, the kpi targets) behind the gateway on a throwaway
 * PostgreSQL; times the center drill-down query.
 */
async function main(): Promise<void> {
  const cluster = await startBenchCluster('switchboard-bench-performance-');
  const stops: (() => Promise<void>)[] = [];
  // The gateway's keys for this run; the bench asks as an administrator (libs/testing's identity).
  ensureTestKeys();
  try {
    const urls: Record<string, string> = {};
    const counters: Record<string, string[]> = {};
    for (const { definition } of subgraphs) {
      progress(`starting ${definition.name} (demo seed on first start)`);
      const statements: string[] = [];
      counters[definition.name] = statements;
      const subgraph = await startSubgraph(definition, {
        port: 0,
        databaseUrl: cluster.url(`bench_${definition.name}`),
        seedDemo: true,
        logger: createLogger(definition.name),
        background: false,
        onQuery: (sql) => statements.push(sql),
      });
      stops.push(subgraph.stop);
      urls[definition.name] = subgraph.server.url;
    }
    const fetches = tallyFetches(
      (url) => Object.entries(urls).find(([, subgraphUrl]) => url === subgraphUrl)?.[0],
    );
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: urls,
      subgraphTimeoutMs: 600_000,
      port: 0,
      logger: createLogger('gateway'),
    });
    stops.unshift(gateway.stop);
    registerTestEndpoint(gateway.url, { kind: 'gateway' });
    const gql = <T>(query: string, variables?: Record<string, unknown>) =>
      postGraphQL<T>(gateway.url, query, variables);

    // The demo's queues name their demo center, so the center's own traffic is there.
    const setup = await gql<{ centers: { id: string; code: string }[] }>('{ centers { id code } }');
    const centers = new Map((setup.data?.centers ?? []).map((c) => [c.code, c.id]));
    const variables = drillDownVariables(centers.get(args.center) as string);
    const contacts = await withClient(cluster.url('bench_traffic'), async (client) =>
      Number((await client.query('select count(*) from contact')).rows[0].count),
    );

    const times: number[] = [];
    let records = 0;
    let statuses = '';
    for (let i = 0; i < warmup + runs; i++) {
      progress(`${i < warmup ? 'warm-up' : 'run'} ${i < warmup ? i + 1 : i - warmup + 1}`);
      for (const list of Object.values(counters)) list.length = 0;
      const { ms, result } = await timed(() => gql<{ performance: Node }>(DRILL_DOWN, variables));
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      if (i >= warmup) times.push(ms);
      const center = result.data?.performance as Node;
      const all = [
        center,
        ...(center.children ?? []),
        ...(center.children ?? []).flatMap((t) => t.children ?? []),
      ];
      records = all.length;
      const tally = new Map<string, number>();
      for (const k of all.flatMap((r) => r.kpis))
        tally.set(String(k.status), (tally.get(String(k.status)) ?? 0) + 1);
      statuses = [...tally].map(([s, n]) => `${s} ${n}`).join(', ');
    }
    const drillDownStatements = Object.entries(counters)
      .map(([name, list]) => `${name} ${list.length}`)
      .join(', ');
    // Issue 17: the dashboard's center trend over a year by day answers within the gateway's
    // subgraph deadline (10 s, SUBGRAPH_TIMEOUT_MS), every KPI of the catalog per day.
    const toDay = new Date().toISOString().slice(0, 10);
    const fromDay = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const trendTimes: number[] = [];
    let trendBuckets = 0;
    for (let i = 0; i < 1 + Math.min(runs, 3); i++) {
      progress(`year trend ${i === 0 ? 'warm-up' : `run ${i}`}`);
      for (const list of Object.values(counters)) list.length = 0;
      fetches.clear();
      const { ms, result } = await timed(() =>
        gql<{ performanceTrend: unknown[] }>(YEAR_TREND, {
          input: { scope: variables.scope, granularity: 'DAY', fromDay, toDay, timeZone: 'Asia/Shanghai' },
        }),
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      if (i > 0) trendTimes.push(ms);
      trendBuckets = result.data?.performanceTrend.length ?? 0;
    }
    // The last trend's fetches per subgraph (in one process, a subgraph's time includes waiting for
    // the others' work on the same event loop) and its SQL statements.
    const trendFetches = table(
      ['subgraph', 'calls', 'time', 'sent', 'answered', 'SQL statements'],
      Object.keys(urls).map((name) => {
        const f = fetches.get(name) ?? { calls: 0, ms: 0, sent: 0, received: 0 };
        return [
          name,
          String(f.calls),
          formatMs(f.ms),
          formatBytes(f.sent),
          formatBytes(f.received),
          String(counters[name].filter((sql) => !/^(begin|commit|rollback)/i.test(sql)).length),
        ];
      }),
    );
    const trendRow = [
      `performanceTrend, a year by day (${fromDay} to ${toDay})`,
      ...[median(trendTimes), percentile(trendTimes, 95), min(trendTimes), max(trendTimes)].map(formatMs),
    ];
    progressDone();
    console.log(await describeSetup(cluster.url('bench_traffic')));
    console.log(
      `\nDrill-down: center ${args.center}, its teams and their agents (${records} records), ` +
        `30 days, ${formatCount(contacts)} demo contacts; ${runs} runs after ${warmup} warm-up`,
    );
    console.log(
      table(
        ['query', 'median', 'p95', 'min', 'max'],
        [
          [
            'performance drill-down',
            ...[median(times), percentile(times, 95), min(times), max(times)].map(formatMs),
          ],
          trendRow,
        ],
      ),
    );
    console.log(`\nSQL statements in the last drill-down: ${drillDownStatements}`);
    console.log(`\nThe last year trend (${trendBuckets} buckets), per subgraph:\n${trendFetches}`);
    console.log(`KPI statuses in the answer: ${statuses}`);
    const postgres = await withClient(cluster.url('bench_traffic'), async (c) =>
      String((await c.query('show server_version')).rows[0].server_version),
    );
    await saveResult({
      name: 'performance',
      title: 'Drill-down: one request at a time',
      command: commandLine('bench:performance'),
      date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      machine: machine(postgres),
      tables: [
        {
          title: `center ${args.center}, its teams and their agents (${records} records), 30 days, ${formatCount(contacts)} demo contacts; ${runs} runs after ${warmup} warm-up`,
          header: ['query', 'median', 'p95', 'min', 'max'],
          rows: [
            [
              'performance drill-down',
              ...[median(times), percentile(times, 95), min(times), max(times)].map(formatMs),
            ],
            trendRow,
          ],
        },
      ],
      notes: [
        `SQL statements in the last drill-down: ${drillDownStatements}.`,
        `KPI statuses in the answer: ${statuses}.`,
        `The last year trend (${trendBuckets} buckets), per subgraph:\n${trendFetches}`,
      ],
      goals: [],
    });
  } finally {
    for (const stop of stops) await stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
