import './production-mode';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serviceIdentity } from '@switchboard/auth';
import { clientToken, ensureTestKeys, subgraphToken } from '@switchboard/testing';
import { benchSize, sized } from './bench-size';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { loadDirect, loadGraphQL, timeEachRequest, type LoadResult } from './dashboard/load';
import { processMemory, sampleRss } from './dashboard/process-memory';
import { startPlatform } from './dashboard/processes';
import { seedAndRecord } from './dashboard/seeded-data';
import { closedLoop } from './dashboard/mixed-load';
import { mixedMorning, prepareMorning, type MixedMorningReport } from './dashboard/mixed-morning';
import { describeMinute, mixedSoak, slope, soakTables } from './dashboard/soak';
import { compiledBuild } from './dashboard/compiled-build';
import { DRILL_DOWN } from './drill-down';
import { formatCount, max, median, min, progress, progressDone, table } from './measurement';
import { commandLine, machine, saveResult, type Goal } from './results';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    runs: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '16' },
    center: { type: 'string', default: 'SHA-01' },
    'small-center': { type: 'string', default: 'CTU-T1' },
    seed: { type: 'string', default: '23' },
    'mixed-seconds': { type: 'string' },
    rates: { type: 'string', default: '10,20,30,40,60,80' },
    'rate-seconds': { type: 'string', default: '15' },
    // the mixed morning's closed loop kept up this long, memory per process per minute (0: none)
    'soak-minutes': { type: 'string', default: '0' },
    // only the soak: no mixed-morning report, no identical drill-down
    'soak-only': { type: 'boolean', default: false },
    // run the services from the production build (compiled ahead of time, as the image does)
    compiled: { type: 'boolean', default: false },
  },
});
const option = sized(benchSize(args.size), {
  default: { runs: '3', seconds: '30' },
  large: { runs: '5', seconds: '60' },
});
const runs = option(args.runs, 'runs');
const mixedSeconds = Number(args['mixed-seconds'] ?? option(args.seconds, 'seconds'));
const seconds = option(args.seconds, 'seconds');
const connections = Number(args.connections);
const soakMinutes = Number(args['soak-minutes']);
if (!Number.isInteger(soakMinutes) || soakMinutes < 0 || (args['soak-only'] && soakMinutes < 1)) {
  throw new Error('--soak-minutes must be a whole number of minutes (at least 1 with --soak-only)');
}
const MEMORY_PROBE = resolve(__dirname, '..', 'soak', 'memory-probe.js');
const GOAL_P95_MS = 150;
const GOAL_RSS_MIB = 300;

type Target = 'our gateway' | 'Hive gateway' | 'subgraphs direct';
const TARGETS: Target[] = ['our gateway', 'Hive gateway', 'subgraphs direct'];

const spread = (values: number[], digits = 0): string =>
  `${min(values).toFixed(digits)} – ${max(values).toFixed(digits)}`;

/**
 * npm run bench:dashboard: the center drill-down under concurrent load (autocannon, 16 connections,
 * fixed duration) through our gateway, through @graphql-hive/gateway on the same supergraph and
 * subgraphs, and as the same subgraph requests sent straight to the subgraphs; SQL statements per
 * request at two center sizes; peak RSS of every process.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const cluster = await startBenchCluster('switchboard-bench-dashboard-');
  try {
    progress('seeding every subgraph with its demo; counting and recording one drill-down per center');
    const seeded = await seedAndRecord(cluster, [args.center, args['small-center']], args.center);
    progress('starting every subgraph, our gateway and the Hive gateway as processes');
    // each subgraph calls the gateway as itself (service:<name>), as under npm start
    const serviceToken = (name: string) => clientToken(serviceIdentity(name), '2h');
    const build = args.compiled ? compiledBuild() : null;
    const probeDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-memory-'));
    const probeEnv = soakMinutes
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require ${MEMORY_PROBE}`,
          SOAK_MEMORY_DIR: probeDir,
        }
      : {};
    const platform = await startPlatform(
      cluster,
      47_000 + Math.floor(Math.random() * 900) * 2,
      serviceToken,
      probeEnv,
      !args['soak-only'],
      build?.entry,
    );
    try {
      const ourPids = Object.fromEntries(
        Object.entries(platform.pids).filter(([name]) => name !== 'hive-gateway'),
      );
      if (args['soak-only']) {
        await soak(platform.gatewayUrl, ourPids, probeDir);
        return;
      }
      // The headline (issue 23): many people, different pages and periods; then the identical drill-down.
      const mixed = await mixedMorning({
        gatewayUrl: platform.gatewayUrl,
        pids: ourPids,
        postgresCpuSeconds: cluster.cpuSeconds,
        connections,
        seconds: mixedSeconds,
        seed: Number(args.seed),
        rates: String(args.rates).split(',').map(Number),
        rateSeconds: Number(args['rate-seconds']),
      });
      // printed at once: a failure of the identical drill-down below must not lose the headline
      printMixed(mixed);
      if (soakMinutes) await soak(platform.gatewayUrl, ourPids, probeDir);
      const token = await clientToken(undefined, '2h');
      const body = JSON.stringify({ query: DRILL_DOWN, variables: seeded.variables });
      const minted = new Map<string, { token: string; at: number }>();
      const internalToken = async (subgraph: string): Promise<string> => {
        const cached = minted.get(subgraph);
        if (cached && Date.now() - cached.at < 10_000) return cached.token;
        const fresh = { token: await subgraphToken(subgraph), at: Date.now() };
        minted.set(subgraph, fresh);
        return fresh.token;
      };
      const load = (target: Target, duration: number): Promise<LoadResult> =>
        target === 'subgraphs direct'
          ? loadDirect({
              waves: seeded.waves,
              urls: platform.subgraphUrls,
              token: internalToken,
              connections,
              seconds: duration,
            })
          : loadGraphQL({
              url: target === 'our gateway' ? platform.gatewayUrl : platform.hiveUrl,
              body,
              token,
              connections,
              seconds: duration,
            });
      // a drill-down that fails before the load (a subgraph past its timeout on a busy machine) is
      // said in the result, and the load counts the errors, rather than the whole run being lost
      const agreement = await compareAnswers([platform.gatewayUrl, platform.hiveUrl], body, token).catch(
        (error: unknown) => `the check failed: ${String(error).slice(0, 300)}`,
      );
      progress(`answers: ${agreement}`);
      const warmUp = async (target: Target): Promise<void> => {
        if (target === 'subgraphs direct') {
          const once = { waves: seeded.waves, urls: platform.subgraphUrls, token: internalToken };
          await loadDirect({ ...once, connections: 1, seconds: 0, iterations: 1 });
          return;
        }
        await fetch(target === 'our gateway' ? platform.gatewayUrl : platform.hiveUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        }).then((r) => r.text());
      };
      progress('each recorded subgraph request alone, three times');
      const perRequest = await timeEachRequest(seeded.waves, platform.subgraphUrls, internalToken);
      const results = new Map<Target, LoadResult[]>(TARGETS.map((t) => [t, []]));
      const maxRss: Record<string, number> = {};
      for (const target of TARGETS) {
        progress(`warm-up: ${target}, two drill-downs one after the other`);
        for (let i = 0; i < 2; i += 1) await warmUp(target);
      }
      for (let run = 1; run <= runs; run += 1) {
        // Interleaved, and the order turned each run, so a slow minute of the machine hits all alike.
        const order = TARGETS.map((_, i) => TARGETS[(i + run) % TARGETS.length]);
        for (const target of order) {
          progress(`run ${run} of ${runs}: ${target}, ${connections} connections, ${seconds} s`);
          const sampled = await sampleRss(platform.pids, () => load(target, seconds));
          results.get(target)?.push(sampled.result);
          for (const [name, mib] of Object.entries(sampled.maxRssMiB))
            maxRss[name] = Math.max(maxRss[name] ?? 0, mib);
        }
      }
      progressDone();
      const peaks = Object.fromEntries(
        Object.entries(platform.pids).map(([name, pid]) => [name, processMemory(pid)?.peakMiB ?? NaN]),
      );
      const setup = await describeSetup(cluster.url('bench_traffic'));
      const postgres = await withClient(cluster.url('bench_traffic'), async (c) =>
        String((await c.query('show server_version')).rows[0].server_version),
      );
      await report({ results, maxRss, peaks, seeded, setup, postgres, agreement, perRequest, mixed });
    } finally {
      await platform.stop();
      build?.remove();
    }
  } finally {
    await cluster.stop();
  }
}

/**
 * --soak-minutes: the mixed morning's closed loop for that long, each process's RSS and live heap
 * (after a forced full GC) per minute, the slope; saved as its own result (dashboard-soak).
 */
async function soak(gatewayUrl: string, pids: Record<string, number>, probeDir: string): Promise<void> {
  const { visits, sender, identities } = await prepareMorning(gatewayUrl, Number(args.seed));
  progress(`soak: warm-up, 30 s of the morning's last visits`);
  await closedLoop(sender, visits.slice(-2000), connections, 30);
  progressDone();
  console.log(`\nSoak: ${identities} people, ${connections} connections, ${soakMinutes} minutes`);
  const minutes = await mixedSoak({
    sender,
    visits,
    connections,
    minutes: soakMinutes,
    pids,
    probeDir,
    onMinute: (m) => console.log(describeMinute(m)),
  });
  const tables = soakTables(minutes, connections);
  for (const t of tables) console.log(`\n${t.title}\n${table(t.header, t.rows)}`);
  const steady = minutes.length > 2 ? minutes.slice(1) : minutes;
  const worst = Object.keys(pids)
    .map((name) => ({ name, mibPerMin: slope(steady.map((m) => m.afterGc[name]?.heapUsed ?? NaN)) }))
    .sort((a, b) => b.mibPerMin - a.mibPerMin)[0];
  const postgres = 'embedded (the bench cluster)';
  await saveResult({
    name: 'dashboard-soak',
    title: 'Dashboard soak: memory under the mixed morning kept up',
    command: commandLine('bench:dashboard'),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: machine(postgres),
    tables,
    notes: [
      `${identities} people, the mixed morning's visits in order (seed ${args.seed}), ${connections} closed-loop connections through our gateway; before the first minute, 30 s of warm-up on other visits.`,
      "RSS is the largest VmRSS sampled every 250 ms in the minute; live heap is heapUsed right after a forced full GC at the minute's end (SIGUSR2 to tools/soak/memory-probe.js, preloaded with --expose-gc): a leak climbs in the live heap; RSS also holds what V8 keeps reserved.",
      'Slopes are least squares over the minutes after the first.',
      args.compiled
        ? 'Services ran from the production build (JavaScript compiled ahead of time, as the Docker image runs them).'
        : 'Services ran as `npm start` runs them (TypeScript compiled by SWC as each file loads); `--compiled` runs the production build.',
    ],
    goals: [
      {
        goal: "flat memory: no process's live heap grows more than 1 MiB per minute",
        measured: worst
          ? `largest slope: ${worst.name} ${worst.mibPerMin.toFixed(2)} MiB/min over ${minutes.length} min`
          : 'no samples',
        met: Boolean(worst) && worst.mibPerMin <= 1,
      },
    ],
  });
}

interface Report {
  results: Map<Target, LoadResult[]>;
  maxRss: Record<string, number>;
  peaks: Record<string, number>;
  seeded: Awaited<ReturnType<typeof seedAndRecord>>;
  setup: string;
  postgres: string;
  agreement: string;
  perRequest: Awaited<ReturnType<typeof timeEachRequest>>;
  mixed: MixedMorningReport;
}

function printMixed(mixed: MixedMorningReport): void {
  progressDone();
  console.log(`\n${mixed.text}:`);
  for (const t of mixed.tables) console.log(`\n${t.title}\n${table(t.header, t.rows)}`);
  for (const g of mixed.goals) console.log(`${g.met ? 'MET' : 'NOT MET'}: ${g.goal} (${g.measured})`);
  for (const note of mixed.notes) console.log(`- ${note}`);
}

/** One drill-down through each gateway: both must answer without errors and with the same data. */
async function compareAnswers(urls: string[], body: string, token: string): Promise<string> {
  const answers = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      return (await response.json()) as { data?: unknown; errors?: unknown };
    }),
  );
  const failed = answers.findIndex((a) => a.errors || !a.data);
  if (failed >= 0)
    throw new Error(`${urls[failed]} answered ${JSON.stringify(answers[failed]).slice(0, 500)}`);
  const differences = answers.slice(1).flatMap((a) => differingPaths(answers[0].data, a.data, 'data'));
  return differences.length === 0
    ? 'both gateways return the same data'
    : `the gateways DIFFER in their data (${differences.length}${differences.length === MAX_PATHS ? '+' : ''} values, first: ${differences.slice(0, 3).join('; ')})`;
}

const MAX_PATHS = 20;

/** Where two answers differ: the path and both values of the first few leaves that are not the same. */
function differingPaths(a: unknown, b: unknown, path: string, found: string[] = []): string[] {
  if (found.length >= MAX_PATHS || JSON.stringify(a) === JSON.stringify(b)) return found;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
      differingPaths(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
        found,
      );
    return found;
  }
  found.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return found;
}

async function report({
  results,
  maxRss,
  peaks,
  seeded,
  setup,
  postgres,
  agreement,
  perRequest,
  mixed,
}: Report): Promise<void> {
  const requestHeader = ['wave', 'subgraph', 'field', 'median ms (alone, no load)'];
  const requestRows = perRequest.map((r) => [String(r.wave), r.subgraph, r.field, r.ms.toFixed(0)]);
  const med = (target: Target, pick: (r: LoadResult) => number): number =>
    median((results.get(target) ?? []).map(pick));
  const ours = med('our gateway', (r) => r.requestsPerSecond);
  const loadRows = TARGETS.map((target) => {
    const list = results.get(target) ?? [];
    return [
      target,
      med(target, (r) => r.requestsPerSecond).toFixed(1),
      spread(
        list.map((r) => r.requestsPerSecond),
        1,
      ),
      med(target, (r) => r.p50).toFixed(0),
      med(target, (r) => r.p95).toFixed(0),
      spread(list.map((r) => r.p95)),
      med(target, (r) => r.p99).toFixed(0),
      String(list.reduce((n, r) => n + r.errors, 0)),
      String(list.reduce((n, r) => n + r.timeouts, 0)),
      (med(target, (r) => r.requestsPerSecond) / ours).toFixed(2),
    ];
  });
  const loadHeader = [
    'target',
    'req/s',
    'req/s min – max',
    'p50 ms',
    'p95 ms',
    'p95 min – max',
    'p99 ms',
    'errors',
    'timeouts',
    'req/s vs ours',
  ];
  const [large, small] = seeded.counts;
  const sqlHeader = ['center (agents)', ...Object.keys(large.statements), 'total'];
  const sqlRows = seeded.counts.map((c) => [
    `${c.center} (${c.agents})`,
    ...Object.values(c.statements).map(String),
    String(Object.values(c.statements).reduce((a, b) => a + b, 0)),
  ]);
  const memoryRows = Object.keys(peaks).map((name) => [
    name,
    (maxRss[name] ?? NaN).toFixed(0),
    peaks[name].toFixed(0),
  ]);
  const memoryHeader = ['process', 'max RSS under load MiB', 'peak RSS (VmHWM) MiB'];
  console.log(`\n${setup}`);
  console.log(
    `\nDrill-down of ${args.center} (${large.agents} agents, ${seeded.waves.length} waves of ${seeded.waves.flat().length} subgraph requests), ${connections} connections, ${runs} runs of ${seconds} s each target:`,
  );
  console.log(table(loadHeader, loadRows));
  console.log(`\nSQL statements per drill-down:\n${table(sqlHeader, sqlRows)}`);
  console.log(`\nEach subgraph request of one drill-down, alone:\n${table(requestHeader, requestRows)}`);
  console.log(`\nMemory:\n${table(memoryHeader, memoryRows)}`);
  const total = (c: typeof large): number => Object.values(c.statements).reduce((a, b) => a + b, 0);
  const p95 = med('our gateway', (r) => r.p95);
  const hive = med('Hive gateway', (r) => r.requestsPerSecond);
  const goals: Goal[] = [
    ...mixed.goals,
    {
      goal: `identical drill-down (diagnostic): p95 < ${GOAL_P95_MS} ms at ${connections} connections`,
      measured: `${p95.toFixed(0)} ms`,
      met: p95 < GOAL_P95_MS,
    },
    {
      goal: 'req/s ≥ Hive gateway on the same subgraphs',
      measured: `${ours.toFixed(1)} vs ${hive.toFixed(1)} req/s`,
      met: ours >= hive,
    },
    {
      goal: `gateway RSS < ${GOAL_RSS_MIB} MB`,
      measured: `${peaks.gateway.toFixed(0)} MiB peak`,
      met: peaks.gateway < GOAL_RSS_MIB,
    },
    {
      goal: 'SQL statements per request do not grow with agents',
      measured: `${total(large)} (${large.agents} agents) vs ${total(small)} (${small.agents} agents)`,
      met: total(large) <= total(small),
    },
  ];
  for (const g of goals) console.log(`${g.met ? 'MET' : 'NOT MET'}: ${g.goal} (${g.measured})`);
  await saveResult({
    name: 'dashboard',
    title: 'Dashboard: a mixed morning of many users, and the center drill-down under load',
    command: commandLine('bench:dashboard'),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: machine(postgres),
    tables: [
      ...mixed.tables,
      {
        title: `Identical drill-down (diagnostic; in-flight deduplication flatters it): ${args.center}, ${large.agents} agents, ${connections} connections, median of ${runs} runs × ${seconds} s`,
        header: loadHeader,
        rows: loadRows,
      },
      { title: 'SQL statements per drill-down, by subgraph', header: sqlHeader, rows: sqlRows },
      {
        title:
          'Where one drill-down spends its time: each subgraph request alone (median of 3), by wave of the plan',
        header: requestHeader,
        rows: requestRows,
      },
      { title: 'Memory of each process (RSS)', header: memoryHeader, rows: memoryRows },
    ],
    notes: [
      ...mixed.notes,
      `Checked before the load: ${agreement} for the drill-down.`,
      "Both gateways serve apps/gateway/supergraph.graphql over the same subgraph processes. Each checks the caller's token once per request and mints a fresh Ed25519 internal token per subgraph request (ours in SubgraphDataSource.willSendRequest, Hive in an onFetch plugin).",
      `"subgraphs direct" replays the subgraph requests our gateway made for one drill-down (recorded through a pass-through proxy), wave after wave with each wave's requests in parallel, from Node's fetch with a cached internal token per subgraph: the same data without any gateway. Its req/s counts whole drill-downs.`,
      'Latency counts only 2xx answers without a GraphQL `errors` member; any other answer is an error. Requests still in flight when a window closes are not counted (autocannon drops them): when answers take longer than the window, req/s and latencies describe the few that finished.',
      `${formatCount(seeded.waves.flat().length)} subgraph requests per drill-down. Every process is its own Node process with NODE_ENV=production; autocannon runs in the bench process on the same 2 cores.`,
    ],
    goals,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
