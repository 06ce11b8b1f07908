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

/** The period presets people think in, read in the center's time zone (today is still running). */
export const PERIOD_PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'last7Days',
  'thisMonth',
  'lastMonth',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The days of a preset on `now` in `timeZone`; weeks start on Monday (ISO 8601, as in China). */
export function presetPeriod(preset: PeriodPreset, timeZone: string, now: Date = new Date()): Period {
  const today = localDay(now, timeZone);
  const tomorrow = addDays(today, 1);
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'today':
      return { fromDay: today, toDay: tomorrow };
    case 'yesterday':
      return { fromDay: addDays(today, -1), toDay: today };
    case 'thisWeek': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 is Sunday
      return { fromDay: addDays(today, -((weekday + 6) % 7)), toDay: tomorrow };
    }
    case 'last7Days':
      return lastDays(7, timeZone, now);
    case 'thisMonth':
      return { fromDay: monthStart, toDay: tomorrow };
    case 'lastMonth': {
      const previous = addDays(monthStart, -1);
      return { fromDay: `${previous.slice(0, 8)}01`, toDay: monthStart };
    }
  }
}

/** Whether a period is whole days, from before to. */
export function isPeriod(period: Period): boolean {
  return isDay(period.fromDay) && isDay(period.toDay) && period.fromDay < period.toDay;
}

/** The period a URL's `from` and `to` name (days; `to` exclusive), else the fallback. */
export function periodFromParams(params: URLSearchParams, fallback: Period): Period {
  const period = { fromDay: params.get('from') ?? '', toDay: params.get('to') ?? '' };
  return isPeriod(period) ? period : fallback;
}
