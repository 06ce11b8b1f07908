import '../production-mode';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startGateway } from '@switchboard/gateway';
import { createLogger } from '@switchboard/server';
import { startSubgraph } from '@switchboard/subgraph-kit';
import { clientToken, ensureTestKeys, registerTestEndpoint } from '@switchboard/testing';
import { SUPERGRAPH_PATH, subgraphs } from '../../src/subgraphs';
import { startBenchCluster, withClient } from '../bench-cluster';
import { progress, progressDone, table } from '../measurement';
import { dashboardOperations, mixedVisits, ORGANISATION_QUERY, type Organisation } from './mixed-workload';
import { groupOf, type CpuProfile } from './cpu-profile';
import { RecordingProxy } from './recording-proxy';
import { DefaultLogger, type LogContext } from '@mikro-orm/core';
import { Session } from 'node:inspector/promises';

const { values: args } = parseArgs({
  options: {
    operations: { type: 'string', default: 'AgentPage,CenterOverview,TeamDrilldown' },
    visits: { type: 'string', default: '12' },
    seed: { type: 'string', default: '23' },
    explain: { type: 'string', default: '6' },
    'cpu-profile': { type: 'boolean', default: false },
  },
});

interface Statement {
  subgraph: string;
  sql: string;
  ms: number;
  values?: unknown[];
}

/** Statement texts and their parameters as MikroORM logs them (its logger's context), for EXPLAIN. */
const sentValues = new Map<string, unknown[]>();
function captureParameters(): void {
  const prototype = DefaultLogger.prototype as unknown as { logQuery: (context: LogContext) => void };
  const original = prototype.logQuery;
  prototype.logQuery = function (this: unknown, context: LogContext) {
    if (context.query && Array.isArray(context.params))
      sentValues.set(context.query.replace(/\s+/g, ' ').trim(), context.params);
    return original.call(this, context);
  };
}

/** A statement's shape: literals out, so the same statement with other values counts together. */
const shape = (sql: string): string =>
  sql
    .replace(/\s*\[took.*$/s, '')
    .replace(/'[^']*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/(\?\s*,\s*)+\?/g, '?…')
    .replace(/\s+/g, ' ')
    .slice(0, 220);

/**
 * npx tsx tools/bench/dashboard/profile-pages.ts: where one dashboard page spends its time. Seeds the
 * bench's demo data, runs the named operations of the mixed morning (seeded visits) through a gateway
 * whose subgraph calls pass through a recording proxy, and prints per operation: the subgraph requests
 * and their time, the SQL statements per subgraph with their time as MikroORM logs it, the costliest
 * statement shapes, and EXPLAIN ANALYZE of the slowest few.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  captureParameters();
  const cluster = await startBenchCluster('switchboard-profile-pages-');
  const stops: (() => Promise<void>)[] = [];
  const proxy = new RecordingProxy();
  const log: Statement[] = [];
  let capturing = false;
  const gatewayPort = 46_000 + Math.floor(Math.random() * 900);
  process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${gatewayPort}/graphql`;
  process.env.SWITCHBOARD_SERVICE_TOKEN = await clientToken(
    { subject: 'service:bench', roles: ['BI_READER'], centers: [], teams: [] },
    '2h',
  );
  try {
    progress('seeding every subgraph with its demo');
    const urls: Record<string, string> = {};
    for (const { definition } of subgraphs) {
      const subgraph = await startSubgraph(definition, {
        port: 0,
        databaseUrl: cluster.url(`bench_${definition.name}`),
        seedDemo: true,
        logger: createLogger(definition.name),
        background: false,
        onQuery: (message) => {
          if (!capturing) return;
          const took = /\[took (\d+(?:\.\d+)?) ms/.exec(message);
          log.push({ subgraph: definition.name, sql: message, ms: took ? Number(took[1]) : NaN });
        },
      });
      stops.push(subgraph.stop);
      urls[definition.name] = await proxy.add(definition.name, subgraph.server.url);
    }
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: urls,
      subgraphTimeoutMs: 600_000,
      port: gatewayPort,
      logger: createLogger('gateway'),
    });
    stops.unshift(gateway.stop);
    registerTestEndpoint(gateway.url, { kind: 'gateway' });
    const post = async (query: string, variables: Record<string, unknown>, token: string, name?: string) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables, operationName: name }),
      });
      const text = await response.text();
      if (text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 400)}`);
      return JSON.parse(text) as { data: unknown };
    };
    const admin = await clientToken(undefined, '2h');
    const org = (await post(ORGANISATION_QUERY, {}, admin)).data as Organisation;
    const { visits } = mixedVisits(org, { seed: Number(args.seed), count: 5000, agentsPerTeam: 8 });
    const operations = dashboardOperations();
    progressDone();
    for (const name of String(args.operations).split(',')) {
      const some = visits.filter((v) => v.operation === name).slice(0, Number(args.visits));
      const tokens = await Promise.all(some.map((v) => clientToken(v.identity, '2h')));
      for (const [i, v] of some.entries()) await post(operations[name], v.variables, tokens[i], name); // warm
      log.length = 0;
      proxy.clear();
      proxy.recording = true;
      capturing = true;
      const wall: number[] = [];
      const session = args['cpu-profile'] ? new Session() : null;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const cpuBefore = { node: process.cpuUsage(), postgres: cluster.cpuSeconds() };
      for (const [i, v] of some.entries()) {
        const start = performance.now();
        await post(operations[name], v.variables, tokens[i], name);
        wall.push(performance.now() - start);
      }
      const nodeCpu = process.cpuUsage(cpuBefore.node);
      const cpu = {
        node: (nodeCpu.user + nodeCpu.system) / 1000 / some.length,
        postgres: ((cluster.cpuSeconds() - cpuBefore.postgres) * 1000) / some.length,
      };
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        printCpuProfile(profile as unknown as CpuProfile, some.length);
        if (process.env.PROFILE_SAVE)
          writeFileSync(`${process.env.PROFILE_SAVE}-${name}.cpuprofile`, JSON.stringify(profile));
      }
      capturing = false;
      proxy.recording = false;
      const n = some.length;
      const fetches = proxy.timed();
      console.log(
        `\n=== ${name}: ${n} visits one after another, wall ms per visit median ${median(wall).toFixed(0)}, ` +
          `CPU ms per visit: Node (gateway and every subgraph) ${cpu.node.toFixed(1)}, PostgreSQL ${cpu.postgres.toFixed(1)}`,
      );
      const bySubgraph = new Map<
        string,
        { requests: number; ms: number; statements: number; sqlMs: number }
      >();
      for (const f of fetches) {
        const row = bySubgraph.get(f.subgraph) ?? { requests: 0, ms: 0, statements: 0, sqlMs: 0 };
        row.requests += 1;
        row.ms += f.end - f.start;
        bySubgraph.set(f.subgraph, row);
      }
      for (const s of log) {
        const row = bySubgraph.get(s.subgraph) ?? { requests: 0, ms: 0, statements: 0, sqlMs: 0 };
        row.statements += 1;
        row.sqlMs += s.ms;
        bySubgraph.set(s.subgraph, row);
      }
      console.log(
        table(
          ['subgraph', 'requests / visit', 'request ms / visit', 'statements / visit', 'SQL ms / visit'],
          [...bySubgraph.entries()].map(([sg, r]) => [
            sg,
            (r.requests / n).toFixed(1),
            (r.ms / n).toFixed(1),
            (r.statements / n).toFixed(1),
            (r.sqlMs / n).toFixed(1),
          ]),
        ),
      );
      const shapes = new Map<string, { subgraph: string; count: number; ms: number; slowest: Statement }>();
      for (const s of log) {
        const key = `${s.subgraph}|${shape(s.sql)}`;
        const row = shapes.get(key) ?? { subgraph: s.subgraph, count: 0, ms: 0, slowest: s };
        row.count += 1;
        row.ms += s.ms;
        if (s.ms > row.slowest.ms) row.slowest = s;
        shapes.set(key, row);
      }
      const ranked = [...shapes.entries()].sort((a, b) => b[1].ms - a[1].ms);
      console.log('\ncostliest statement shapes (total ms over the visits):');
      for (const [key, r] of ranked.slice(0, 15))
        console.log(`${r.ms.toFixed(0).padStart(6)} ms ${String(r.count).padStart(4)}× ${key}`);
      for (const [, r] of ranked.slice(0, Number(args.explain))) {
        const sql = r.slowest.sql.replace(/\s*\[took.*$/s, '');
        if (!/^\s*(select|with)/i.test(sql)) continue;
        try {
          const values = sentValues.get(sql.replace(/\s+/g, ' ').trim()) ?? [];
          const plan = await withClient(cluster.url(`bench_${r.subgraph}`), (c) =>
            c.query(`explain (analyze, buffers) ${sql}`, values),
          );
          console.log(
            `\n--- ${r.subgraph}: ${sql.slice(0, 1500)}\n${plan.rows.map((p: Record<string, string>) => p['QUERY PLAN']).join('\n')}`,
          );
        } catch (error) {
          console.log(
            `\n--- ${r.subgraph}: (no EXPLAIN: ${String(error).slice(0, 120)}) ${sql.slice(0, 300)}`,
          );
        }
      }
      if (process.env.PROFILE_DUMP) {
        for (const f of fetches) console.log(`[fetch ${f.subgraph}] ${f.body.slice(0, 1500)}`);
        for (const s of log) console.log(`[${s.subgraph}] ${s.sql.slice(0, 600)}`);
      }
    }
  } finally {
    for (const stop of stops) await stop();
    await proxy.close();
    await cluster.stop();
  }
}

/** Self time of the Node process (every subgraph and the gateway run in it) by package and by function. */
function printCpuProfile(profile: CpuProfile, visits: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const group = (url: string): string => groupOf(url, '(native/gc/idle)');
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const g = group(node.callFrame.url);
    byGroup.set(g, (byGroup.get(g) ?? 0) + ms);
    const f = `${g} ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`;
    byFunction.set(f, (byFunction.get(f) ?? 0) + ms);
  }
  console.log('\nNode CPU (self ms per visit) by package:');
  for (const [g, ms] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${(ms / visits).toFixed(1).padStart(8)}  ${g}`);
  console.log('\nby function:');
  for (const [f, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${(ms / visits).toFixed(1).padStart(8)}  ${f}`);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
