import { type DayVolumes, dayTotal, daysBetween, intervalsPerDay, weekday } from './history';

export interface TopDownOptions {
  /** Weeks of history for the weekday index and the intraday profile. */
  weeks: number;
  /** Smoothing constant of the exponentially smoothed, weekday-adjusted daily total (0 < α ≤ 1). */
  alpha: number;
}

export const DEFAULT_TOP_DOWN: TopDownOptions = { weeks: 8, alpha: 0.5 };

/**
 * Top-down: the daily total is forecast as an exponentially smoothed level of weekday-adjusted
 * totals times the target weekday's index, then spread over the day by that weekday's intraday
 * profile (its share of each interval over the last weeks). Days are picked by date.
 */
export function topDownForecast(
  days: readonly DayVolumes[],
  date: string,
  options: TopDownOptions = DEFAULT_TOP_DOWN,
): number[] {
  const width = intervalsPerDay(days);
  if (!width) throw new RangeError('no history to forecast from');
  const recent = days.filter(
    (d) => daysBetween(d.date, date) > 0 && daysBetween(d.date, date) <= options.weeks * 7,
  );
  const window = recent.length ? recent : days.slice(-1);
  const totals = window.map(dayTotal);
  const overall = totals.reduce((a, b) => a + b, 0) / totals.length;

  // weekday index: mean total of the weekday / mean total of all days in the window
  const sumByWd = new Array<number>(7).fill(0);
  const countByWd = new Array<number>(7).fill(0);
  window.forEach((d, i) => {
    sumByWd[weekday(d.date)] += totals[i];
    countByWd[weekday(d.date)] += 1;
  });
  const index = (wd: number): number =>
    countByWd[wd] && overall > 0 ? sumByWd[wd] / countByWd[wd] / overall : 1;

  // exponentially smoothed level of the weekday-adjusted totals, oldest first
  let level = totals[0] / index(weekday(window[0].date));
  for (let i = 1; i < window.length; i += 1) {
    level += options.alpha * (totals[i] / index(weekday(window[i].date)) - level);
  }
  const total = level * index(weekday(date));

  // intraday profile of the target weekday (all days of the window when that weekday is missing)
  const wd = weekday(date);
  const sameDay = window.filter((d) => weekday(d.date) === wd);
  const profileDays = sameDay.length ? sameDay : window;
  const shares = new Array<number>(width).fill(0);
  let grand = 0;
  for (const d of profileDays) {
    for (let i = 0; i < width; i += 1) shares[i] += d.values[i];
    grand += dayTotal(d);
  }
  return shares.map((s) => (grand > 0 ? (total * s) / grand : total / width));
}
