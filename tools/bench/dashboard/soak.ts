import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ResultTable } from '../results';
import { closedLoop, summarizeMixed, type Sender } from './mixed-load';
import { sampleRss } from './process-memory';
import type { Visit } from './mixed-workload';

/** What the memory probe (tools/soak/memory-probe.js) writes after a forced full GC, in bytes. */
export interface HeapSample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** One minute of the soak: the load it carried, and each process's memory. */
export interface SoakMinute {
  minute: number;
  requests: number;
  errors: number;
  p95: number;
  loadAverage: number;
  /** Largest VmRSS seen during the minute, MiB. */
  maxRssMiB: Record<string, number>;
  /** Memory after a forced full GC at the minute's end, MiB (null: the process did not answer). */
  afterGc: Record<string, { heapUsed: number; heapTotal: number; external: number; rss: number } | null>;
}

export interface SoakOptions {
  sender: Sender;
  visits: Visit[];
  connections: number;
  minutes: number;
  pids: Record<string, number>;
  /** Where the services' memory probe writes <pid>.json (SOAK_MEMORY_DIR). */
  probeDir: string;
  /** Called after every minute (the bench prints it as it goes). */
  onMinute?: (minute: SoakMinute) => void;
}

const MIB = 1024 * 1024;

/**
 * Least-squares slope of `values` against their index (units per step): the trend of a soak's
 * per-minute memory. NaN with fewer than two values.
 */
export function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** Asks each process (SIGUSR2) for its memory after a full GC and waits for the answers. */
export async function memoryAfterGc(
  pids: Record<string, number>,
  probeDir: string,
  timeoutMs = 15_000,
): Promise<Record<string, HeapSample | null>> {
  const asked = Date.now();
  for (const pid of Object.values(pids)) {
    try {
      process.kill(pid, 'SIGUSR2');
    } catch {
      // gone: reported as null
    }
  }
  const result: Record<string, HeapSample | null> = {};
  const deadline = Date.now() + timeoutMs;
  while (Object.keys(result).length < Object.keys(pids).length && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 100));
    for (const [name, pid] of Object.entries(pids)) {
      const file = join(probeDir, `${pid}.json`);
      if (result[name] || !existsSync(file)) continue;
      const sample = JSON.parse(readFileSync(file, 'utf8')) as HeapSample;
      if (sample.at >= asked) result[name] = sample;
    }
  }
  for (const name of Object.keys(pids)) result[name] ??= null;
  return result;
}

/**
 * The mixed morning's closed loop kept up for `minutes`, one minute at a time: per minute the
 * requests, errors and p95, each process's largest RSS, and its heap after a forced full GC at the
 * minute's end (a leak shows as that live heap climbing; RSS also holds what V8 keeps reserved).
 * Each minute goes on through the visit list where the last one stopped.
 */
export async function mixedSoak(options: SoakOptions): Promise<SoakMinute[]> {
  const minutes: SoakMinute[] = [];
  let offset = 0;
  for (let minute = 1; minute <= options.minutes; minute += 1) {
    const visits = [...options.visits.slice(offset), ...options.visits.slice(0, offset)];
    const { result, maxRssMiB } = await sampleRss(options.pids, () =>
      closedLoop(options.sender, visits, options.connections, 60),
    );
    const summary = summarizeMixed(result);
    offset = (offset + summary.requests + summary.errors) % options.visits.length;
    const probed = await memoryAfterGc(options.pids, options.probeDir);
    const afterGc = Object.fromEntries(
      Object.entries(probed).map(([name, s]) => [
        name,
        s
          ? {
              heapUsed: s.heapUsed / MIB,
              heapTotal: s.heapTotal / MIB,
              external: s.external / MIB,
              rss: s.rss / MIB,
            }
          : null,
      ]),
    );
    const entry: SoakMinute = {
      minute,
      requests: summary.requests,
      errors: summary.errors,
      p95: summary.p95,
      loadAverage: loadavg()[0],
      maxRssMiB,
      afterGc,
    };
    minutes.push(entry);
    options.onMinute?.(entry);
  }
  return minutes;
}

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** A one-line account of a soak minute, for the console. */
export function describeMinute(m: SoakMinute): string {
  const memory = Object.keys(m.maxRssMiB)
    .map((name) => `${name} ${fixed(m.maxRssMiB[name])}/${fixed(m.afterGc[name]?.heapUsed ?? NaN)}`)
    .join(', ');
  return `minute ${m.minute}: ${m.requests} requests, ${m.errors} errors, p95 ${fixed(m.p95)} ms, load ${m.loadAverage.toFixed(1)}; RSS/live heap MiB: ${memory}`;
}

/**
 * The soak's tables: RSS per process per minute, and per process the first and last minute and the
 * slope (least squares) of RSS and of live heap after GC, over the minutes after the first (warm-up).
 */
export function soakTables(minutes: SoakMinute[], connections: number): ResultTable[] {
  const names = Object.keys(minutes[0]?.maxRssMiB ?? {});
  const perMinute: ResultTable = {
    title: `Soak: the mixed morning kept up at ${connections} connections, largest RSS per process (MiB) in each minute`,
    header: ['minute', 'requests', 'errors', 'p95 ms', 'load', ...names],
    rows: minutes.map((m) => [
      String(m.minute),
      String(m.requests),
      String(m.errors),
      fixed(m.p95),
      m.loadAverage.toFixed(1),
      ...names.map((n) => fixed(m.maxRssMiB[n])),
    ]),
  };
  const steady = minutes.length > 2 ? minutes.slice(1) : minutes;
  const trend: ResultTable = {
    title: `Soak: memory trend per process over minutes ${steady[0]?.minute ?? 1}–${minutes.length} (least-squares slope)`,
    header: [
      'process',
      'RSS first MiB',
      'RSS last MiB',
      'RSS slope MiB/min',
      'live heap first MiB',
      'live heap last MiB',
      'live heap slope MiB/min',
      'external last MiB',
    ],
    rows: names.map((n) => {
      const heap = steady.map((m) => m.afterGc[n]?.heapUsed ?? NaN);
      const last = minutes[minutes.length - 1];
      return [
        n,
        fixed(steady[0]?.maxRssMiB[n] ?? NaN),
        fixed(last?.maxRssMiB[n] ?? NaN),
        fixed(slope(steady.map((m) => m.maxRssMiB[n])), 2),
        fixed(heap[0], 1),
        fixed(heap[heap.length - 1], 1),
        fixed(slope(heap), 2),
        fixed(last?.afterGc[n]?.external ?? NaN, 1),
      ];
    }),
  };
  return [perMinute, trend];
}
