import { addDays, todayUtc } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';

export { addDays, todayUtc };

/** A period of days, `from` inclusive, `to` exclusive. */
export interface DayPeriod {
  from: string;
  to: string;
}

export function checkDayPeriod(period: DayPeriod): void {
  if (period.to <= period.from)
    throw badUserInput({ field: 'to', message: `must be after from (${period.from})` });
}

/** `YYYY-MM-DD` for the start of a timestamp's UTC day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The days of a period of instants: each end rounded to the nearest midnight UTC, which is the local
 * midnight of any time zone within ±12 h (a month in Asia/Shanghai, 16:00Z to 16:00Z, is its local
 * days); at least one day.
 */
export function dayPeriodOf(from: Date, to: Date): DayPeriod {
  const nearest = (instant: Date) => dayOf(new Date(instant.getTime() + 43_200_000));
  const first = nearest(from);
  const end = nearest(to);
  return { from: first, to: end > first ? end : addDays(first, 1) };
}
