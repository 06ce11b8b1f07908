/**
 * The history every forecasting method reads: one row per operating day, each with the same number
 * of intervals. A closed day is absent (never a row of zeros), and "the same weekday" is found by the
 * date, never by counting rows back, so a closure does not shift the weeks after it.
 */
export interface DayVolumes {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** One value per interval of the day, in time order (offered contacts, handle seconds, ...). */
  values: readonly number[];
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parsed dates (every method looks dates up many times; a few thousand distinct ones at most). */
const DAY_NUMBERS = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  if (DAY_NUMBERS.size >= 100_000) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(date, ms / DAY_MS);
  return ms / DAY_MS;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week of a date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Checks and sorts a history: valid distinct dates, the same number of intervals every day, every
 * value finite and ≥ 0. Throws RangeError naming the first bad day.
 */
export function operatingDays(days: readonly DayVolumes[]): DayVolumes[] {
  const sorted = [...days].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const width = sorted[0]?.values.length ?? 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const day = sorted[i];
    if (i > 0 && sorted[i - 1].date === day.date) throw new RangeError(`${day.date} appears twice`);
    if (day.values.length !== width || width === 0) {
      throw new RangeError(
        `${day.date} has ${day.values.length} intervals, expected ${width || 'at least 1'}`,
      );
    }
    if (day.values.some((v) => !Number.isFinite(v) || v < 0)) {
      throw new RangeError(`${day.date} has a negative or non-finite value`);
    }
  }
  return sorted;
}

/** The days dated strictly before `date` (a history sorted by date). */
export function daysBefore(days: readonly DayVolumes[], date: string): DayVolumes[] {
  const limit = dayNumber(date);
  let end = days.length;
  while (end > 0 && dayNumber(days[end - 1].date) >= limit) end -= 1;
  return days.slice(0, end);
}

/**
 * The operating days of `date`'s weekday within the `weeks` calendar weeks before it, newest first.
 * A closed day in that window is simply missing (fewer days are averaged), never counted as zero.
 */
export function sameWeekdayDays(days: readonly DayVolumes[], date: string, weeks: number): DayVolumes[] {
  const target = dayNumber(date);
  const found: DayVolumes[] = [];
  for (let i = days.length - 1; i >= 0; i -= 1) {
    const back = target - dayNumber(days[i].date);
    if (back <= 0) continue;
    if (back > weeks * 7) break;
    if (back % 7 === 0) found.push(days[i]);
  }
  return found;
}

/** The number of intervals per day of a history (0 when empty). */
export function intervalsPerDay(days: readonly DayVolumes[]): number {
  return days[0]?.values.length ?? 0;
}

/** The sum of a day's values. */
export function dayTotal(day: DayVolumes): number {
  let total = 0;
  for (const v of day.values) total += v;
  return total;
}
