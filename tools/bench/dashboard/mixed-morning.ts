import { clientToken } from '@switchboard/testing';
import { progress } from '../measurement';
import type { Goal, ResultTable } from '../results';
import {
  closedLoop,
  openLoop,
  processCpuSeconds,
  summarizeMixed,
  tokensFor,
  type MixedResult,
  type Sender,
} from './mixed-load';
import {
  dashboardOperations,
  mixedVisits,
  ORGANISATION_QUERY,
  type Organisation,
  type Visit,
} from './mixed-workload';
import { sampleRss } from './process-memory';

export const MIXED_GOALS = {
  requestsPerSecond: 60,
  p95Ms: 300,
  pageAloneMs: 100,
  gatewayRssMiB: 300,
  subgraphRssMiB: 250,
};

export interface MixedMorningOptions {
  gatewayUrl: string;
  pids: Record<string, number>;
  /** CPU seconds of the PostgreSQL cluster so far. */
  postgresCpuSeconds: () => number;
  connections: number;
  seconds: number;
  seed: number;
  /** Open-loop rates (requests/s) tried for the capacity, in order. */
  rates: number[];
  rateSeconds: number;
}

export interface MixedMorningReport {
  tables: ResultTable[];
  goals: Goal[];
  notes: string[];
  text: string;
}

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The morning's visits (seeded) and what sends them: the organisation read once as ADMIN, a token per person. */
export async function prepareMorning(
  gatewayUrl: string,
  seed: number,
): Promise<{ visits: Visit[]; people: number; identities: number; sender: Sender }> {
  const admin = await clientToken(undefined, '2h');
  const orgAnswer = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: ORGANISATION_QUERY }),
  });
  const org = ((await orgAnswer.json()) as { data: Organisation }).data;
  const { visits, people } = mixedVisits(org, { seed, count: 20_000, agentsPerTeam: 8 });
  const sender = { url: gatewayUrl, operations: dashboardOperations(), tokens: await tokensFor(visits) };
  return { visits, people, identities: new Set(visits.map((v) => v.identity.subject)).size, sender };
}

/**
 * Issue 23's headline: the dashboard's own operations from ≥ 80 different people with their own
 * scopes and periods (seeded), at `connections` closed-loop clients; then each page alone; then
 * open-loop rates for the capacity (the highest rate whose p95 stays under 300 ms without errors).
 */
export async function mixedMorning(options: MixedMorningOptions): Promise<MixedMorningReport> {
  const { visits, people, sender, identities } = await prepareMorning(options.gatewayUrl, options.seed);

  progress(`mixed morning: warm-up, one load of each page by each role`);
  const firstOfEach = [...new Map(visits.map((v) => [`${v.operation}|${v.identity.roles[0]}`, v])).values()];
  await closedLoop(sender, firstOfEach, 1, 0.001);
  for (const visit of firstOfEach) await closedLoop(sender, [visit], 1, 0.001);

  progress(`mixed morning: each page alone, 5 loads one after another`);
  const alone = new Map<string, number[]>();
  for (const name of [...new Set(visits.map((v) => v.operation))]) {
    const some = visits.filter((v) => v.operation === name).slice(0, 5);
    let elapsed: MixedResult | null = null;
    for (const visit of some) {
      elapsed = await closedLoop(sender, [visit], 1, 0.001);
      alone.set(name, [...(alone.get(name) ?? []), ...(elapsed.latencies[name] ?? [])]);
    }
  }

  progress(`mixed morning: ${options.connections} connections, ${options.seconds} s, ${identities} people`);
  const cpuBefore = Object.fromEntries(
    Object.entries(options.pids).map(([n, pid]) => [n, processCpuSeconds(pid)]),
  );
  const pgBefore = options.postgresCpuSeconds();
  const { result: closed, maxRssMiB } = await sampleRss(options.pids, () =>
    closedLoop(sender, visits, options.connections, options.seconds),
  );
  const served = summarizeMixed(closed).requests;
  const cpuPerRequest = Object.fromEntries(
    Object.entries(options.pids).map(([n, pid]) => [
      n,
      ((processCpuSeconds(pid) - cpuBefore[n]) / served) * 1000,
    ]),
  );
  cpuPerRequest.postgres = ((options.postgresCpuSeconds() - pgBefore) / served) * 1000;

  const capacity: { rate: number; summary: ReturnType<typeof summarizeMixed> }[] = [];
  let offset = 0;
  for (const rate of options.rates) {
    progress(`mixed morning: open loop at ${rate} requests/s for ${options.rateSeconds} s`);
    const summary = summarizeMixed(await openLoop(sender, visits, rate, options.rateSeconds, offset));
    offset += Math.round(rate * options.rateSeconds);
    capacity.push({ rate, summary });
    if (summary.p95 > options.rateSeconds * 1000) break; // far past it: higher rates say nothing more
  }
  const sustained = capacity.filter((c) => c.summary.p95 < MIXED_GOALS.p95Ms && c.summary.errors === 0);
  const capacityRate = sustained.length ? Math.max(...sustained.map((c) => c.rate)) : 0;

  const overall = summarizeMixed(closed);
  const perOperation = Object.keys({ ...closed.latencies, ...closed.errors }).sort();
  const operationHeader = [
    'operation',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'alone p50 ms',
  ];
  const operationRows = [
    ...perOperation.map((name) => {
      const s = summarizeMixed(closed, name);
      const a = alone.get(name) ?? [];
      return [
        name,
        String(s.requests),
        fixed(s.requestsPerSecond, 1),
        fixed(s.p50),
        fixed(s.p95),
        fixed(s.p99),
        String(s.errors),
        a.length ? fixed([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]) : '–',
      ];
    }),
    [
      'all',
      String(overall.requests),
      fixed(overall.requestsPerSecond, 1),
      fixed(overall.p50),
      fixed(overall.p95),
      fixed(overall.p99),
      String(overall.errors),
      '',
    ],
  ];
  const processHeader = ['process', 'CPU ms per request', 'max RSS MiB'];
  const processRows = Object.keys(cpuPerRequest).map((name) => [
    name,
    fixed(cpuPerRequest[name], 1),
    fixed(maxRssMiB[name] ?? NaN),
  ]);
  const capacityHeader = ['offered req/s', 'answered req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'];
  const capacityRows = capacity.map((c) => [
    String(c.rate),
    fixed(c.summary.requestsPerSecond, 1),
    fixed(c.summary.p50),
    fixed(c.summary.p95),
    fixed(c.summary.p99),
    String(c.summary.errors),
  ]);
  const slowestAlone = Math.max(
    ...[...alone.values()].map((a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? NaN),
  );
  const subgraphRss = Math.max(
    ...Object.entries(maxRssMiB)
      .filter(([n]) => n !== 'gateway' && n !== 'hive-gateway')
      .map(([, v]) => v),
  );
  const goals: Goal[] = [
    {
      goal: `mixed load at ${options.connections} connections: ≥ ${MIXED_GOALS.requestsPerSecond} req/s with p95 ≤ ${MIXED_GOALS.p95Ms} ms, no errors`,
      measured: `${fixed(overall.requestsPerSecond, 1)} req/s, p95 ${fixed(overall.p95)} ms, ${overall.errors} errors`,
      met:
        overall.requestsPerSecond >= MIXED_GOALS.requestsPerSecond &&
        overall.p95 <= MIXED_GOALS.p95Ms &&
        overall.errors === 0,
    },
    {
      goal: `every dashboard page alone under ${MIXED_GOALS.pageAloneMs} ms`,
      measured: `slowest page alone: ${fixed(slowestAlone)} ms (median of 5)`,
      met: slowestAlone < MIXED_GOALS.pageAloneMs,
    },
    {
      goal: `capacity: the highest rate with p95 < ${MIXED_GOALS.p95Ms} ms`,
      measured: capacityRate ? `${capacityRate} req/s` : `none of ${options.rates.join(', ')} req/s`,
      met: capacityRate >= MIXED_GOALS.requestsPerSecond,
    },
    {
      goal: `gateway RSS under the mixed load < ${MIXED_GOALS.gatewayRssMiB} MiB, every subgraph < ${MIXED_GOALS.subgraphRssMiB} MiB`,
      measured: `gateway ${fixed(maxRssMiB.gateway ?? NaN)} MiB, largest subgraph ${fixed(subgraphRss)} MiB`,
      met:
        (maxRssMiB.gateway ?? Infinity) < MIXED_GOALS.gatewayRssMiB &&
        subgraphRss < MIXED_GOALS.subgraphRssMiB,
    },
  ];
  const title = `Mixed morning: ${identities} people of ${people} (every role, own scopes), the dashboard's operations over 1, 7 and 30 days, seed ${options.seed}`;
  const tables: ResultTable[] = [
    {
      title: `${title}; ${options.connections} connections, ${options.seconds} s`,
      header: operationHeader,
      rows: operationRows,
    },
    {
      title: 'Mixed morning: CPU per request and memory of each process',
      header: processHeader,
      rows: processRows,
    },
    {
      title: `Mixed morning: capacity (open loop, ${options.rateSeconds} s per rate)`,
      header: capacityHeader,
      rows: capacityRows,
    },
  ];
  const notes = [
    'Mixed morning: each request is one page load by one person (a token of their own role and scope), drawn with a seeded generator; consecutive requests differ in caller, page or period, so no two in flight are the same request.',
    `Mixed morning failures (first few): ${closed.samples.length ? closed.samples.join(' | ') : 'none'}`,
  ];
  return { tables, goals, notes, text: title };
}
