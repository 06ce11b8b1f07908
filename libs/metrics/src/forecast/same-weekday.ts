import { type DayVolumes, intervalsPerDay, weekday } from './history';

/** Interval-by-interval mean of some days. */
export function meanProfile(days: readonly DayVolumes[], width: number): number[] {
  const sum = new Array<number>(width).fill(0);
  for (const day of days) for (let i = 0; i < width; i += 1) sum[i] += day.values[i];
  return sum.map((s) => (days.length ? s / days.length : 0));
}

/** The operating days of `date`'s weekday, newest first, at most `count` of them (any age). */
export function lastSameWeekdayDays(days: readonly DayVolumes[], date: string, count: number): DayVolumes[] {
  const wd = weekday(date);
  const found: DayVolumes[] = [];
  for (let i = days.length - 1; i >= 0 && found.length < count; i -= 1) {
    if (days[i].date < date && weekday(days[i].date) === wd) found.push(days[i]);
  }
  return found;
}

function requireHistory(days: readonly DayVolumes[]): number {
  const width = intervalsPerDay(days);
  if (!width) throw new RangeError('no history to forecast from');
  return width;
}

/**
 * Today's method and the baseline: per interval, the mean of the last `weeks` operating days of the
 * same weekday as `date`, found by date (a closed day is absent, so the one before it is taken; it
 * is never averaged in as zero). With no day of that weekday, the mean of the last `weeks` days.
 */
export function sameWeekdayAverage(days: readonly DayVolumes[], date: string, weeks = 4): number[] {
  const width = requireHistory(days);
  const chosen = lastSameWeekdayDays(days, date, weeks);
  return meanProfile(chosen.length ? chosen : days.filter((d) => d.date < date).slice(-weeks), width);
}

/** Seasonal naive: the most recent operating day of the same weekday (falls back to the last day). */
export function seasonalNaive(days: readonly DayVolumes[], date: string): number[] {
  const width = requireHistory(days);
  const [last] = lastSameWeekdayDays(days, date, 1);
  return meanProfile([last ?? days[days.length - 1]], width);
}
