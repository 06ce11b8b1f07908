import { badUserInput } from '@switchboard/server';

/** Statistics are kept per 15-minute interval, so periods start and end on its boundaries. */
export const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** SQL: the start of the 15-minute interval holding timestamp `column` (rollups and contacts alike). */
export const intervalStartSql = (column: string): string =>
  `date_bin('15 minutes', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

export { isUuid } from '@switchboard/subgraph-kit';

/** A period of whole 15-minute intervals, from inclusive, to exclusive. */
export function checkIntervalPeriod(
  from: Date,
  to: Date,
  fields = { from: 'from', to: 'to' },
  maxDays = 400,
): void {
  if (from.getTime() % FIFTEEN_MINUTES !== 0)
    throw badUserInput({ field: fields.from, message: 'must be on a 15-minute boundary' });
  if (to.getTime() % FIFTEEN_MINUTES !== 0)
    throw badUserInput({ field: fields.to, message: 'must be on a 15-minute boundary' });
  if (to.getTime() <= from.getTime())
    throw badUserInput({ field: fields.to, message: `must be after ${fields.from}` });
  if (to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw badUserInput({ field: fields.to, message: `must be at most ${maxDays} days after ${fields.from}` });
  }
}
