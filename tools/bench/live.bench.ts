import './production-mode';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { GATEWAY_MAIN, subgraphs } from '../src/subgraphs';
import { spawnService, stopService, waitUntilHealthy, type ServiceProcess } from '../src/start/child-process';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { percentile, progress, progressDone, table } from './measurement';

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    queues: { type: 'string', default: '10' },
    agents: { type: 'string', default: '200' },
  },
});
const SUBSCRIBERS = Number(args.subscribers);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const QUEUES = Number(args.queues);
const AGENTS = Number(args.agents);
const TICK_MS = 100;
const PROBE_EVERY_MS = 3_000;
const GOAL_P95_MS = 2_000;
const GOAL_CORES = 0.5;

/** CPU ticks of a process and every process below it (the runner starts the service as its child). */
function treeCpuSeconds(rootPid: number): number {
  if (!existsSync('/proc')) return NaN;
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(join('/proc', name, 'stat'), 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(f[1]));
      ticks.set(Number(name), Number(f[11]) + Number(f[12]));
    } catch {
      // gone
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== rootPid) p = parents.get(p);
    if (p === rootPid) total += t;
  }
  return total / 100;
}

interface Subscriber {
  seen: Set<number>;
  latencies: number[];
  pushes: number;
  close: () => void;
}

async function subscribe(url: string, token: string, sentAt: Map<number, number>): Promise<Subscriber> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`subscribe: HTTP ${response.status}`);
  const sub: Subscriber = { seen: new Set(), latencies: [], pushes: 0, close: () => abort.abort() };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          sub.pushes += 1;
          const now = Date.now();
          for (const match of data.matchAll(/"reason":"probe-(\d+)"/g)) {
            const n = Number(match[1]);
            const sent = sentAt.get(n);
            if (sent !== undefined && !sub.seen.has(n)) {
              sub.seen.add(n);
              sub.latencies.push(now - sent);
            }
          }
        }
      }
    } catch {
      // closed
    }
  })();
  return sub;
}

/**
 * npm run bench:live: traffic and the gateway as their own processes (NODE_ENV=production) on an
 * embedded PostgreSQL; SUBSCRIBERS server-sent-event subscribers of one center through the gateway;
 * RATE live events a second (contacts queued, answered, ended; agents changing state) through the
 * gateway's /events. Every 3 s one of them is a probe (an agent going not-ready with reason
 * probe-N): its latency is from the moment the event is sent to the push that shows it, at every
 * subscriber. CPU: each process tree's CPU seconds over the load window / the window.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const cluster = await startBenchCluster('switchboard-bench-live-');
  const services: ServiceProcess[] = [];
  try {
    const base = 48_000 + Math.floor(Math.random() * 900) * 2;
    const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL };
    const trafficMain = subgraphs.find((s) => s.definition.name === 'traffic')!.main;
    const trafficUrl = `http://127.0.0.1:${base + 1}/graphql`;
    progress('starting traffic and the gateway');
    const traffic = spawnService(
      'traffic',
      trafficMain,
      {
        ...env,
        PORT: String(base + 1),
        TRAFFIC_DATABASE_URL: cluster.url('bench_traffic'),
        SWITCHBOARD_SEED_DEMO: 'false',
      },
      join(cluster.dir, 'logs'),
    );
    services.push(traffic);
    await waitUntilHealthy(traffic, `http://127.0.0.1:${base + 1}/health`, 180_000);
    const gateway = spawnService(
      'gateway',
      GATEWAY_MAIN,
      { ...env, PORT: String(base), TRAFFIC_URL: trafficUrl },
      join(cluster.dir, 'logs'),
    );
    services.push(gateway);
    await waitUntilHealthy(gateway, `http://127.0.0.1:${base}/health`, 180_000);
    const origin = `http://127.0.0.1:${base}`;
    const token = await clientToken(undefined, '2h');
    const send = async (lines: object[]): Promise<void> => {
      const response = await fetch(`${origin}/events?source=bench`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"type":"error"'))
        throw new Error(`events: ${response.status} ${text.slice(0, 300)}`);
    };
    // The center's queues, created by a first event each and assigned to the center.
    const center = randomUUID();
    const queues = Array.from({ length: QUEUES }, (_, i) => `BENCH-${i + 1}`);
    let clock = Date.now();
    const at = (): string => new Date((clock = Math.max(clock + 1, Date.now()))).toISOString();
    await send(
      queues.map((queue, i) => ({
        type: 'AGENT_STATE',
        agent: `SETUP-${i}`,
        at: at(),
        state: 'LOGGED_OUT',
        queue,
      })),
    );
    await withClient(cluster.url('bench_traffic'), (client) =>
      client.query(`update queue set center_id = $1 where code like 'BENCH-%'`, [center]),
    );
    const sentAt = new Map<number, number>();
    progress(`${SUBSCRIBERS} subscribers`);
    const feed = `${origin}/live/queues?centerId=${center}&timeZone=Asia/Shanghai`;
    const subs = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => subscribe(feed, token, sentAt)));

    // The load: per tick RATE/10 events: new contacts queue, the oldest waiting are answered, the
    // oldest answered end, one agent changes state; every PROBE_EVERY_MS the agent event is a probe.
    const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
    const waiting: { id: string; queue: string }[] = [];
    const talking: string[] = [];
    const states = ['AVAILABLE', 'ON_CONTACT', 'ACW', 'NOT_READY'];
    let next = 0;
    let probe = 0;
    let lastProbe = 0;
    let sentEvents = 0;
    let late = 0;
    const cpu0 = {
      traffic: treeCpuSeconds(traffic.child.pid!),
      gateway: treeCpuSeconds(gateway.child.pid!),
      postgres: cluster.cpuSeconds(),
    };
    const started = Date.now();
    progress(`${RATE} events/s for ${SECONDS} s`);
    while (Date.now() - started < SECONDS * 1000) {
      const tickStart = Date.now();
      const events: object[] = [];
      const now = Date.now();
      if (now - lastProbe >= PROBE_EVERY_MS) {
        lastProbe = now;
        probe += 1;
        events.push({
          type: 'AGENT_STATE',
          agent: 'PROBE',
          at: at(),
          state: 'NOT_READY',
          reason: `probe-${probe}`,
          queue: queues[0],
        });
      }
      // Catch up when a tick ran late (a slow answer): the average stays RATE events a second.
      const due = Math.max(perTick, Math.round((RATE * (now - started)) / 1000) + perTick - sentEvents);
      while (events.length < Math.min(due, perTick * 5)) {
        const kind = events.length % 4;
        if (kind === 0 || waiting.length === 0) {
          const id = `b-${(next += 1)}`;
          const queue = queues[next % queues.length];
          waiting.push({ id, queue });
          events.push({ type: 'CONTACT_QUEUED', external_id: id, at: at(), queue });
        } else if (kind === 1 && waiting.length > 3) {
          const c = waiting.shift()!;
          talking.push(c.id);
          events.push({ type: 'CONTACT_ANSWERED', external_id: c.id, at: at(), agent: `A${next % AGENTS}` });
        } else if (kind === 2 && talking.length > 3) {
          events.push({ type: 'CONTACT_ENDED', external_id: talking.shift()!, at: at(), acw_seconds: 10 });
        } else {
          const state = states[Math.floor(Math.random() * states.length)];
          events.push({
            type: 'AGENT_STATE',
            agent: `A${Math.floor(Math.random() * AGENTS)}`,
            at: at(),
            state,
            queue: queues[Math.floor(Math.random() * queues.length)],
            ...(state === 'NOT_READY' ? { reason: Math.random() < 0.5 ? 'lunch' : 'training' } : {}),
          });
        }
      }
      if (events.some((e) => (e as { agent?: string }).agent === 'PROBE')) sentAt.set(probe, Date.now());
      await send(events);
      sentEvents += events.length;
      const spent = Date.now() - tickStart;
      if (spent > TICK_MS) late += 1;
      else await new Promise((r) => setTimeout(r, TICK_MS - spent));
    }
    const wall = (Date.now() - started) / 1000;
    const cpu = {
      traffic: treeCpuSeconds(traffic.child.pid!) - cpu0.traffic,
      gateway: treeCpuSeconds(gateway.child.pid!) - cpu0.gateway,
      postgres: cluster.cpuSeconds() - cpu0.postgres,
    };
    await new Promise((r) => setTimeout(r, 3_000)); // the last probe's push
    progressDone();
    subs.forEach((s) => s.close());
    const latencies = subs.flatMap((s) => s.latencies);
    const expected = probe * SUBSCRIBERS;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const cores = (cpu.traffic + cpu.gateway) / wall;
    console.log(await describeSetup(cluster.url('bench_traffic')));
    console.log(`uptime: ${execFileSync('uptime').toString().trim()}`);
    console.log(
      `${SUBSCRIBERS} subscribers, ${(sentEvents / wall).toFixed(0)} events/s sent for ${wall.toFixed(0)} s (${sentEvents} events, ${late} late ticks); ${probe} probes, ${latencies.length}/${expected} probe pushes received; pushes per subscriber ${(subs.reduce((n, s) => n + s.pushes, 0) / SUBSCRIBERS).toFixed(0)}`,
    );
    console.log(
      table(
        ['measure', 'value', 'goal'],
        [
          ['event-to-push p50', `${p50.toFixed(0)} ms`, ''],
          [
            'event-to-push p95',
            `${p95.toFixed(0)} ms`,
            `< ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'MET' : 'NOT MET'}`,
          ],
          ['traffic CPU', `${(cpu.traffic / wall).toFixed(2)} cores`, ''],
          ['gateway CPU', `${(cpu.gateway / wall).toFixed(2)} cores`, ''],
          [
            'traffic + gateway CPU',
            `${cores.toFixed(2)} cores`,
            `< ${GOAL_CORES}: ${cores < GOAL_CORES ? 'MET' : 'NOT MET'}`,
          ],
          ['PostgreSQL CPU', `${(cpu.postgres / wall).toFixed(2)} cores`, ''],
        ],
      ),
    );
  } finally {
    for (const service of [...services].reverse()) await stopService(service);
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
