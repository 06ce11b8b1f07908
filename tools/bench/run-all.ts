import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize } from './bench-size';
import { BANK_CALLS_CSV } from './forecast-data';
import { commandLine, machine, saveResult } from './results';

const RUN = resolve(__dirname, '..', 'bin', 'run.js');
const BENCHES = [
  'ingest.bench.ts',
  'stats.bench.ts',
  'stats-export.bench.ts',
  'performance.bench.ts',
  'dashboard.bench.ts',
];
// The forecast benchmark reads a public data set kept next to the repository (../shared/data), not
// generated: it runs when that file is there and is reported as skipped otherwise.
if (existsSync(BANK_CALLS_CSV)) BENCHES.push('forecast.bench.ts');

/** One benchmark in its own process (one at a time: on 2 cores they would disturb each other). */
function runBench(file: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [RUN, resolve(__dirname, file), ...sizeArgs], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

const { values: args } = parseArgs({ options: { size: { type: 'string', default: 'default' } } });
const sizeArgs = ['--size', benchSize(args.size)];

/**
 * npm run bench [-- --size large]: every benchmark at that size, one after another (each writes its
 * result and regenerates docs/benchmarks.md); exits non-zero if one failed.
 */
async function main(): Promise<void> {
  let failed = 0;
  const started = Date.now();
  const rows: string[][] = [];
  if (!BENCHES.includes('forecast.bench.ts')) {
    console.log(`forecast.bench.ts skipped: ${BANK_CALLS_CSV} is not there`);
    rows.push(['forecast.bench.ts', '0.0', 'skipped (no ../shared/data)', loadavg()[0].toFixed(1)]);
  }
  for (const file of BENCHES) {
    console.log(`\n=== ${file} ===`);
    const benchStarted = Date.now();
    const code = await runBench(file);
    if (code !== 0) failed += 1;
    const minutes = (Date.now() - benchStarted) / 60_000;
    rows.push([file, minutes.toFixed(1), code === 0 ? 'ok' : `failed (${code})`, loadavg()[0].toFixed(1)]);
    console.log(`(${file}: ${minutes.toFixed(1)} min)`);
  }
  const total = (Date.now() - started) / 60_000;
  rows.push(['all', total.toFixed(1), failed ? `${failed} failed` : 'ok', '']);
  await saveResult({
    name: 'suite',
    title: `The suite: npm run bench at size ${sizeArgs[1]}`,
    command: commandLine('bench'),
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    machine: machine('(each benchmark starts its own)'),
    tables: [
      {
        title: 'Duration of each benchmark',
        header: ['benchmark', 'minutes', 'result', 'load average after'],
        rows,
      },
    ],
    notes: [`The machine has ${cpus().length} cores; others' work on it shows in the load average.`],
    goals: [
      {
        goal: 'npm run bench end to end < 15 min',
        measured: `${total.toFixed(1)} min`,
        met: total < 15 && !failed,
      },
    ],
  });
  console.log(`\nAll benchmarks: ${total.toFixed(1)} min; docs/benchmarks.md regenerated.`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
