import './production-mode';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { trafficSubgraph } from '@switchboard/traffic';
import {
  Granularity,
  rollUpSql,
  segmentRollUpSql,
  segmentStats,
  StatsDimension,
  trafficDatabase,
  trafficStatsStatement,
  type StatsFilter,
} from '@switchboard/traffic/bench';
import { describeSetup, startBenchCluster } from './bench-cluster';
import { formatCount, formatMs, max, median, min, progress, progressDone, table, timed } from './measurement';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    share: { type: 'string', default: '0.1' },
  },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
/** Share of the keyed customers re-stamped VIP, SENSITIVE or VULNERABLE (the demo's own is tiny). */
const SHARE = Number(args.share);

/**
 * node tools/bin/run.js tools/bench/segment-rollup.bench.ts [--runs 7] [--warmup 1]: what customer
 * segments (issue 20 item 5) cost. On traffic's demo month (care's demo VIP, SENSITIVE and
 * VULNERABLE customers stamped on their contacts), it prints the sizes of the queue rollup and of the
 * segment rollup (no STANDARD rows), times rolling the whole month up into each (in a transaction
 * rolled back, alternately), and times segmentStats (both rollups, STANDARD = total − others)
 * against trafficStats by queue for the month. Wall time and the cluster's CPU time, medians.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const cluster = await startBenchCluster('switchboard-bench-segments-');
  try {
    const url = cluster.url('bench_traffic');
    await ensureDatabase(url);
    const orm = await createOrm({ ...trafficDatabase, clientUrl: url, statementTimeoutMs: 0 });
    try {
      progress('migrating and seeding traffic’s demo data');
      await migrate(orm);
      await trafficSubgraph.seedDemo?.(orm.em.fork() as EntityManager);
      // a bank's share of non-STANDARD customers (--share), the segment rollup rebuilt from them
      const demoShare = await orm.em
        .getConnection()
        .execute<
          { n: string }[]
        >("select count(*)::text as n from contact where customer_segment in ('VIP', 'SENSITIVE', 'VULNERABLE')");
      await orm.em.getConnection().execute(
        `update contact set customer_segment = case
           when abs(hashtext(customer_key || '#share')) % 10000 < ? then (array['VIP', 'SENSITIVE', 'VULNERABLE'])[1 + abs(hashtext(customer_key)) % 3]
           else 'STANDARD' end
         where customer_key is not null`,
        [Math.round(SHARE * 10_000)],
      );
      await orm.em.getConnection().execute('delete from queue_segment_interval_stat');
      await orm.em.getConnection().execute(segmentRollUpSql('true'));
      await orm.em.getConnection().execute('analyze');
      const em = (): EntityManager => orm.em.fork() as EntityManager;
      const [sizes] = await em().execute<
        {
          contacts: string;
          segmented: string;
          queue_rows: string;
          segment_rows: string;
          first: Date;
          last: Date;
        }[]
      >(`select (select count(*) from contact)::text as contacts,
          (select count(*) from contact where customer_segment in ('VIP', 'SENSITIVE', 'VULNERABLE'))::text as segmented,
          (select count(*) from queue_interval_stat)::text as queue_rows,
          (select count(*) from queue_segment_interval_stat)::text as segment_rows,
          (select min(arrived_at) from contact) as first, (select max(arrived_at) from contact) as last`);
      const rollUps: Record<string, string> = {
        'queue and agent rollups (existing statement)': `with pending as (select * from contact), ${rollUpSql('pending')} select count(*) from rolled`,
        'segment rollup (added statement)': segmentRollUpSql('true'),
      };
      const from = new Date(new Date(sizes.first).toISOString().slice(0, 10) + 'T00:00:00Z');
      const to = new Date(new Date(sizes.last).toISOString().slice(0, 10) + 'T00:00:00Z');
      const filter = { from, to, timeZone: 'Asia/Shanghai', fcrWindowDays: 7 } as StatsFilter;
      const queries: Record<string, () => Promise<unknown>> = {
        'trafficStats by queue, the month (one statement)': async () => {
          const { sql, params } = trafficStatsStatement(
            filter,
            Granularity.TOTAL,
            [StatsDimension.QUEUE],
            undefined,
            null,
          );
          return em().execute(sql, params);
        },
        'segmentStats by queue, the month (two statements)': () =>
          segmentStats(em(), filter, Granularity.TOTAL, [StatsDimension.QUEUE], null, null),
        'trafficStats by queue and day': async () => {
          const { sql, params } = trafficStatsStatement(
            filter,
            Granularity.DAY,
            [StatsDimension.QUEUE],
            undefined,
            null,
          );
          return em().execute(sql, params);
        },
        'segmentStats by queue and day': () =>
          segmentStats(em(), filter, Granularity.DAY, [StatsDimension.QUEUE], null, null),
      };
      const measure = async (
        name: string,
        work: () => Promise<unknown>,
        times: number[],
        cpu: number[],
        i: number,
      ) => {
        progress(`${name}: ${i < WARMUP ? 'warm-up' : 'run'} ${i + 1}`);
        const before = cluster.cpuSeconds();
        const { ms } = await timed(work);
        if (i >= WARMUP) {
          times.push(ms);
          cpu.push((cluster.cpuSeconds() - before) * 1000);
        }
      };
      const rows: string[][] = [];
      for (const group of [rollUps, queries]) {
        const names = Object.keys(group);
        const times = new Map(names.map((n) => [n, [] as number[]]));
        const cpu = new Map(names.map((n) => [n, [] as number[]]));
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const order = i % 2 ? [...names].reverse() : names;
          for (const name of order) {
            if (group === queries) {
              await measure(name, queries[name], times.get(name) as number[], cpu.get(name) as number[], i);
              continue;
            }
            // the statement alone, timed inside a transaction that empties the rollups first and is rolled back
            await em()
              .transactional(async (tx) => {
                await tx.execute(
                  'delete from interval_stat; delete from queue_interval_stat; delete from queue_segment_interval_stat',
                );
                await tx.execute("set local work_mem = '64MB'; set local jit = off");
                await measure(
                  name,
                  () => tx.execute(rollUps[name]),
                  times.get(name) as number[],
                  cpu.get(name) as number[],
                  i,
                );
                throw new RollBack();
              })
              .catch((e: unknown) => {
                if (!(e instanceof RollBack)) throw e;
              });
          }
        }
        for (const name of names) {
          const t = times.get(name) as number[];
          rows.push([
            name,
            `${formatMs(median(t))} (${formatMs(min(t))}–${formatMs(max(t))})`,
            formatMs(median(cpu.get(name) as number[])),
          ]);
        }
      }
      progressDone();
      process.stdout.write(
        `${await describeSetup(url)}\ncontacts: ${formatCount(Number(sizes.contacts))}, of a segment other than STANDARD: ${formatCount(Number(sizes.segmented))} ` +
          `(--share ${SHARE} of the customers; the demo's own: ${formatCount(Number(demoShare[0].n))}); ` +
          `queue rollup rows: ${formatCount(Number(sizes.queue_rows))}, segment rollup rows: ${formatCount(Number(sizes.segment_rows))}; ` +
          `runs: ${RUNS} each (after ${WARMUP} warm-up), load average: ${loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}\n` +
          '(each roll-up: the statement alone, over the whole month, in a transaction rolled back)\n\n' +
          table(['work', 'wall (median, range)', 'PostgreSQL CPU (median)'], rows) +
          '\n',
      );
    } finally {
      await orm.close();
    }
  } finally {
    await cluster.stop();
  }
}

class RollBack extends Error {}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
