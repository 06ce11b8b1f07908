import '../production-mode';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { serviceIdentity } from '@switchboard/auth';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { startBenchCluster } from '../bench-cluster';
import { median, progress, progressDone, table } from '../measurement';
import { closedLoop, processCpuSeconds } from './mixed-load';
import { prepareMorning } from './mixed-morning';
import { startPlatform } from './processes';
import { seedAndRecord } from './seeded-data';

const { values: args } = parseArgs({
  options: {
    operations: { type: 'string', default: 'CenterOverview' },
    visits: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '23' },
    // each service writes a V8 CPU profile here when it stops (--cpu-prof): where each process's time goes
    'cpu-prof-dir': { type: 'string' },
  },
});

/**
 * node tools/bin/run.js tools/bench/dashboard/page-alone.ts --operations CenterOverview: one page
 * alone as the dashboard bench serves it (every subgraph and the gateway its own process, the bench's
 * seeded demo), the mixed morning's own visits of that page (seed 23) sent one after another,
 * `rounds` times over: wall time per visit (median) and CPU milliseconds per visit of each process
 * and of PostgreSQL, with the load average, so a change can be judged by CPU when the machine is busy.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const cluster = await startBenchCluster('switchboard-page-alone-');
  try {
    progress('seeding every subgraph with its demo');
    await seedAndRecord(cluster, ['SHA-01'], 'SHA-01');
    progress('starting every subgraph and the gateway as processes');
    const platform = await startPlatform(
      cluster,
      48_000 + Math.floor(Math.random() * 400) * 2,
      (name) => clientToken(serviceIdentity(name), '2h'),
      args['cpu-prof-dir']
        ? {
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${args['cpu-prof-dir']}`,
          }
        : {},
      false,
    );
    try {
      const { visits, sender } = await prepareMorning(platform.gatewayUrl, Number(args.seed));
      const pids = Object.fromEntries(
        Object.entries(platform.pids).filter(([name]) => name !== 'hive-gateway'),
      );
      for (const name of String(args.operations).split(',')) {
        const some = visits.filter((v) => v.operation === name).slice(0, Number(args.visits));
        if (!some.length) throw new Error(`no visit of ${name} in the mixed morning`);
        progress(`${name}: warm-up, each visit once`);
        for (const visit of some) await closedLoop(sender, [visit], 1, 0.001);
        const wall: number[] = [];
        const cpuBefore = Object.fromEntries(
          Object.entries(pids).map(([n, pid]) => [n, processCpuSeconds(pid)]),
        );
        const pgBefore = cluster.cpuSeconds();
        let errors = 0;
        for (let round = 0; round < Number(args.rounds); round += 1)
          for (const visit of some) {
            progress(`${name}: round ${round + 1}, visit ${wall.length + 1}`);
            const result = await closedLoop(sender, [visit], 1, 0.001);
            wall.push(...(result.latencies[name] ?? []));
            errors += Object.values(result.errors).reduce((a, b) => a + b, 0);
            if (result.samples.length) console.error(result.samples.join('\n'));
          }
        progressDone();
        const n = wall.length + errors;
        const cpu = Object.entries(pids).map(
          ([process, pid]) => [process, ((processCpuSeconds(pid) - cpuBefore[process]) * 1000) / n] as const,
        );
        cpu.push(['postgres', ((cluster.cpuSeconds() - pgBefore) * 1000) / n]);
        const total = cpu.reduce((sum, [, ms]) => sum + ms, 0);
        console.log(
          `\n=== ${name} alone: ${n} visits (${some.length} distinct, ${args.rounds} rounds), errors ${errors}, ` +
            `wall ms median ${median(wall).toFixed(0)} (min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)}), ` +
            `load average ${loadavg()
              .map((l) => l.toFixed(2))
              .join(' ')}`,
        );
        console.log(
          table(
            ['CPU ms per visit', ...cpu.map(([process]) => process), 'total'],
            [['', ...cpu.map(([, ms]) => ms.toFixed(0)), total.toFixed(0)]],
          ),
        );
      }
    } finally {
      await platform.stop();
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
