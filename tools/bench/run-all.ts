import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize } from './bench-size';

const RUN = resolve(__dirname, '..', 'bin', 'run.js');
const BENCHES = ['ingest.bench.ts', 'stats.bench.ts', 'performance.bench.ts', 'dashboard.bench.ts'];

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
  for (const file of BENCHES) {
    console.log(`\n=== ${file} ===`);
    const benchStarted = Date.now();
    if ((await runBench(file)) !== 0) failed += 1;
    console.log(`(${file}: ${((Date.now() - benchStarted) / 60_000).toFixed(1)} min)`);
  }
  console.log(
    `\nAll benchmarks: ${((Date.now() - started) / 60_000).toFixed(1)} min; docs/benchmarks.md regenerated.`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
