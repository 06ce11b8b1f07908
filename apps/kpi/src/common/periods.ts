import { badUserInput } from '@switchboard/server';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

const FIFTEEN_MINUTES = 15 * 60_000;
const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 400;

/** Traffic keeps 15-minute rollups: periods are whole intervals, from inclusive, to exclusive. */
export function checkPeriod(from: Date, to: Date, fields = { from: 'from', to: 'to' }): void {
  for (const [field, value] of [
    [fields.from, from],
    [fields.to, to],
  ] as const) {
    if (Number.isNaN(value.getTime())) throw badUserInput({ field, message: 'is not a date-time' });
    if (value.getTime() % FIFTEEN_MINUTES !== 0)
      throw badUserInput({ field, message: 'must be on a 15-minute boundary' });
  }
  if (to.getTime() <= from.getTime())
    throw badUserInput({ field: fields.to, message: `must be after ${fields.from}` });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw badUserInput({
      field: fields.to,
      message: `must be at most ${MAX_PERIOD_DAYS} days after ${fields.from}`,
    });
}

/** The day (YYYY-MM-DD, UTC) a period is judged on: its last day, so a target set for the month applies. */
export function periodDay(to: Date): string {
  return new Date(to.getTime() - 1).toISOString().slice(0, 10);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export { addDays, isoWeekday, localDay, localMidnight } from '@switchboard/metrics';
