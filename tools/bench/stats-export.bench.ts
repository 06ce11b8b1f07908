// First: sets NODE_ENV before GraphQL and Apollo load.
import './production-mode';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { authorizationFor, ensureTestKeys } from '@switchboard/testing';
// The route's own statement (traffic's benchmarking entry): what the SQL alone is timed with.
import {
  exportCopySql,
  exportPeriods,
  parseExportRequest,
  STATS_WORK_MEM,
  trafficStatsStatement,
} from '@switchboard/traffic/bench';
import { startBenchStack } from './bench-stack';
import { describeSetup, ownCpuSeconds, startBenchCluster, withClient } from './bench-cluster';
import { benchGeneration, benchQueues } from './contact-file';
import {
  benchOptions,
  CONTACT_BENCH_SIZES,
  formatCount,
  formatMs,
  max,
  median,
  min,
  profiled,
  progress,
  progressDone,
  table,
  timed,
  verdict,
} from './measurement';
import { zoneOffsetMinutes } from './stats-sql';
import { commandLine, machine, saveResult } from './results';
import { loadStatsContacts } from './stats-load';

/** Issue 23: the export streams at least 0.8× the rate of its SQL alone, first byte under 100 ms. */
const GOAL_RATE_RATIO = 0.8;
const GOAL_FIRST_BYTE_MS = 100;

const { args, contacts, runs, warmup, days, ...shared } = benchOptions(CONTACT_BENCH_SIZES, {
  granularity: { type: 'string', default: 'THIRTY_MINUTES' },
  'group-by': { type: 'string', default: 'QUEUE,CHANNEL' },
  /** A directory: each timed run of the export through the gateway profiled (.cpuprofile). */
  profile: { type: 'string' },
});
const generation = benchGeneration(contacts, days, shared.queues);
const queues = benchQueues(generation);
const timeZone = shared.timeZone;

/** One timed pull: the answer's headers, its first body byte, its last, its rows. */
interface Pull {
  headersMs: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  rows: number;
}

/** Lines of a CSV stream (none of the export's values holds a newline) less its header. */
const countLines = (chunk: Uint8Array): number => {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
  return n;
};

/**
 * GET the route (gateway or subgraph), reading the answer to its end with node:http, Buffers as
 * they come: as lean a reader as the SQL side's pg-copy-streams (a BI tool reads in a process of its
 * own; here it shares the servers' thread, so a heavy reader slows the route it measures).
 */
async function pullRoute(url: string): Promise<Pull> {
  const start = performance.now();
  const headers = (await authorizationFor(url)) as Record<string, string>;
  return new Promise<Pull>((resolve, reject) => {
    const request = get(url, { headers }, (response) => {
      const headersMs = performance.now() - start;
      if (response.statusCode !== 200) {
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => reject(new Error(`HTTP ${response.statusCode}: ${text}`)));
        return;
      }
      let firstByteMs = Number.NaN;
      let bytes = 0;
      let lines = 0;
      response.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - start;
        bytes += chunk.length;
        lines += countLines(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        // a cut answer ends without its last chunk: never counted as a whole export
        if (!response.complete) reject(new Error('the export was cut short'));
        else resolve({ headersMs, firstByteMs, totalMs: performance.now() - start, bytes, rows: lines - 1 });
      });
    });
    request.on('error', reject);
  });
}

/** The same GET read with fetch (WHATWG streams, a promise per chunk): what such a reader costs. */
async function pullRouteWithFetch(url: string): Promise<Pull> {
  const start = performance.now();
  const response = await fetch(url, { headers: await authorizationFor(url) });
  const headersMs = performance.now() - start;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += chunk.length;
    lines += countLines(chunk);
  }
  return { headersMs, firstByteMs, totalMs: performance.now() - start, bytes, rows: lines - 1 };
}

/** COPY statements run directly on a connection, one after the other (work_mem as the route sets it). */
async function pullSql(client: Client, copySqls: string[]): Promise<Pull> {
  const start = performance.now();
  await client.query('begin isolation level repeatable read read only');
  await client.query(`set local work_mem = '${STATS_WORK_MEM}'`);
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  for (const copySql of copySqls) {
    for await (const chunk of client.query(copyTo(copySql)) as AsyncIterable<Buffer>) {
      if (bytes === 0) firstByteMs = performance.now() - start;
      bytes += chunk.length;
      lines += countLines(chunk);
    }
  }
  await client.query('commit');
  const totalMs = performance.now() - start;
  return { headersMs: firstByteMs, firstByteMs, totalMs, bytes, rows: lines - 1 };
}

interface Measure {
  label: string;
  run: () => Promise<Pull>;
  pulls: Pull[];
  /** CPU ms of each timed pull: this process (servers and client), and PostgreSQL's processes. */
  cpu: { node: number[]; postgres: number[] };
}

const rate = (p: Pull): number => p.rows / (p.totalMs / 1000);

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys(); // the bench asks as libs/testing's administrator
  const cluster = await startBenchCluster('switchboard-bench-export-');
  const stops: (() => Promise<void>)[] = [];
  try {
    const stack = await startBenchStack(cluster, { subgraphTimeoutMs: 600_000 });
    stops.push(stack.stop);
    const { urls } = stack;
    const gateway = { url: stack.gatewayUrl };
    const trafficOrm = stack.subgraphs.traffic.orm as MikroORM;
    const offset = zoneOffsetMinutes(timeZone, new Date('2026-10-01T00:00:00Z'));
    const start = new Date(Date.UTC(2026, 9, 1) - offset * 60_000);
    const end = new Date(start.getTime() + days * 86_400_000);
    const query = new URLSearchParams({
      from: start.toISOString(),
      to: end.toISOString(),
      timeZone,
      granularity: args.granularity as string,
      groupBy: args['group-by'] as string,
    }).toString();
    const path = `/export/traffic-stats.csv?${query}`;
    // The statements the route runs for an administrator (sees everything), built by the route's
    // code: trafficStats' one statement over the whole period (the SQL itself), and the route's
    // statements over the period's parts (a day, then each twice as long).
    const parsed = parseExportRequest(new URLSearchParams(query));
    const em = trafficOrm.em.fork();
    const copyOf = (part: { from: Date; to: Date }, header: boolean): string => {
      const filter = Object.assign(
        Object.create(Object.getPrototypeOf(parsed.filter) as object),
        parsed.filter,
        part,
      );
      const statement = trafficStatsStatement(filter, parsed.granularity, parsed.groupBy, undefined, null);
      return exportCopySql(em, statement.sql, statement.params, header);
    };
    const wholeSql = [copyOf(parsed.filter, true)];
    const partSqls = exportPeriods(parsed.filter, parsed.granularity).map((part, i) => copyOf(part, i === 0));
    const trafficDb = cluster.url('bench_traffic');
    await withClient(trafficDb, async (client) => {
      const loading = await timed(() => loadStatsContacts(client, start, { generation, queues, contacts }));
      const measures: Measure[] = [
        {
          label: 'export route through the gateway',
          run: () => pullRoute(`${gateway.url.replace(/\/graphql$/, '')}${path}`),
          pulls: [],
          cpu: { node: [], postgres: [] },
        },
        {
          label: "trafficStats' statement alone, whole period (COPY, pg-copy-streams)",
          run: () => pullSql(client, wholeSql),
          pulls: [],
          cpu: { node: [], postgres: [] },
        },
        {
          label: `diagnostic: the route's ${partSqls.length} COPY statements (a day, then doubling) alone`,
          run: () => pullSql(client, partSqls),
          pulls: [],
          cpu: { node: [], postgres: [] },
        },
        {
          label: 'diagnostic: export route on the traffic subgraph',
          run: () => pullRoute(`${urls.traffic.replace(/\/graphql$/, '')}${path}`),
          pulls: [],
          cpu: { node: [], postgres: [] },
        },
        {
          label: 'diagnostic: export route through the gateway, read with fetch',
          run: () => pullRouteWithFetch(`${gateway.url.replace(/\/graphql$/, '')}${path}`),
          pulls: [],
          cpu: { node: [], postgres: [] },
        },
      ];
      for (let i = 0; i < warmup; i += 1) for (const m of measures) await m.run();
      for (let run = 1; run <= runs; run += 1) {
        // Interleaved, so a disturbance on the machine touches every measure alike.
        for (const m of measures) {
          // PostgreSQL's CPU read outside this process's window (reading /proc costs this process)
          const postgres = cluster.cpuSeconds();
          const node = ownCpuSeconds();
          const profileAs = m === measures[0] ? `export-gateway-run${run}` : '';
          m.pulls.push(await profiled(profileAs ? args.profile : undefined, profileAs, m.run));
          m.cpu.node.push((ownCpuSeconds() - node) * 1000);
          m.cpu.postgres.push((cluster.cpuSeconds() - postgres) * 1000);
        }
        progress(`run ${run}/${runs}`);
      }
      progressDone();
      const sizes = await client.query<{ contacts: string; queue_intervals: string }>(
        `select (select count(*) from contact) as contacts, (select count(*) from queue_interval_stat) as queue_intervals`,
      );
      const rows = measures.map((m) => m.pulls[0].rows);
      const bytes = measures.map((m) => m.pulls[0].bytes);
      console.log(
        `\n/export/traffic-stats.csv, ${days} days, ${args.granularity} × ${args['group-by']}, time zone ${timeZone}; ${runs} timed runs after ${warmup} warm-up`,
      );
      console.log(await describeSetup(trafficDb));
      console.log(
        `data: ${formatCount(Number(sizes.rows[0].contacts))} contacts, ${formatCount(Number(sizes.rows[0].queue_intervals))} queue_interval_stat rows; loaded in ${formatMs(loading.ms)}`,
      );
      console.log(
        `answers: ${rows.every((r) => r === rows[0]) && bytes.every((b) => b === bytes[0]) ? `every side ${formatCount(rows[0])} rows, ${formatCount(bytes[0])} bytes` : `DIFFER: ${rows.join(' / ')} rows, ${bytes.join(' / ')} bytes`}\n`,
      );
      const spread = (values: number[], f: (v: number) => string) =>
        `${f(median(values))} (${f(min(values))} – ${f(max(values))})`;
      const perSecond = (v: number) => `${formatCount(v)}/s`;
      const header = [
        '',
        'total, median (min – max)',
        'rows/s, median (min – max)',
        'headers',
        'first body byte',
        'CPU Node',
        'CPU PostgreSQL',
      ];
      const tableRows = measures.map((m) => [
        m.label,
        spread(
          m.pulls.map((p) => p.totalMs),
          formatMs,
        ),
        spread(m.pulls.map(rate), perSecond),
        spread(
          m.pulls.map((p) => p.headersMs),
          formatMs,
        ),
        spread(
          m.pulls.map((p) => p.firstByteMs),
          formatMs,
        ),
        formatMs(median(m.cpu.node)),
        formatMs(median(m.cpu.postgres)),
      ]);
      console.log(table(header, tableRows));
      const [route, sql, parts] = measures;
      const ratio = median(route.pulls.map(rate)) / median(sql.pulls.map(rate));
      const perRun = route.pulls.map((p, i) => rate(p) / rate(sql.pulls[i]));
      const headers = median(route.pulls.map((p) => p.headersMs));
      const firstCsv = median(route.pulls.map((p) => p.firstByteMs));
      // On a shared machine the wall clock follows the others' load; CPU seconds per row do not.
      const cpuMs = (m: Measure): number => median(m.cpu.node) + median(m.cpu.postgres);
      const cpuNote = `CPU per export (medians, Node = this process: servers and client): through the gateway ${formatMs(median(route.cpu.node))} Node + ${formatMs(median(route.cpu.postgres))} PostgreSQL, the SQL alone ${formatMs(median(sql.cpu.node))} + ${formatMs(median(sql.cpu.postgres))}: SQL/route CPU ${(cpuMs(sql) / cpuMs(route)).toFixed(2)} ×`;
      console.log(`\n${cpuNote}`);
      console.log(
        `rate route/SQL (medians): ${ratio.toFixed(2)} × (per-run ratios ${min(perRun).toFixed(2)} – ${max(perRun).toFixed(2)})`,
      );
      console.log(
        `rate route/its own part statements (medians): ${(median(route.pulls.map(rate)) / median(parts.pulls.map(rate))).toFixed(2)} ×`,
      );
      console.log(`goal export ≥ ${GOAL_RATE_RATIO} × SQL rate: ${verdict(ratio >= GOAL_RATE_RATIO)}`);
      const firstByteNote = `first CSV byte ${formatMs(firstCsv)} (the whole-period SQL's own first byte ${formatMs(median(sql.pulls.map((p) => p.firstByteMs)))}: PostgreSQL sends nothing before its sort ends)`;
      console.log(
        `goal first byte < ${GOAL_FIRST_BYTE_MS} ms: answer headers ${formatMs(headers)} ${verdict(headers < GOAL_FIRST_BYTE_MS)}; ${firstByteNote.replace(')', `) ${verdict(firstCsv < GOAL_FIRST_BYTE_MS)}`)}`,
      );
      await saveResult({
        name: 'stats-export',
        title: `BI export: /export/traffic-stats.csv against its SQL alone, ${days} days`,
        command: commandLine('bench:stats-export'),
        date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        machine: machine(String((await client.query('show server_version')).rows[0].server_version)),
        tables: [
          {
            title: `${formatCount(Number(sizes.rows[0].contacts))} contacts, ${args.granularity} × ${args['group-by']}, ${formatCount(rows[0])} rows (${formatCount(measures[0].pulls[0].bytes)} bytes); ${runs} runs after ${warmup} warm-up, interleaved`,
            header,
            rows: tableRows,
          },
        ],
        notes: [
          `${cpuNote}; load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' / ')} at the end.`,
          `Rate route/SQL per run: ${min(perRun).toFixed(2)} – ${max(perRun).toFixed(2)}; ${firstByteNote}.`,
        ],
        goals: [
          {
            goal: `export ≥ ${GOAL_RATE_RATIO} × the rate of its SQL alone`,
            measured: `${ratio.toFixed(2)} ×`,
            met: ratio >= GOAL_RATE_RATIO,
          },
          {
            goal: `export's first byte (answer headers) < ${GOAL_FIRST_BYTE_MS} ms`,
            measured: `${formatMs(headers)}`,
            met: headers < GOAL_FIRST_BYTE_MS,
          },
        ],
      });
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
