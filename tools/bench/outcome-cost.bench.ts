import './production-mode';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { demoCenterId } from '@switchboard/demo';
import type { EntityManager } from '@mikro-orm/postgresql';
import { trafficSubgraph } from '@switchboard/traffic';
import { performanceTrafficRows, trafficDatabase, type ScopePart } from '@switchboard/traffic/bench';
import { describeSetup, startBenchCluster } from './bench-cluster';
import { formatCount, formatMs, max, median, min, progress, progressDone, table, timed } from './measurement';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, warmup: { type: 'string', default: '2' } },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);

/**
 * node tools/bin/run.js tools/bench/outcome-cost.bench.ts [--runs 9] [--warmup 2]: what pricing
 * the handling time (issue 20: cost per contact, contribution) adds to Performance.traffic's one
 * statement. On traffic's demo data (a month of contacts of 200 agents, cost rates of the demo
 * centers), the statement is run with and without the handling-cost CTE, alternately (so a shared
 * machine's load falls on both alike), for the two shapes it has: a drill-down (one center and each
 * agent over the last 28 days) and a trend (one center, 28 days one by one).
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const cluster = await startBenchCluster('switchboard-bench-outcome-cost-');
  try {
    const url = cluster.url('bench_traffic');
    await ensureDatabase(url);
    const orm = await createOrm({ ...trafficDatabase, clientUrl: url, statementTimeoutMs: 0 });
    try {
      progress('migrating and seeding traffic’s demo data');
      await migrate(orm);
      await trafficSubgraph.seedDemo?.(orm.em.fork() as EntityManager);
      // Role and level rates (issue 20): every agent graded as the team directory copies staff's
      // grades (a third senior, levels 1-5), and each center's rates for a role, a level and both
      // beside its every-agent rate, so the statement picks the most specific rate for each agent.
      await orm.em.getConnection().execute(`insert into agent_grade (employee_no, role, career_level)
        select agent, case when abs(hashtext(agent)) % 3 = 0 then 'SENIOR_AGENT' else 'AGENT' end,
          1 + abs(hashtext(agent || 'level')) % 5
        from (select distinct agent from contact where agent is not null) a on conflict do nothing`);
      await orm.em.getConnection()
        .execute(`insert into cost_rate (id, center_id, role, level, channel, per_hour, valid_from)
        select gen_random_uuid(), r.center_id, g.role, g.level, r.channel, r.per_hour + 10, r.valid_from
        from (select distinct on (center_id, channel) center_id, channel, per_hour, valid_from from cost_rate
              where role is null and level is null order by center_id, channel, valid_from) r
        cross join (values ('SENIOR_AGENT', null), (null, '3'), ('SENIOR_AGENT', '5')) g(role, level)
        on conflict do nothing`);
      await orm.em.getConnection().execute('analyze');
      const em = orm.em.fork() as EntityManager;
      const [range] = await em.execute<{ last: Date; contacts: string }[]>(
        'select max(arrived_at) as last, count(*)::text as contacts from contact',
      );
      const agents = (
        await em.execute<{ agent: string }[]>(
          'select distinct agent from contact where agent is not null order by agent',
        )
      ).map((r) => r.agent);
      const to = new Date(new Date(range.last).toISOString().slice(0, 10) + 'T00:00:00Z');
      const from = new Date(to.getTime() - 28 * 86_400_000);
      const center = demoCenterId('SHA-01');
      const drillDown: ScopePart[] = [
        { key: 'center', match: 'center', ref: center, from, to },
        ...agents.map((agent) => ({ key: agent, match: 'agent' as const, ref: agent, from, to })),
      ];
      const trend: ScopePart[] = Array.from({ length: 28 }, (_, d) => ({
        key: `day${d}`,
        match: 'center' as const,
        ref: center,
        from: new Date(from.getTime() + d * 86_400_000),
        to: new Date(from.getTime() + (d + 1) * 86_400_000),
      }));
      const rows: string[][] = [];
      for (const [name, parts] of [
        [`drill-down: 1 center + ${agents.length} agents × 28 days`, drillDown],
        ['trend: 1 center × 28 days', trend],
      ] as const) {
        const times = { with: [] as number[], without: [] as number[] };
        // PostgreSQL's CPU time per run: less at the mercy of the other processes than the wall clock
        const cpu = { with: [] as number[], without: [] as number[] };
        for (let i = 0; i < WARMUP + RUNS; i++) {
          progress(`${name}: ${i < WARMUP ? 'warm-up' : 'run'} ${i + 1}`);
          // alternate which goes first, so neither always meets a warm or a cold cache
          const order = i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
          for (const variant of order) {
            const cpuBefore = cluster.cpuSeconds();
            const { ms } = await timed(() =>
              performanceTrafficRows(orm.em.fork() as EntityManager, parts, {
                handlingCost: variant === 'with',
              }),
            );
            if (i >= WARMUP) {
              times[variant].push(ms);
              cpu[variant].push((cluster.cpuSeconds() - cpuBefore) * 1000);
            }
          }
        }
        rows.push([
          name,
          `${formatMs(median(times.without))} (${formatMs(min(times.without))}–${formatMs(max(times.without))})`,
          `${formatMs(median(times.with))} (${formatMs(min(times.with))}–${formatMs(max(times.with))})`,
          `${((median(times.with) / median(times.without) - 1) * 100).toFixed(1)} %`,
          `${formatMs(median(cpu.without))} → ${formatMs(median(cpu.with))} (${((median(cpu.with) / median(cpu.without) - 1) * 100).toFixed(1)} %)`,
        ]);
      }
      progressDone();
      process.stdout.write(
        `${await describeSetup(url)}\ncontacts: ${formatCount(Number(range.contacts))}, agents: ${agents.length}, runs: ${RUNS} each (after ${WARMUP} warm-up), load average: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n\n` +
          table(
            ['Performance.traffic statement', 'sums alone (median, range)', 'with handling cost', 'added'],
            rows,
          ) +
          '\n',
      );
    } finally {
      await orm.close();
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
