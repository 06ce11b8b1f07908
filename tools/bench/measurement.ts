import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { benchSize, sized, type BenchSize } from './bench-size';

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p95 of 15 runs is the slowest run). */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

export const min = (values: readonly number[]): number => Math.min(...values);
export const max = (values: readonly number[]): number => Math.max(...values);

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * `work` under V8's CPU profiler (the benchmark's servers and client share this process), written to
 * `<dir>/<name>.cpuprofile` for Chrome DevTools or speedscope; without `dir`, `work` alone.
 */
export async function profiled<T>(dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

export const formatMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const verdict = (met: boolean): string => (met ? 'MET' : 'NOT MET');

/** Progress on stderr, rewritten in place on a terminal. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
  else process.stderr.write(`${message}\n`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}

/**
 * The options the contact benchmarks share, one set: `--size` (default or large: picks the
 * defaults of contacts, runs and warmup), `--contacts`, `--runs`, `--warmup`, `--days`, `--queues`,
 * `--time-zone`. A benchmark adds its own beside them (benchOptions).
 */
export const BENCH_OPTIONS = {
  size: { type: 'string' },
  contacts: { type: 'string' },
  runs: { type: 'string' },
  warmup: { type: 'string' },
  days: { type: 'string', default: '31' },
  queues: { type: 'string', default: '40' },
  'time-zone': { type: 'string', default: 'Asia/Shanghai' },
} as const satisfies ParseArgsOptionsConfig;

/** A benchmark's defaults of the sized options, by `--size`. */
export type SizedBenchDefaults = Record<BenchSize, { contacts: string; runs: string; warmup: string }>;

/** The sizes of the contact-table benchmarks (stats, stats-export): a million, or the ten. */
export const CONTACT_BENCH_SIZES: SizedBenchDefaults = {
  default: { contacts: '1000000', runs: '7', warmup: '2' },
  large: { contacts: '10000000', runs: '15', warmup: '3' },
};

/**
 * The command line read with the shared options and a benchmark's own (`own`): the shared ones as
 * numbers (an explicit option wins over the size's default), the benchmark's in `args`.
 */
export function benchOptions<Own extends ParseArgsOptionsConfig = Record<never, never>>(
  sizes: SizedBenchDefaults,
  own?: Own,
) {
  const { values: args } = parseArgs({ options: { ...BENCH_OPTIONS, ...own } as typeof BENCH_OPTIONS & Own });
  const shared = args as { [K in keyof typeof BENCH_OPTIONS]?: string };
  const option = sized(benchSize(shared.size), sizes);
  const numbers = (name: 'days' | 'queues'): number => {
    const value = Number(shared[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number from 1`);
    return value;
  };
  return {
    args,
    contacts: option(shared.contacts, 'contacts'),
    runs: option(shared.runs, 'runs'),
    warmup: option(shared.warmup, 'warmup'),
    days: numbers('days'),
    queues: numbers('queues'),
    timeZone: shared['time-zone'] as string,
  };
}
