import './../production-mode';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serviceIdentity } from '@switchboard/auth';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { startBenchCluster } from '../bench-cluster';
import { progress, progressDone, table } from '../measurement';
import { compiledBuild, type CompiledBuild } from './compiled-build';
import { closedLoop, processCpuSeconds, summarizeMixed } from './mixed-load';
import { prepareMorning } from './mixed-morning';
import { sampleRss } from './process-memory';
import { startPlatform, type RunningPlatform } from './processes';
import { seedAndRecord } from './seeded-data';
import { memoryAfterGc } from './soak';

const { values: args } = parseArgs({
  options: {
    // name -> extra environment of every service, e.g. '{"base":{},"arenas":{"MALLOC_ARENA_MAX":"2"}}'
    variants: { type: 'string', default: '{"base":{}}' },
    seconds: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '1' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '23' },
    // variants whose name ends in ":compiled" run the production build
  },
});
const MEMORY_PROBE = resolve(__dirname, '..', '..', 'soak', 'memory-probe.js');
const MIB = 1024 * 1024;

/**
 * Diagnostic (not in npm run bench): the mixed morning's closed loop against the platform started
 * with each variant of the services' environment (V8 flags in NODE_OPTIONS, MALLOC_ARENA_MAX, ...),
 * one after another on the same seeded databases, rounds interleaved; per process the largest RSS
 * under the load and the memory after a forced full GC at its end. RSS does not depend on the
 * machine's load as latency does, so variants compare on a shared machine.
 *
 *   node tools/bin/run.js tools/bench/dashboard/memory-variants.ts --seconds 60 \
 *     --variants '{"base":{},"semi8":{"NODE_OPTIONS":"--max-semi-space-size=8"}}'
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const variants = JSON.parse(String(args.variants)) as Record<string, Record<string, string>>;
  const cluster = await startBenchCluster('switchboard-bench-memory-');
  const rows: string[][] = [];
  let build: CompiledBuild | undefined;
  try {
    progress('seeding every subgraph with its demo');
    await seedAndRecord(cluster, ['SHA-01'], 'SHA-01');
    const serviceToken = (name: string) => clientToken(serviceIdentity(name), '2h');
    for (let round = 1; round <= Number(args.rounds); round += 1) {
      for (const [name, variant] of Object.entries(variants)) {
        const probeDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-memory-probe-'));
        const env = {
          ...variant,
          NODE_OPTIONS: `${variant.NODE_OPTIONS ?? ''} --expose-gc --require ${MEMORY_PROBE}`,
          SOAK_MEMORY_DIR: probeDir,
        };
        progress(`round ${round}, ${name}: starting the platform`);
        const entry = name.endsWith(':compiled') ? (build ??= compiledBuild()).entry : undefined;
        const platform = await startOnFreePorts(() =>
          startPlatform(
            cluster,
            47_000 + Math.floor(Math.random() * 900) * 2,
            serviceToken,
            env,
            false,
            entry,
          ),
        );
        try {
          const { visits, sender } = await prepareMorning(platform.gatewayUrl, Number(args.seed));
          progress(`round ${round}, ${name}: warm-up 15 s, then ${args.seconds} s of load`);
          await closedLoop(sender, visits.slice(-2000), Number(args.connections), 15);
          const cpuBefore = cpuSecondsOf(platform.pids);
          const { result, maxRssMiB } = await sampleRss(platform.pids, () =>
            closedLoop(sender, visits, Number(args.connections), Number(args.seconds)),
          );
          const cpuAfter = cpuSecondsOf(platform.pids);
          const after = await memoryAfterGc(platform.pids, probeDir);
          const summary = summarizeMixed(result);
          for (const process of Object.keys(platform.pids)) {
            const s = after[process];
            rows.push([
              String(round),
              name,
              process,
              maxRssMiB[process].toFixed(0),
              s ? (s.rss / MIB).toFixed(0) : '–',
              s ? (s.heapUsed / MIB).toFixed(1) : '–',
              s ? (s.heapTotal / MIB).toFixed(1) : '–',
              s ? (s.external / MIB).toFixed(1) : '–',
              // CPU per request: a variant that collects more often pays here, whatever the load
              (((cpuAfter[process] - cpuBefore[process]) / Math.max(1, summary.requests)) * 1000).toFixed(1),
              `${summary.requests} req, ${summary.errors} err, load ${loadavg()[0].toFixed(1)}`,
            ]);
          }
          progressDone();
          console.log(table(HEADER, rows.slice(-Object.keys(platform.pids).length)));
        } finally {
          await platform.stop();
        }
      }
    }
  } finally {
    build?.remove();
    await cluster.stop();
  }
  console.log(`\n${table(HEADER, rows)}`);
}

/**
 * The ports are drawn at random from the kernel's ephemeral range, where a connection's local port
 * can take one first (EADDRINUSE): start again on others, up to three times.
 */
async function startOnFreePorts(start: () => Promise<RunningPlatform>): Promise<RunningPlatform> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
      progress(`a port was taken, starting again (${String(error).split('\n')[0].slice(0, 80)})`);
    }
  }
}

function cpuSecondsOf(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]));
}

const HEADER = [
  'round',
  'variant',
  'process',
  'max RSS MiB',
  'RSS after GC',
  'live heap MiB',
  'heap total MiB',
  'external MiB',
  'CPU ms/req',
  'load',
];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
