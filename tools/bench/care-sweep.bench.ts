import './production-mode';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { careDatabase, configureCare, sweepEscalations, SWEEP_SELECT } from '@switchboard/care/bench';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { from as copyFrom } from 'pg-copy-streams';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { formatCount, formatMs, median, progress, progressDone, table, timed, verdict } from './measurement';

const { values: args } = parseArgs({
  options: {
    open: { type: 'string', default: '1000000' },
    due: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
  },
});
const OPEN = Number(args.open);
const DUE = Number(args.due);
const RUNS = Number(args.runs);
const GOAL_MS = 1000;
const NOW = new Date('2027-03-09T08:10:00Z');
const TEMPLATE = 'bench_care_template';
const CENTERS = Array.from({ length: 10 }, () => randomUUID());
const DAY = 86_400_000;
const LADDER = [
  { level: 0, ms: -30 * 60_000 },
  { level: 1, ms: 0 },
  { level: 2, ms: 60 * 60_000 },
  { level: 3, ms: DAY },
  { level: 4, ms: 3 * DAY },
];
const COLUMNS =
  'id, client_key, center_id, owner_employee_no, customer_key, contact_source, contact_external_id, kind, channel, ' +
  'made_at, due_at, due_basis, grace_minutes, next_escalation_at, escalation_fire_times, made_by, created_at';

/**
 * 1,000,000 open commitments as CSV: one in every OPEN / DUE due in the last 10 hours (spread over the
 * table, as made over time), the rest due in the next 30 days.
 */
function* rows(): Generator<string> {
  const minute = 60_000;
  const every = Math.floor(OPEN / DUE);
  for (let i = 0; i < OPEN; i++) {
    const isDue = i % every === 0 && i / every < DUE;
    const due = isDue
      ? NOW.getTime() - (1 + (i % 600)) * minute
      : NOW.getTime() + (60 + (i % (30 * 24 * 60))) * minute;
    const next = isDue ? due : due - 30 * minute; // at due (level 1) / level 0's reminder
    const made = new Date(due - 24 * 60 * minute).toISOString();
    // the default policy's fire times on the 24x7 calendar, as makeCommitment stores them
    const fire = `"${JSON.stringify(LADDER.map((l) => ({ level: l.level, at: new Date(due + l.ms).toISOString() }))).replace(/"/g, '""')}"`;
    yield `${randomUUID()},k${i},${CENTERS[i % CENTERS.length]},E${i % 1000},cust-${i % 200_000},CTI,x${i},CALL_BACK,VOICE,${made},${new Date(due).toISOString()},EXACT,0,${new Date(next).toISOString()},${fire},bench,${made}\n`;
  }
}

/**
 * npm run bench:care-sweep: one escalation sweep of 10,000 due commitments among 1,000,000 open
 * ones (loaded with COPY), in care's own sweeper: the pick from the narrow due list by its index FOR
 * UPDATE SKIP LOCKED, levelsDue per commitment, the (commitment, level) records (18,333: most are an
 * hour or more past due, so two levels), the outbox rows (owner and the team lead as of due: 28,333)
 * and the due list's next look, in one transaction; the commitment rows are read only. Staff's answer
 * for the leads is a local stub (the gateway's round trip is not part of the figure).
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const cluster = await startBenchCluster('switchboard-bench-care-');
  try {
    const templateUrl = cluster.url(TEMPLATE);
    await ensureDatabase(templateUrl);
    const orm = await createOrm({ ...careDatabase, clientUrl: templateUrl });
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
    progress(`COPY ${formatCount(OPEN)} open commitments (${formatCount(DUE)} due)`);
    const load = await timed(() =>
      withClient(templateUrl, async (client) => {
        await pipeline(
          Readable.from(rows()),
          client.query(copyFrom(`copy care_commitment (${COLUMNS}) from stdin (format csv)`)),
        );
        await client.query('vacuum analyze care_commitment');
        await client.query('vacuum analyze care_commitment_due');
      }),
    );
    progressDone();
    console.log(`loaded in ${formatMs(load.ms)}; ${await describeSetup(templateUrl)}`);

    const plan = await withClient(templateUrl, async (client) => {
      await client.query('begin');
      let n = 0;
      const sql = SWEEP_SELECT.replace(/\?/g, () => `$${++n}`);
      const explained = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, [
        NOW,
        DUE,
      ]);
      await client.query('rollback');
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the sweep's pick:\n${plan}\n`);
    if (
      !/Index Scan using care_commitment_due_next_idx|Bitmap Index Scan on care_commitment_due_next_idx/.test(
        plan,
      )
    ) {
      throw new Error('the pick does not use the sweep index');
    }

    configureCare({
      clock: () => NOW,
      directory: async (asks) => asks.map(() => ({ teamId: null, teamLead: 'LEAD-1' })),
    });
    const results: Array<{
      ms: number;
      commitments: number;
      notifications: number;
      escalations: number;
      dbCpuMs: number;
      nodeCpuMs: number;
      walMb: number;
    }> = [];
    for (let run = 1; run <= RUNS; run++) {
      const url = await cluster.copyDatabase(TEMPLATE, `bench_care_${run}`);
      const runOrm = await createOrm({ ...careDatabase, clientUrl: url });
      try {
        await withClient(url, (client) => client.query('checkpoint'));
        const lsn = () =>
          withClient(
            url,
            async (client) =>
              (await client.query<{ l: string }>('select pg_current_wal_lsn() as l')).rows[0].l,
          );
        const steps: string[] = [];
        // CPU (the database's processes and this one) and WAL besides the wall clock: on a shared,
        // loaded machine the wall clock mostly measures the wait for a core
        const [walBefore, dbCpuBefore, nodeCpuBefore] = [
          await lsn(),
          cluster.cpuSeconds(),
          process.cpuUsage(),
        ];
        // each step's wall time and CPU (the database's processes, then this one's): under load the
        // wall clock is mostly the wait for a core, the CPU is the step's own cost
        let [stepDb, stepNode] = [cluster.cpuSeconds(), process.cpuUsage()];
        let samplingMs = 0; // reading /proc for the steps' figures: not the sweep's, taken off its CPU
        const sweep = await timed(() =>
          sweepEscalations(runOrm.em as EntityManager, {
            batch: DUE,
            onStep: (name, ms) => {
              const node = process.cpuUsage(stepNode);
              const sampling = process.cpuUsage();
              const db = cluster.cpuSeconds();
              steps.push(
                `${name} ${ms.toFixed(0)} (${((db - stepDb) * 1000).toFixed(0)} db + ${((node.user + node.system) / 1000).toFixed(0)} node)`,
              );
              const spent = process.cpuUsage(sampling);
              samplingMs += (spent.user + spent.system) / 1000;
              [stepDb, stepNode] = [db, process.cpuUsage()];
            },
          }),
        );
        const nodeCpu = process.cpuUsage(nodeCpuBefore);
        const dbCpuMs = (cluster.cpuSeconds() - dbCpuBefore) * 1000;
        const walMb = await withClient(
          url,
          async (client) =>
            Number(
              (
                await client.query<{ b: string }>('select pg_wal_lsn_diff(pg_current_wal_lsn(), $1) as b', [
                  walBefore,
                ])
              ).rows[0].b,
            ) / 1e6,
        );
        console.log(`run ${run}, each step's wall ms (CPU ms): ${steps.join(', ')}`);
        results.push({
          ms: sweep.ms,
          ...sweep.result,
          dbCpuMs,
          nodeCpuMs: (nodeCpu.user + nodeCpu.system) / 1000 - samplingMs,
          walMb,
        });
        if (sweep.result.commitments !== DUE) throw new Error(`swept ${sweep.result.commitments} of ${DUE}`);
        const again = await timed(() => sweepEscalations(runOrm.em as EntityManager, { batch: DUE }));
        if (again.result.notifications !== 0) throw new Error('a second sweep notified again');
      } finally {
        await runOrm.close();
      }
    }
    const medianMs = median(results.map((r) => r.ms));
    console.log(
      table(
        ['run', 'sweep', 'db CPU', 'node CPU', 'WAL', 'commitments', 'escalations', 'notifications'],
        results.map((r, i) => [
          String(i + 1),
          formatMs(r.ms),
          formatMs(r.dbCpuMs),
          formatMs(r.nodeCpuMs),
          `${r.walMb.toFixed(1)} MB`,
          formatCount(r.commitments),
          formatCount(r.escalations),
          formatCount(r.notifications),
        ]),
      ),
    );
    console.log(
      `\nmedian ${formatMs(medianMs)} for ${formatCount(DUE)} due among ${formatCount(OPEN)} open: goal < ${GOAL_MS} ms ${verdict(medianMs < GOAL_MS)}`,
    );
    const cpuMs = median(results.map((r) => r.dbCpuMs + r.nodeCpuMs));
    console.log(
      `median CPU (database + sweeper) ${formatMs(cpuMs)}: the sweep's cost on an idle machine, I/O waits aside`,
    );
    console.log(`uptime: ${execSync('uptime').toString().trim()}`);
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
