import type { TrendGranularity } from '../api/generated';
import { shiftDay } from '../period';

/** How many days a trend of each granularity looks back (4 weeks of days, 8 weeks, 3 months). */
const TREND_DAYS: Record<TrendGranularity, number> = { DAY: 28, WEEK: 56, MONTH: 92 };

export const TREND_GRANULARITIES: readonly TrendGranularity[] = ['DAY', 'WEEK', 'MONTH'];

/** The days a trend covers, ending (exclusive) where the chosen period ends. */
export function trendRange(toDay: string, granularity: TrendGranularity): { fromDay: string; toDay: string } {
  return { fromDay: shiftDay(toDay, -TREND_DAYS[granularity]), toDay };
}

type KpiPoint = { code: string; value?: number | null };

/**
 * A trend's bucket: its KPIs under `kpis` or under one source's field (`trafficKpis`, `qaKpis`, …),
 * which a page asks instead so that the gateway fetches only the sources its lines need.
 */
export interface TrendPoint {
  from: string;
  kpis?: readonly KpiPoint[];
  [sourceKpis: `${string}Kpis`]: readonly KpiPoint[] | undefined;
}

/** Every KPI of a bucket, whichever field brought it. */
function kpisOf(point: TrendPoint): KpiPoint[] {
  return Object.entries(point).flatMap(([field, value]) =>
    (field === 'kpis' || field.endsWith('Kpis')) && Array.isArray(value) ? (value as KpiPoint[]) : [],
  );
}

/** One KPI's values over a trend's buckets (null where the bucket has no value), times `scale`. */
export function trendSeries(trend: readonly TrendPoint[], code: string, scale = 1): (number | null)[] {
  return trend.map((point) => {
    const value = kpisOf(point).find((k) => k.code === code)?.value;
    return value === null || value === undefined ? null : value * scale;
  });
}
