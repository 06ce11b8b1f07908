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

/** A source's part of a bucket (`traffic`, `qa`, …): its figures by field. */
type PartValues = { readonly [field: string]: unknown } | null | undefined;

/**
 * A trend's bucket: its KPIs under `kpis` or under one source's field (`trafficKpis`, `qaKpis`, …),
 * which a page asks instead so that the gateway fetches only the sources its lines need; or the
 * sources' parts themselves (`traffic`, `qa`), where a line names its KPI's source field.
 */
export interface TrendPoint {
  from: string;
  kpis?: readonly KpiPoint[];
  traffic?: PartValues;
  qa?: PartValues;
  [sourceKpis: `${string}Kpis`]: readonly KpiPoint[] | undefined;
}

/** Where a KPI's value sits in a bucket's source part: its catalog's source subgraph and field. */
export interface KpiSource {
  part: 'traffic' | 'qa';
  field: string;
}

/** Every KPI of a bucket, whichever field brought it. */
function kpisOf(point: TrendPoint): KpiPoint[] {
  return Object.entries(point).flatMap(([field, value]) =>
    (field === 'kpis' || field.endsWith('Kpis')) && Array.isArray(value) ? (value as KpiPoint[]) : [],
  );
}

function valueOf(point: TrendPoint, code: string, source?: KpiSource): number | null | undefined {
  if (source) {
    const value = point[source.part]?.[source.field];
    if (value !== undefined) return typeof value === 'number' ? value : null;
  }
  return kpisOf(point).find((k) => k.code === code)?.value;
}

/**
 * One KPI's values over a trend's buckets (null where the bucket has no value), times `scale`: from
 * its KPI entry by code, or from its source's part when the bucket carries that field.
 */
export function trendSeries(
  trend: readonly TrendPoint[],
  code: string,
  scale = 1,
  source?: KpiSource,
): (number | null)[] {
  return trend.map((point) => {
    const value = valueOf(point, code, source);
    return value === null || value === undefined ? null : value * scale;
  });
}
