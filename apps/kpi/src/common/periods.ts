import { checkPeriod as checkKitPeriod } from '@switchboard/subgraph-kit';

export { isUuid } from '@switchboard/subgraph-kit';

export { MAX_PERIOD_DAYS } from '@switchboard/subgraph-kit';

/** Traffic keeps 15-minute rollups: periods are whole intervals, from inclusive, to exclusive. */
export function checkPeriod(from: Date, to: Date, fields = { from: 'from', to: 'to' }): void {
  checkKitPeriod(from, to, { fields, alignMinutes: 15 });
}

/** The day (YYYY-MM-DD, UTC) a period is judged on: its last day, so a target set for the month applies. */
export function periodDay(to: Date): string {
  return new Date(to.getTime() - 1).toISOString().slice(0, 10);
}

export { isTimeZone } from '@switchboard/subgraph-kit';

export { addDays, isoWeekday, localDay, localMidnight } from '@switchboard/metrics';
