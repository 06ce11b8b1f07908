import { readFileSync } from 'node:fs';

/** Resident memory of a process from /proc/<pid>/status, in MiB: now (VmRSS) and its peak (VmHWM). */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples VmRSS of some processes every `everyMs` while work runs; the largest seen per name. */
export async function sampleRss<T>(
  pids: Record<string, number>,
  work: () => Promise<T>,
  everyMs = 250,
): Promise<{ result: T; maxRssMiB: Record<string, number> }> {
  const maxRssMiB: Record<string, number> = Object.fromEntries(Object.keys(pids).map((n) => [n, 0]));
  const sample = (): void => {
    for (const [name, pid] of Object.entries(pids)) {
      const memory = processMemory(pid);
      if (memory) maxRssMiB[name] = Math.max(maxRssMiB[name], memory.rssMiB);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    return { result, maxRssMiB };
  } finally {
    clearInterval(timer);
  }
}
