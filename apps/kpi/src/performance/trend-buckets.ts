import { badUserInput } from '@switchboard/server';
import { isCalendarDate } from '@switchboard/subgraph-kit';
import { addDays, isoWeekday, isTimeZone, localMidnight } from '../common/periods';
import { TrendGranularity } from './performance.input';

export const MAX_TREND_BUCKETS = 400;

export interface TrendBucket {
  from: Date;
  to: Date;
}

function nextStart(day: string, granularity: TrendGranularity): string {
  switch (granularity) {
    case TrendGranularity.DAY:
      return addDays(day, 1);
    case TrendGranularity.WEEK:
      return addDays(day, 8 - isoWeekday(day));
    case TrendGranularity.MONTH: {
      const [year, month] = day.split('-').map(Number);
      return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    }
  }
}

/**
 * The buckets of a trend: local days, ISO weeks or calendar months of `timeZone` between fromDay
 * (inclusive) and toDay (exclusive); the first and last are clipped to the range.
 */
export function trendBuckets(
  fromDay: string,
  toDay: string,
  granularity: TrendGranularity,
  timeZone: string,
): TrendBucket[] {
  if (!isCalendarDate(fromDay))
    throw badUserInput({ field: 'input.fromDay', message: 'must be a day YYYY-MM-DD' });
  if (!isCalendarDate(toDay))
    throw badUserInput({ field: 'input.toDay', message: 'must be a day YYYY-MM-DD' });
  if (toDay <= fromDay) throw badUserInput({ field: 'input.toDay', message: 'must be after input.fromDay' });
  if (!isTimeZone(timeZone))
    throw badUserInput({ field: 'input.timeZone', message: `"${timeZone}" is not an IANA time zone` });
  const buckets: TrendBucket[] = [];
  for (let day = fromDay; day < toDay; ) {
    const next = nextStart(day, granularity);
    const end = next < toDay ? next : toDay;
    buckets.push({ from: localMidnight(day, timeZone), to: localMidnight(end, timeZone) });
    if (buckets.length > MAX_TREND_BUCKETS)
      throw badUserInput({
        field: 'input.toDay',
        message: `the trend would exceed ${MAX_TREND_BUCKETS} buckets`,
      });
    day = end;
  }
  return buckets;
}
