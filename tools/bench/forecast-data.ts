import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DayVolumes } from '@switchboard/metrics';

/**
 * The public bank call series (fpp3 `bank_calls`; Weinberg, Brown & Stroud 2007, JASA 102), kept
 * next to the repository in ../shared/data and never copied into it (see its README).
 */
export const BANK_CALLS_CSV = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'bank_calls_5min.csv');

/** The README's harness: 28 half-hours 07:00–21:00 per operating day (21:00–21:05 dropped). */
export const FIRST_MINUTE = 7 * 60;
export const INTERVAL_MINUTES = 30;
export const INTERVALS = 28;

/** `DateTime,Calls` 5-minute rows summed into half-hours, one entry per operating day (closed days absent). */
export function readBankCalls(path = BANK_CALLS_CSV): DayVolumes[] {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: the forecast benchmark reads the bank call series from ../shared/data ` +
        '(next to the repository, see its README); pass --data <csv> to read it from elsewhere',
    );
  }
  const byDate = new Map<string, number[]>();
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (lines[0]?.trim() !== 'DateTime,Calls') throw new Error(`${path}: expected the header DateTime,Calls`);
  for (const line of lines.slice(1)) {
    const [stamp, calls] = line.split(',');
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(stamp);
    const count = Number(calls);
    if (!match || !Number.isFinite(count) || count < 0) throw new Error(`${path}: bad row ${line}`);
    const minute = Number(match[2]) * 60 + Number(match[3]) - FIRST_MINUTE;
    const slot = Math.floor(minute / INTERVAL_MINUTES);
    if (minute < 0 || slot >= INTERVALS) continue;
    let day = byDate.get(match[1]);
    if (!day) byDate.set(match[1], (day = new Array<number>(INTERVALS).fill(0)));
    day[slot] += count;
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, values]) => ({ date, values }));
}
