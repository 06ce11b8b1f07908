import type { TrendGranularity } from '../api/generated';
import { shiftDay } from '../period';

/** How many days a trend of each granularity looks back (4 weeks of days, 8 weeks, 3 months). */
const TREND_DAYS: Record<TrendGranularity, number> = { DAY: 28, WEEK: 56, MONTH: 92 };

export const TREND_GRANULARITIES: readonly TrendGranularity[] = ['DAY', 'WEEK', 'MONTH'];

/** The days a trend covers, ending (exclusive) where the chosen period ends. */
export function trendRange(toDay: string, granularity: TrendGranularity): { fromDay: string; toDay: string } {
  return { fromDay: shiftDay(toDay, -TREND_DAYS[granularity]), toDay };
}

export interface TrendPoint {
  from: string;
  kpis: readonly { code: string; value?: number | null }[];
}

/** One KPI's values over a trend's buckets (null where the bucket has no value), times `scale`. */
export function trendSeries(trend: readonly TrendPoint[], code: string, scale = 1): (number | null)[] {
  return trend.map((point) => {
    const value = point.kpis.find((k) => k.code === code)?.value;
    return value === null || value === undefined ? null : value * scale;
  });
}
