import type { PerformanceScopeType } from '../model/enums';
import type { TrendPeriodInput } from './performance.input';
import { toPerformanceType } from './performance.mapper';
import type { PerformanceType } from './performance.type';
import { trendBuckets } from './trend-buckets';

/**
 * A scope's performance record per bucket of a trend (`performanceTrend` and `Agent.performanceTrend`,
 * after the same access check). No SQL: each record is its key; the other subgraphs and `kpis`
 * resolve the rest.
 */
export function trendRecords(
  scope: { type: PerformanceScopeType; id: string },
  period: TrendPeriodInput,
): PerformanceType[] {
  return trendBuckets(period.fromDay, period.toDay, period.granularity, period.timeZone ?? 'UTC').map(
    (bucket) => toPerformanceType(scope.type, scope.id, bucket.from, bucket.to),
  );
}
