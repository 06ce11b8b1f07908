import './production-mode';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { PLAN_HISTORY_DAYS, planForecasts, wfmDatabase } from '@switchboard/wfm/bench';
import { from as copyFrom } from 'pg-copy-streams';
import { startBenchCluster, withClient } from './bench-cluster';
import { formatCount, formatMs, median, table, timed } from './measurement';

const { values: args } = parseArgs({
  options: {
    queues: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
  },
});
const QUEUES = Number(args.queues);
const RUNS = Number(args.runs);
const DAY = 86_400_000;

/**
 * `npx tsx`-style: node tools/bin/run.js tools/bench/staffing-plan-reuse.bench.ts [--queues 20 --runs 3]
 *
 * The forecast part of a staffing plan (wfm's `loadPlanForecast` batch: history load, look-up of
 * kept runs, backtest and forecast or reuse, keep) for tomorrow of QUEUES queues with half a year
 * of 30-minute history each, one plan at a time as the dashboard asks it: first with nothing kept
 * (every plan runs its backtest and keeps its run), then again (every plan reuses its kept run).
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const cluster = await startBenchCluster('switchboard-bench-plan-');
  try {
    const url = cluster.url('bench_wfm_plan');
    await ensureDatabase(url);
    const orm = await createOrm({ ...wfmDatabase, clientUrl: url });
    try {
      await migrate(orm);
      const queues = Array.from({ length: QUEUES }, () => randomUUID());
      const today = Math.floor(Date.now() / DAY) * DAY;
      const tomorrow = new Date(today + DAY).toISOString().slice(0, 10);
      function* rows(): Generator<string> {
        for (const [q, queue] of queues.entries())
          for (let day = PLAN_HISTORY_DAYS; day >= 1; day -= 1) {
            const date = new Date(today - day * DAY);
            const weekend = [0, 6].includes(date.getUTCDay());
            for (let slot = 16; slot < 40; slot += 1) {
              const offered = Math.round(
                (weekend ? 10 : 30 + q) * (1 + Math.sin((slot - 16) / 8)) + ((day * 7 + slot) % 5),
              );
              yield `${queue},VOICE,${new Date(date.getTime() + slot * 1_800_000).toISOString()},30,${offered},180,IMPORT\n`;
            }
          }
      }
      await withClient(url, async (client) => {
        await pipeline(
          Readable.from(rows()),
          client.query(
            copyFrom(
              'copy wfm_interval_volume (queue_id, channel, interval_start, interval_minutes, offered, aht_seconds, source) from stdin (format csv)',
            ),
          ),
        );
        await client.query('vacuum analyze wfm_interval_volume');
      });
      console.log(
        `${formatCount(QUEUES)} queues × ${PLAN_HISTORY_DAYS} days × 24 half-hours of history; planning ${tomorrow}`,
      );
      const planOne = async (queueId: string) => {
        const em = orm.em.fork();
        const key = { queueId, day: tomorrow, timeZone: 'UTC', intervalMinutes: 30 };
        const [forecast] = await planForecasts(em, 'bench', [key]);
        if (!forecast.forecastable) throw new Error(`${queueId} not forecastable: ${forecast.reason}`);
      };
      const rowsOut: string[][] = [];
      const cold: number[] = [];
      const warm: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await withClient(url, (client) => client.query('delete from wfm_forecast_run'));
        for (const queue of queues) cold.push((await timed(() => planOne(queue))).ms);
        for (const queue of queues) warm.push((await timed(() => planOne(queue))).ms);
      }
      rowsOut.push(['backtest and keep (nothing kept)', formatMs(median(cold)), formatMs(Math.max(...cold))]);
      rowsOut.push(['reuse of the kept run', formatMs(median(warm)), formatMs(Math.max(...warm))]);
      console.log(table(['plan forecast, one queue-day', 'median', 'max'], rowsOut));
      console.log(
        `${formatCount(cold.length)} plans each way over ${RUNS} runs; speed-up ×${(median(cold) / median(warm)).toFixed(1)}`,
      );
      console.log(`uptime: ${execSync('uptime').toString().trim()}`);
    } finally {
      await orm.close();
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
