// Startup of one subgraph process as `npm start` runs it (node tools/bin/run.js apps/<name>/src/main.ts,
// migrations already applied): milliseconds from spawn to /ready answering 200, and the process's RSS
// then and after a few requests. Written to judge a runtime or ORM upgrade (issue 24).
//   node tools/bin/run.js tools/bench/subgraph-startup.bench.ts [--subgraph traffic] [--runs 5]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateSubgraph } from '@switchboard/subgraph-kit';
import { ensureTestKeys } from '@switchboard/testing';
import { subgraphs } from '../src/subgraphs';
import { startBenchCluster } from './bench-cluster';
import { formatMs, max, median, min, table } from './measurement';

const { values: args } = parseArgs({
  options: {
    subgraph: { type: 'string', default: 'traffic' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '47123' },
  },
});
const entry = subgraphs.find((s) => s.definition.name === args.subgraph);
if (!entry)
  throw new Error(`--subgraph must be one of ${subgraphs.map((s) => s.definition.name).join(', ')}`);
const runs = Number(args.runs);
const port = Number(args.port);
const RUN = resolve(__dirname, '..', 'bin', 'run.js');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function ready(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200;
  } catch {
    return false;
  }
}

interface Sample {
  ms: number;
  rssReady: number;
  rssAfter: number;
}

async function once(databaseUrl: string): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, [RUN, entry!.main], {
    env: {
      ...process.env,
      [`${entry!.definition.name.toUpperCase()}_DATABASE_URL`]: databaseUrl,
      PORT: String(port),
      SWITCHBOARD_MIGRATE: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    while (!(await ready())) {
      if (child.exitCode !== null) throw new Error(`${entry!.definition.name} exited ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('not ready after 60 s');
      await new Promise((wait) => setTimeout(wait, 10));
    }
    const ms = performance.now() - started;
    const rssReady = rssMb(child.pid!);
    // a few requests through the ORM (readiness reads the migrations table)
    for (let i = 0; i < 50; i++) await ready();
    return { ms, rssReady, rssAfter: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  ensureTestKeys(); // the child inherits them
  const cluster = await startBenchCluster('startup-bench');
  try {
    const url = cluster.url(`startup_${entry!.definition.name}`);
    await migrateSubgraph(entry!.definition, { databaseUrl: url, seedDemo: false });
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once(url));
    const column = (pick: (s: Sample) => number, unit: (n: number) => string) => {
      const values = samples.map(pick);
      return [unit(median(values)), unit(min(values)), unit(max(values))];
    };
    const mb = (n: number) => `${n.toFixed(1)} MB`;
    const orm = JSON.parse(readFileSync(require.resolve('@mikro-orm/core/package.json'), 'utf8')) as {
      version: string;
    };
    console.log(
      `${entry!.definition.name} subgraph startup, ${runs} runs, node ${process.version}, ` +
        `@mikro-orm/core ${orm.version}, load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      table(
        ['', 'median', 'min', 'max'],
        [
          ['spawn -> /ready 200', ...column((s) => s.ms, formatMs)],
          ['RSS at ready', ...column((s) => s.rssReady, mb)],
          ['RSS after 50 /ready', ...column((s) => s.rssAfter, mb)],
        ],
      ),
    );
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
