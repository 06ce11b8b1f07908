// First: sets NODE_ENV before GraphQL and Apollo load.
import './production-mode';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { from as copyFrom } from 'pg-copy-streams';
import { createOrm, migrate } from '@switchboard/db';
import { dropDatabase, ensureDatabase } from '@switchboard/postgres';
import { startGateway } from '@switchboard/gateway';
import { createLogger } from '@switchboard/server';
import { startSubgraph, type RouteHandler, type SubgraphDefinition } from '@switchboard/subgraph-kit';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { trafficSubgraph } from '@switchboard/traffic';
import { monthsOf, readyContactMonths } from '@switchboard/traffic/bench';
import { SUPERGRAPH_PATH } from '../src/subgraphs';
import {
  describeSetup,
  ownCpuSeconds,
  startBenchCluster,
  withClient,
  type BenchCluster,
} from './bench-cluster';
import { benchSize, sized } from './bench-size';
import {
  benchGeneration,
  benchQueues,
  insertBenchQueues,
  TABLE_COLUMNS,
  writeContactFiles,
} from './contact-file';
import { formatCount, formatMs, max, median, min, table, timed, verdict } from './measurement';
import { commandLine, machine, saveResult } from './results';

const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');
// issue 23: an import of 1M contacts at least 0.6 × the rate of plain COPY (was 0.5 before it)
const GOAL_RATIO = 0.6;
const TEMPLATE = 'bench_template';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    // --contacts, as bench:stats names it; --rows is the older name of the same option
    contacts: { type: 'string' },
    rows: { type: 'string' },
    runs: { type: 'string' },
    days: { type: 'string', default: '31' },
    queues: { type: 'string', default: '40' },
  },
});
const option = sized(benchSize(args.size), {
  default: { rows: '200000', runs: '2' },
  large: { rows: '1000000', runs: '3' },
});
const generation = benchGeneration(
  option(args.contacts ?? args.rows, 'rows'),
  Number(args.days),
  Number(args.queues),
);
const days = generation.days;
const runs = option(args.runs, 'runs');
const queues = benchQueues(generation);
/** Contacts asked for; set to those written (the same unless the window ran short). */
let rows = generation.contacts;

/** Wall clock, and CPU seconds of this process (COPY client, or the traffic server) and of PostgreSQL. */
interface Measured {
  ms: number;
  nodeCpu: number;
  pgCpu: number;
}

async function measured(cluster: BenchCluster, work: () => Promise<unknown>): Promise<Measured> {
  const [node, pg] = [ownCpuSeconds(), cluster.cpuSeconds()];
  const { ms } = await timed(work);
  return { ms, nodeCpu: ownCpuSeconds() - node, pgCpu: cluster.cpuSeconds() - pg };
}

/** The traffic subgraph with its import route timed from the request to the last byte of the answer. */
let serverMs = 0;
const timedTraffic: SubgraphDefinition = {
  ...trafficSubgraph,
  routes: (services) =>
    Object.fromEntries(
      Object.entries(trafficSubgraph.routes?.(services) ?? {}).map(
        ([path, handler]): [string, RouteHandler] => [
          path,
          async (request, response, identity) => {
            serverMs = (await timed(() => handler(request, response, identity))).ms;
          },
        ],
      ),
    ),
};

/** Contact rows, and the contacts the rollups account for (each outcome and direction counted once). */
async function stored(url: string): Promise<{ contacts: number; rolledUp: number; queueRolledUp: number }> {
  return withClient(url, async (client) => {
    const result = await client.query<{ contacts: number; rolled_up: number; queue_rolled_up: number }>(
      `select (select count(*) from contact)::int as contacts,
              (select coalesce(sum(answered + abandoned + ivr + callback + overflow + outbound), 0)
                 from interval_stat)::int as rolled_up,
              (select coalesce(sum(answered + abandoned + ivr + callback + overflow + outbound), 0)
                 from queue_interval_stat)::int as queue_rolled_up`,
    );
    const [row] = result.rows;
    return { contacts: row.contacts, rolledUp: row.rolled_up, queueRolledUp: row.queue_rolled_up };
  });
}

/** The traffic schema as migrated, with the bench queues: each side of each run gets a copy of it. */
async function createTemplate(cluster: BenchCluster): Promise<void> {
  const url = cluster.url(TEMPLATE);
  await ensureDatabase(url);
  const orm = await createOrm({ ...trafficSubgraph.database, clientUrl: url });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  await withClient(url, async (client) => {
    await insertBenchQueues(client, queues);
    // the window's month partitions, as traffic's upkeep job makes them ahead: both sides find them
    const from = generation.from.getTime();
    const days = Array.from({ length: generation.days + 1 }, (_, d) => new Date(from + d * 86_400_000));
    await client.query('begin');
    await readyContactMonths(client, monthsOf(days));
    await client.query('commit');
  });
}

/** Plain COPY of the table-layout file into a fresh copy of the template (same table, same indexes). */
async function measureCopy(cluster: BenchCluster, run: number, tableFile: string): Promise<Measured> {
  const url = await cluster.copyDatabase(TEMPLATE, `bench_copy_${run}`);
  try {
    const copy = await withClient(url, async (client) => {
      await client.query('checkpoint');
      return measured(cluster, () =>
        pipeline(
          createReadStream(tableFile),
          client.query(copyFrom(`copy contact (${TABLE_COLUMNS}) from stdin (format csv, header)`)),
        ),
      );
    });
    const check = await stored(url);
    if (check.contacts !== rows) throw new Error(`COPY stored ${check.contacts} of ${rows} rows`);
    return copy;
  } finally {
    await dropDatabase(url);
  }
}

function runCli(
  cliArgs: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

/** The real CLI, spawned, against a traffic subgraph on a fresh copy of the template. */
async function measureImport(
  cluster: BenchCluster,
  run: number,
  canonicalFile: string,
): Promise<{ wall: Measured; serverMs: number }> {
  const url = await cluster.copyDatabase(TEMPLATE, `bench_import_${run}`);
  // Background work (the team-directory refresh) off: only the import runs.
  const traffic = await startSubgraph(timedTraffic, {
    port: 0,
    databaseUrl: url,
    logger: createLogger('traffic'),
    background: false,
  });
  // The CLI's path as users run it: through the gateway, which checks the token and streams the file on.
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { traffic: traffic.server.url },
    port: 0,
    logger: createLogger('gateway'),
  });
  try {
    await withClient(url, (client) => client.query('checkpoint'));
    const env = { ...process.env, SWITCHBOARD_TOKEN: await clientToken() };
    let result = { code: -1, output: '' };
    const wall = await measured(cluster, async () => {
      result = await runCli(
        ['--gateway', gateway.url, 'import', 'contacts', canonicalFile, '--timezone', 'UTC'],
        env,
      );
    });
    if (result.code !== 0) throw new Error(`the CLI exited with ${result.code}:\n${result.output}`);
    const check = await stored(url);
    if (check.contacts !== rows || check.rolledUp !== rows || check.queueRolledUp !== rows)
      throw new Error(
        `import stored ${check.contacts} contacts, rolled up ${check.rolledUp} (per queue ${check.queueRolledUp}), of ${rows}`,
      );
    return { wall, serverMs };
  } finally {
    await gateway.stop();
    await traffic.stop();
    await dropDatabase(url);
  }
}

const formatRange = (values: number[]): string => `${min(values).toFixed(2)} – ${max(values).toFixed(2)}`;

async function report(
  copies: Measured[],
  imports: Measured[],
  serverSideMs: number[],
  postgres: string,
): Promise<void> {
  const copyMs = copies.map((m) => m.ms);
  const wallMs = imports.map((m) => m.ms);
  const rate = (ms: number): number => rows / (ms / 1000);
  const line = (label: string, ms: number[]): string[] => [
    label,
    formatCount(rate(median(ms))),
    `${formatCount(rate(max(ms)))} – ${formatCount(rate(min(ms)))}`,
    formatMs(median(ms)),
    ms.map(formatMs).join(', '),
  ];
  console.log(
    table(
      ['', 'median rows/s', 'min – max rows/s', 'median time', 'runs'],
      [
        line('plain COPY (table layout, pg-copy-streams)', copyMs),
        line('CLI import, wall clock (incl. CLI start-up)', wallMs),
        line('import, server side (request to last byte)', serverSideMs),
      ],
    ),
  );
  const ratioWall = median(copyMs) / median(wallMs);
  const perRun = wallMs.map((w, i) => copyMs[i] / w);
  // The same ratio in CPU seconds (this process and PostgreSQL): on a shared machine the wall clock
  // follows everyone's load, the CPU a side costs much less so.
  const cpuOf = (m: Measured): number => m.nodeCpu + m.pgCpu;
  const ratioCpu = median(copies.map(cpuOf)) / median(imports.map(cpuOf));
  const perRunCpu = imports.map((m, i) => cpuOf(copies[i]) / cpuOf(m));
  console.log(
    `\nratio import/COPY (rates, medians): wall clock ${ratioWall.toFixed(2)} (per run ${formatRange(perRun)}), server side ${(median(copyMs) / median(serverSideMs)).toFixed(2)}`,
  );
  console.log(
    `ratio in CPU seconds (this process + PostgreSQL; COPY's over the import's, medians): ${ratioCpu.toFixed(2)} (per run ${formatRange(perRunCpu)})`,
  );
  console.log(`goal import ≥ ${GOAL_RATIO} × COPY (wall clock): ${verdict(ratioWall >= GOAL_RATIO)}`);
  const rateRow = (label: string, ms: number[]): string[] => [
    label,
    formatCount(rate(median(ms))),
    `${formatCount(rate(max(ms)))} – ${formatCount(rate(min(ms)))}`,
    formatMs(median(ms)),
    `${median((label.startsWith('plain') ? copies : imports).map((m) => m.pgCpu)).toFixed(1)} s`,
  ];
  await saveResult({
    name: 'ingest',
    title: `Ingest: ${formatCount(rows)} contacts, switchboard import vs plain COPY`,
    command: commandLine('bench:ingest'),
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    machine: machine(postgres),
    tables: [
      {
        title: `${formatCount(rows)} generated contacts (${days} days, ${queues.length} queues), ${runs} runs, each side on a fresh copy of one migrated database`,
        header: ['', 'median rows/s', 'min – max rows/s', 'median time', 'PostgreSQL CPU'],
        rows: [
          rateRow('plain COPY (table layout)', copyMs),
          rateRow('CLI import, wall clock', wallMs),
          [...line('import, server side', serverSideMs).slice(0, 4), ''],
        ],
      },
    ],
    notes: [
      `Ratio import/COPY per run: ${formatRange(perRun)} (wall clock, in run order: ${perRun.map((r) => r.toFixed(2)).join(', ')}).`,
      `In CPU seconds (this process + PostgreSQL, COPY's over the import's): median ${ratioCpu.toFixed(2)}, per run ${formatRange(perRunCpu)}; the CLI process is not counted.`,
    ],
    goals: [
      {
        goal: `import ≥ ${GOAL_RATIO} × COPY's rate`,
        measured: `${ratioWall.toFixed(2)} × (${formatCount(rate(median(wallMs)))} vs ${formatCount(rate(median(copyMs)))} rows/s)`,
        met: ratioWall >= GOAL_RATIO,
      },
    ],
  });
  const cpu = (label: string, sides: Measured[]): string[] => [
    label,
    formatMs(median(sides.map((m) => m.ms))),
    `${median(sides.map((m) => m.nodeCpu)).toFixed(1)} s`,
    `${median(sides.map((m) => m.pgCpu)).toFixed(1)} s`,
  ];
  console.log('\nwhere the time goes (medians; CPU while the side ran; the CLI process is not counted):');
  console.log(
    table(
      ['', 'wall', 'CPU of this Node process', 'CPU of PostgreSQL'],
      [
        cpu('plain COPY (Node: the COPY client)', copies),
        cpu('CLI import (Node: the traffic server)', imports),
      ],
    ),
  );
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys(); // this run's gateway keys; the CLI imports as libs/testing's administrator
  const cluster = await startBenchCluster('switchboard-bench-ingest-');
  try {
    const generated = await timed(() => writeContactFiles(generation, join(cluster.dir, 'contacts')));
    const { canonical: canonicalFile, table: tableFile } = generated.result;
    rows = generated.result.contacts;
    await createTemplate(cluster);
    const cliStart: number[] = [];
    for (let i = 0; i < 3; i += 1) cliStart.push((await timed(() => runCli(['--help']))).ms);
    const copies: Measured[] = [];
    const imports: Measured[] = [];
    const serverSideMs: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      // Alternate which side goes first, so neither always gets the warmer cache.
      for (const side of run % 2 === 1 ? ['copy', 'import'] : ['import', 'copy']) {
        if (side === 'copy') copies.push(await measureCopy(cluster, run, tableFile));
        else {
          const imported = await measureImport(cluster, run, canonicalFile);
          imports.push(imported.wall);
          serverSideMs.push(imported.serverMs);
        }
      }
      process.stderr.write(
        `run ${run}/${runs}: COPY ${formatMs(copies[run - 1].ms)}, CLI import ${formatMs(imports[run - 1].ms)} (server ${formatMs(serverSideMs[run - 1])})\n`,
      );
    }
    console.log(
      `\nContact file import vs plain COPY: ${formatCount(rows)} contacts (${days} days, ${queues.length} queues), ${runs} runs, each side on a fresh copy of one migrated database`,
    );
    console.log(await describeSetup(cluster.url('postgres')));
    console.log(
      `files: canonical CSV ${(statSync(canonicalFile).size / 1e6).toFixed(1)} MB, table-layout CSV ${(statSync(tableFile).size / 1e6).toFixed(1)} MB, generated in ${formatMs(generated.ms)}; CLI start-up (switchboard --help): median ${formatMs(median(cliStart))}\n`,
    );
    const postgres = await withClient(cluster.url('postgres'), async (c) =>
      String((await c.query('show server_version')).rows[0].server_version),
    );
    await report(copies, imports, serverSideMs, postgres);
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
