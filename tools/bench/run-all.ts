import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const RUN = resolve(__dirname, '..', 'bin', 'run.js');
const BENCHES = ['ingest.bench.ts', 'stats.bench.ts', 'performance.bench.ts'];

/** One benchmark in its own process (one at a time: on 2 cores they would disturb each other). */
function runBench(file: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [RUN, resolve(__dirname, file)], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

/** npm run bench: every benchmark at its defaults, one after another; exits non-zero if one failed. */
async function main(): Promise<void> {
  let failed = 0;
  for (const file of BENCHES) {
    console.log(`\n=== ${file} ===`);
    if ((await runBench(file)) !== 0) failed += 1;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
