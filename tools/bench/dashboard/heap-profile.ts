import './../production-mode';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serviceIdentity } from '@switchboard/auth';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { startBenchCluster } from '../bench-cluster';
import { progress, progressDone } from '../measurement';
import { compiledBuild, type CompiledBuild } from './compiled-build';
import { closedLoop, summarizeMixed } from './mixed-load';
import { prepareMorning } from './mixed-morning';
import { sampleRss } from './process-memory';
import { startPlatform } from './processes';
import { seedAndRecord } from './seeded-data';

const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: 'traffic,wfm' },
    seconds: { type: 'string', default: '60' },
    out: { type: 'string', default: join(tmpdir(), 'switchboard-heap-profiles') },
    // only what is still alive when the profile ends (default: every allocation)
    live: { type: 'boolean', default: false },
    compiled: { type: 'boolean', default: false },
    // a heap snapshot of each at the end too (<pid>.heapsnapshot)
    snapshot: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
  },
});
const PROBE = resolve(__dirname, '..', '..', 'soak', 'heap-profile-probe.js');
const MIB = 1024 * 1024;

/**
 * Diagnostic (not in npm run bench): who allocates in some services under the mixed morning. V8's
 * sampling heap profiler runs in each named process over `--seconds` of the closed loop (after a
 * 15 s warm-up); per process it prints the largest RSS, the heap spaces at that moment, and the
 * allocation sites by bytes (self, and by package or file), and keeps the .heapprofile files.
 *
 *   node tools/bin/run.js tools/bench/dashboard/heap-profile.ts --processes traffic,wfm --compiled
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const out = resolve(String(args.out));
  mkdirSync(out, { recursive: true });
  const names = String(args.processes).split(',');
  const cluster = await startBenchCluster('switchboard-bench-heap-');
  let build: CompiledBuild | undefined;
  try {
    progress('seeding every subgraph with its demo');
    await seedAndRecord(cluster, ['SHA-01'], 'SHA-01');
    const env = {
      NODE_OPTIONS: `--require ${PROBE}`,
      HEAP_PROFILE_DIR: out,
      HEAP_PROFILE_LIVE: args.live ? '1' : '0',
      HEAP_PROFILE_SNAPSHOT: args.snapshot ? '1' : '0',
    };
    const entry = args.compiled ? (build = compiledBuild()).entry : undefined;
    const serviceToken = (name: string) => clientToken(serviceIdentity(name), '2h');
    const basePort = 45_000 + Math.floor(Math.random() * 900) * 2;
    const platform = await startPlatform(cluster, basePort, serviceToken, env, false, entry);
    try {
      const { visits, sender } = await prepareMorning(platform.gatewayUrl, 23);
      progress('warm-up 15 s');
      await closedLoop(sender, visits.slice(-2000), 16, 15);
      progress(`${String(args.seconds)} s of load, profiling ${names.join(', ')}`);
      for (const name of names) process.kill(platform.pids[name], 'SIGWINCH');
      const { result, maxRssMiB } = await sampleRss(platform.pids, () =>
        closedLoop(sender, visits, 16, Number(args.seconds)),
      );
      for (const name of names) process.kill(platform.pids[name], 'SIGWINCH');
      // the probe writes <pid>.heapprofile, then <pid>.spaces.json, then (--snapshot) the snapshot:
      // wait for the last file of each, and for a snapshot's size to settle
      const last = (name: string) =>
        `${out}/${platform.pids[name]}.${args.snapshot ? 'heapsnapshot' : 'spaces.json'}`;
      const sizes = () => names.map((name) => (existsSync(last(name)) ? statSync(last(name)).size : -1));
      for (let i = 0, seen = ''; i < 300; i += 1) {
        await new Promise((wait) => setTimeout(wait, 500));
        const now = sizes().join();
        if (!now.includes('-1') && now === seen) break;
        seen = now;
      }
      progressDone();
      const { requests, errors } = summarizeMixed(result);
      console.log(`${requests} requests, ${errors} errors, load ${loadavg()[0].toFixed(1)}`);
      for (const name of names) {
        const spaces = readFileSync(`${out}/${platform.pids[name]}.spaces.json`, 'utf8');
        console.log(
          `\n${name} (pid ${platform.pids[name]}): largest RSS ${maxRssMiB[name].toFixed(0)} MiB; ${spaces}`,
        );
        const profile = readFileSync(`${out}/${platform.pids[name]}.heapprofile`, 'utf8');
        console.log(summarize(JSON.parse(profile) as SamplingProfile, Number(args.top)));
      }
    } finally {
      await platform.stop();
    }
  } finally {
    build?.remove();
    await cluster.stop();
  }
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}
interface SamplingProfile {
  head: ProfileNode;
}

/** The sampled bytes by allocating function and by package (node_modules) or repository file. */
function summarize(profile: SamplingProfile, top: number): string {
  const bySite = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  const add = (map: Map<string, number>, key: string, bytes: number) =>
    map.set(key, (map.get(key) ?? 0) + bytes);
  const visit = (node: ProfileNode): void => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/');
    total += node.selfSize;
    add(bySite, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, node.selfSize);
    add(
      byOwner,
      url.includes('node_modules/') ? (/^(@[^/]+\/)?[^/]+/.exec(file)?.[0] ?? file) : file || '(native)',
      node.selfSize,
    );
    node.children.forEach(visit);
  };
  visit(profile.head);
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, bytes]) => `  ${(bytes / MIB).toFixed(1).padStart(7)}  ${key}`);
  return [
    `sampled ${(total / MIB).toFixed(1)} MiB; by site:`,
    ...lines(bySite),
    'by package or file:',
    ...lines(byOwner),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
