import { zoneOffsetMinutes } from '@switchboard/metrics';
import { checkPeriod, MAX_PERIOD_DAYS } from '@switchboard/subgraph-kit';

/** Statistics are kept per 15-minute interval, so periods start and end on its boundaries. */
export const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** SQL: the start of the 15-minute interval holding timestamp `column` (rollups and contacts alike). */
export const intervalStartSql = (column: string): string =>
  `date_bin('15 minutes', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

export { isUuid } from '@switchboard/subgraph-kit';

const DAY_MS = 86_400_000;

/**
 * An instant on which buckets of `minutes` (30 or 60) start in `zone` throughout [from, to), or null
 * when the zone's offset modulo `minutes` changes in the period (Lord Howe's half-hour DST for
 * hours) or is not whole minutes. Buckets then start every `minutes` from it in absolute time
 * (`date_bin`), which is cheaper per row than reading the local clock. Offsets change at most a few
 * times a year, so one look a day (and at both ends) sees every offset of the period.
 */
export function alignedBucketOrigin(from: Date, to: Date, zone: string, minutes: number): Date | null {
  const remainder = (at: number): number => {
    const offset = zoneOffsetMinutes(new Date(at), zone);
    return ((offset % minutes) + minutes) % minutes;
  };
  const first = remainder(from.getTime());
  for (let at = from.getTime() + DAY_MS; at < to.getTime(); at += DAY_MS) {
    if (remainder(at) !== first) return null;
  }
  if (remainder(to.getTime() - 1) !== first) return null;
  // Local bucket starts are the instants whose UTC minute is -offset modulo `minutes`.
  return new Date(Date.UTC(2000, 0, 1) - first * 60_000);
}

/** A period of whole 15-minute intervals, from inclusive, to exclusive. */
export function checkIntervalPeriod(
  from: Date,
  to: Date,
  fields = { from: 'from', to: 'to' },
  maxDays = MAX_PERIOD_DAYS,
): void {
  checkPeriod(from, to, { fields, maxDays, alignMinutes: 15 });
}
