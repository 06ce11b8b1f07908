import { badUserInput } from '@switchboard/server';

/** Today's date (YYYY-MM-DD) in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export { addDays } from '@switchboard/metrics';

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
