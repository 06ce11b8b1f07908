import { badUserInput } from '@switchboard/server';

export { isUuid } from '@switchboard/subgraph-kit';

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

export { isTimeZone } from '@switchboard/subgraph-kit';

export { addDays, isoWeekday, localDay, localMidnight } from '@switchboard/metrics';
