import { addDays, localDay, localMidnight } from '@switchboard/metrics';

/** A period of whole days in a center's time zone: `fromDay` inclusive, `toDay` exclusive. */
export interface Period {
  fromDay: string;
  toDay: string;
}

/** The instants the API takes for a period of days in a time zone. */
export function periodInstants(period: Period, timeZone: string): { from: string; to: string } {
  return {
    from: localMidnight(period.fromDay, timeZone).toISOString(),
    to: localMidnight(period.toDay, timeZone).toISOString(),
  };
}

/** The last `days` whole days before today in `timeZone` (today is still running). */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): Period {
  const today = localDay(now, timeZone);
  return { fromDay: addDays(today, -days), toDay: today };
}

/** The day `days` after (or before) `day`. */
export function shiftDay(day: string, days: number): string {
  return addDays(day, days);
}

/** Whether a string is a calendar day (YYYY-MM-DD) that exists. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
