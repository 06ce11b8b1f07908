import { badUserInput } from '@switchboard/server';

/** The longest period any read accepts (a year and a month of slack). */
export const MAX_PERIOD_DAYS = 400;

const DAY_MS = 86_400_000;

export interface PeriodRules {
  /** The argument names the errors name (`from`/`to`, or `input.from`, ...). */
  fields?: { from: string; to: string };
  maxDays?: number;
  /** Both ends must fall on a boundary of this many minutes (traffic's 15-minute rollups). */
  alignMinutes?: number;
}

/**
 * The one check of a period, `from` inclusive and `to` exclusive, for every subgraph: both real
 * date-times, `to` after `from`, at most `maxDays` long, and on the rollup boundary where asked.
 */
export function checkPeriod(from: Date, to: Date, rules: PeriodRules = {}): void {
  const fields = rules.fields ?? { from: 'from', to: 'to' };
  const maxDays = rules.maxDays ?? MAX_PERIOD_DAYS;
  for (const [field, value] of [
    [fields.from, from],
    [fields.to, to],
  ] as const) {
    if (Number.isNaN(value.getTime())) throw badUserInput({ field, message: 'is not a date-time' });
    if (rules.alignMinutes && value.getTime() % (rules.alignMinutes * 60_000) !== 0) {
      throw badUserInput({ field, message: `must be on a ${rules.alignMinutes}-minute boundary` });
    }
  }
  if (to.getTime() <= from.getTime())
    throw badUserInput({ field: fields.to, message: `must be after ${fields.from}` });
  if (to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw badUserInput({ field: fields.to, message: `must be at most ${maxDays} days after ${fields.from}` });
  }
}
