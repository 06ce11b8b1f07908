/**
 * `npm run soak [-- --minutes 5 --readers 4]`: the whole platform as `npm start` runs it (own
 * embedded PostgreSQL, demo data, every service its own process), under mixed read and import load
 * for a set time. Prints requests, errors, latency, each process's RSS at the start and the end, and
 * the contacts sent against those stored. Exit code 1 if anything unexpected happened.
 *
 * Memory: RSS includes what V8 keeps reserved after collecting, so each service also reports its
 * live heap after a forced full GC (memory-probe.js, preloaded): a leak shows as that heap climbing,
 * heap sizing as RSS moving while it stays flat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempClusterDir } from '@switchboard/postgres';
import { formatCount, formatMs, median, percentile, table } from '../bench/measurement';

const ROOT = resolve(__dirname, '..', '..');
const MEMORY_DIR = mkdtempSync(join(tmpdir(), 'switchboard-soak-memory-'));
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    readers: { type: 'string', default: '4' },
    batch: { type: 'string', default: '500' },
  },
});
const durationMs = Number(args.minutes) * 60_000;
const readers = Number(args.readers);
const batchSize = Number(args.batch);

interface Stack {
  child: ChildProcess;
  gateway: string;
  token: string;
  output: () => string;
}

async function startStack(dataDir: string, port: number): Promise<Stack> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'tools/bin/run.js'), join(ROOT, 'tools/src/start/start.ts')],
    {
      env: {
        ...process.env,
        SWITCHBOARD_DATA_DIR: dataDir,
        SWITCHBOARD_PG_PORT: String(port + 100),
        GATEWAY_PORT: String(port),
        SWITCHBOARD_PORT_OFFSET: String(port - 4000 + 200),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require ${join(__dirname, 'memory-probe.js')}`,
        SOAK_MEMORY_DIR: MEMORY_DIR,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 300_000;
  while (!output.includes('Switchboard is running')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the stack did not start:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 500));
  }
  const token = /^ {2}ADMIN: (\S+)$/m.exec(output)?.[1];
  if (!token) throw new Error(`no ADMIN token printed:\n${output}`);
  return { child, gateway: `http://127.0.0.1:${port}/graphql`, token, output: () => output };
}

/** The stack's processes (the launcher's children) by service entry point. */
function servicePids(launcherPid: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== launcherPid) continue;
      const entry = /apps\/(\w+)\/src\/main\.ts/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      if (entry) result[entry] = Number(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/** RSS in MB of the stack's processes, by service. */
function rssByService(launcherPid: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [entry, pid] of Object.entries(servicePids(launcherPid))) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (rss) result[entry] = Number(rss) / 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/** Live heap in MB of each service right after a forced full GC (SIGUSR2 to memory-probe.js). */
async function heapAfterGc(launcherPid: number): Promise<Record<string, number>> {
  const asked = Date.now();
  const pids = servicePids(launcherPid);
  for (const pid of Object.values(pids)) process.kill(pid, 'SIGUSR2');
  const result: Record<string, number> = {};
  const deadline = Date.now() + 15_000;
  while (Object.keys(result).length < Object.keys(pids).length && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 100));
    for (const [entry, pid] of Object.entries(pids)) {
      const file = join(MEMORY_DIR, `${pid}.json`);
      if (result[entry] !== undefined || !existsSync(file)) continue;
      const sample = JSON.parse(readFileSync(file, 'utf8')) as { at: number; heapUsed: number };
      if (sample.at >= asked) result[entry] = sample.heapUsed / 1024 / 1024;
    }
  }
  return result;
}

interface Tally {
  requests: number;
  errors: string[];
  latencies: number[];
}

const tallies: Record<string, Tally> = {};
const tally = (kind: string): Tally => (tallies[kind] ??= { requests: 0, errors: [], latencies: [] });

async function ask<T>(
  stack: Stack,
  kind: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T | null> {
  const record = tally(kind);
  const started = performance.now();
  record.requests += 1;
  try {
    const response = await fetch(stack.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    record.latencies.push(performance.now() - started);
    if (!response.ok || body.errors?.length) {
      record.errors.push(`HTTP ${response.status}: ${body.errors?.map((e) => e.message).join('; ')}`);
      return null;
    }
    return body.data ?? null;
  } catch (error) {
    record.errors.push((error as Error).message);
    return null;
  }
}

const READS: [string, string, () => Record<string, unknown>][] = [
  ['roster', '{ centers { code teams { code members { employeeNo displayName } } } }', () => ({})],
  [
    'trafficStats',
    `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: THIRTY_MINUTES, groupBy: [QUEUE]) {
       intervalStart queueCode offered answered serviceLevel asaSeconds ahtSeconds abandonRate } }`,
    () => {
      // A day of the demo month (the 30 days before today, Asia/Shanghai).
      const today = new Date();
      const day = new Date(
        Date.UTC(
          today.getUTCFullYear(),
          today.getUTCMonth(),
          today.getUTCDate() - 1 - Math.floor(Math.random() * 28),
          -8,
        ),
      );
      return { f: { from: day, to: new Date(day.getTime() + 86_400_000), timeZone: 'Asia/Shanghai' } };
    },
  ],
  [
    'agents+traffic',
    `query($from: DateTimeISO!, $to: DateTimeISO!) { agents(first: 50) { nodes { employeeNo team { code }
       trafficSummary(from: $from, to: $to) { offered answered serviceLevel ahtSeconds } } } }`,
    () => {
      const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
      return {
        from: new Date(midnight - 30 * 86_400_000).toISOString(),
        to: new Date(midnight).toISOString(),
      };
    },
  ],
];

function contactBatch(run: string, first: number): Record<string, unknown>[] {
  return Array.from({ length: batchSize }, (_, i) => {
    const n = first + i;
    const at = Date.UTC(2026, 0, 15) + n * 1_000;
    const answered = n % 10 !== 0;
    return {
      source: `soak-${run}`,
      externalId: String(n),
      channel: 'VOICE',
      queue: 'SOAK-Q',
      agent: `E${10001 + (n % 200)}`,
      arrivedAt: new Date(at).toISOString(),
      answeredAt: answered ? new Date(at + 8_000).toISOString() : null,
      endedAt: new Date(at + (answered ? 200_000 : 30_000)).toISOString(),
      outcome: answered ? 'ANSWERED' : 'ABANDONED',
    };
  });
}

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted duplicates rejected } }`;

async function main(): Promise<void> {
  const dataDir = join(makeTempClusterDir('switchboard-soak-'), 'data');
  const port = 21_000 + Math.floor(Math.random() * 10_000);
  console.error(`starting the stack (data in ${dataDir})...`);
  const stack = await startStack(dataDir, port);
  const run = Date.now().toString(36);
  let sent = 0;
  let resent = 0;
  const launcher = stack.child.pid ?? 0;
  const loadStart = loadavg()[0];
  const rssStart = rssByService(launcher);
  const heapStart = await heapAfterGc(launcher);
  const until = Date.now() + durationMs;
  // RSS and heap after GC every tenth of the run: growth that levels off is warm-up (JIT, plan and
  // schema caches, V8 growing its heap); a leak keeps the heap after GC climbing.
  type Sample = { at: number; rss: Record<string, number>; heap: Record<string, number> };
  const samples: Sample[] = [{ at: 0, rss: rssStart, heap: heapStart }];
  const sampler = setInterval(() => {
    const at = durationMs - (until - Date.now());
    const rss = rssByService(launcher);
    void heapAfterGc(launcher).then((heap) => samples.push({ at, rss, heap }));
  }, durationMs / 10);
  console.error(
    `soaking for ${args.minutes} min: ${readers} readers, one importer (${batchSize} contacts a batch)...`,
  );
  const reader = async (): Promise<void> => {
    for (let i = 0; Date.now() < until; i += 1) {
      const [kind, query, variables] = READS[i % READS.length];
      await ask(stack, kind, query, variables());
    }
  };
  const importer = async (): Promise<void> => {
    for (let batch = 0; Date.now() < until; batch += 1) {
      const contacts = contactBatch(run, sent);
      const answer = await ask<{ ingestContacts: { inserted: number } }>(stack, 'ingestContacts', INGEST, {
        c: contacts,
      });
      if (answer?.ingestContacts.inserted === contacts.length) sent += contacts.length;
      else if (answer)
        tally('ingestContacts').errors.push(
          `inserted ${answer.ingestContacts.inserted} of ${contacts.length}`,
        );
      if (batch % 10 === 9 && sent > 0) {
        // Resending a stored batch must change nothing.
        const again = await ask<{ ingestContacts: { inserted: number; duplicates: number } }>(
          stack,
          'ingestContacts (resend)',
          INGEST,
          {
            c: contactBatch(run, sent - batchSize),
          },
        );
        if (again && again.ingestContacts.inserted !== 0)
          tally('ingestContacts (resend)').errors.push('a resent batch inserted rows');
        resent += batchSize;
      }
    }
  };
  await Promise.all([...Array.from({ length: readers }, reader), importer()]);
  clearInterval(sampler);
  const rssEnd = rssByService(launcher);
  const heapEnd = await heapAfterGc(launcher);
  const loadEnd = loadavg()[0];
  const counted = await ask<{ trafficStats: { offered: number }[] }>(
    stack,
    'final count',
    `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL) { offered } }`,
    { f: { from: '2026-01-15T00:00:00Z', to: '2026-03-01T00:00:00Z', queueCodes: ['SOAK-Q'] } },
  );
  const stored = counted?.trafficStats[0]?.offered ?? 0;
  stack.child.kill('SIGINT');
  await new Promise((done) => stack.child.once('exit', done));
  rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  rmSync(MEMORY_DIR, { recursive: true, force: true });

  const errors = Object.values(tallies).reduce((n, t) => n + t.errors.length, 0);
  console.log(
    `\nSoak: ${args.minutes} min, ${readers} readers + 1 importer, on ${new Date().toISOString().slice(0, 10)}; ` +
      `load average (1 min) ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end`,
  );
  console.log(
    table(
      ['operation', 'requests', 'errors', 'p50', 'p95', 'max'],
      Object.entries(tallies).map(([kind, t]) => [
        kind,
        formatCount(t.requests),
        formatCount(t.errors.length),
        t.latencies.length ? formatMs(median(t.latencies)) : '-',
        t.latencies.length ? formatMs(percentile(t.latencies, 95)) : '-',
        t.latencies.length ? formatMs(Math.max(...t.latencies)) : '-',
      ]),
    ),
  );
  const names = Object.keys(rssStart).sort();
  samples.sort((a, b) => a.at - b.at); // heap samples arrive when every service has answered
  const half = samples[Math.floor(samples.length / 2)];
  const mb = (value: number | undefined) => (value ?? NaN).toFixed(0);
  const growth = (end: number | undefined, mid: number | undefined) =>
    `${(((end ?? NaN) / (mid ?? NaN) - 1) * 100).toFixed(0)}%`;
  console.log(
    `\n${table(
      [
        'process',
        'RSS start',
        'RSS mid',
        'RSS end',
        'heap after GC start',
        'heap mid',
        'heap end',
        'heap 2nd half',
      ],
      names.map((name) => [
        name,
        mb(rssStart[name]),
        mb(half.rss[name]),
        mb(rssEnd[name]),
        mb(heapStart[name]),
        mb(half.heap[name]),
        mb(heapEnd[name]),
        growth(heapEnd[name], half.heap[name]),
      ]),
    )}\n(MB; heap: V8's live heap right after a forced full GC)`,
  );
  console.log(
    `\nRSS / heap after GC (MB) over the run:\n${table(
      ['minute', ...names],
      [...samples, { at: durationMs, rss: rssEnd, heap: heapEnd }].map(({ at, rss, heap }) => [
        (at / 60_000).toFixed(1),
        ...names.map((name) => `${mb(rss[name])} / ${mb(heap[name])}`),
      ]),
    )}`,
  );
  console.log(
    `\ncontacts sent ${formatCount(sent)} (plus ${formatCount(resent)} resent), stored ${formatCount(stored)}`,
  );
  for (const [kind, t] of Object.entries(tallies))
    for (const error of t.errors.slice(0, 5)) console.log(`  ${kind}: ${error}`);
  const ok = errors === 0 && stored === sent;
  console.log(ok ? 'RESULT: no unexpected errors; every contact counted once' : 'RESULT: FAILED');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
