import type { ContactMetrics } from '@switchboard/metrics';
import type { MeasureColumn } from '../model/measures';

export type { MeasureColumn } from '../model/measures';

const OFFERED: MeasureColumn[] = ['answered', 'abandoned'];

/**
 * The sums each metric of the formula library reads (metric-columns.spec.ts proves it against
 * `contactMetrics`: zeroing every other sum never changes the metric). A query asking for a few
 * metrics sums only their columns.
 */
export const METRIC_COLUMNS: Record<keyof ContactMetrics, readonly MeasureColumn[]> = {
  offered: OFFERED,
  answered: ['answered'],
  abandoned: ['abandoned'],
  shortAbandoned: ['short_abandoned'],
  answeredWithinThreshold: ['answered_within_threshold'],
  serviceLevel: [...OFFERED, 'short_abandoned', 'answered_within_threshold', 'abandoned_within_threshold'],
  asaSeconds: ['answered', 'wait_seconds_answered'],
  ahtSeconds: ['answered', 'handle_seconds'],
  avgTalkSeconds: ['answered', 'talk_seconds'],
  avgHoldSeconds: ['answered', 'hold_seconds'],
  avgAcwSeconds: ['answered', 'acw_seconds'],
  abandonRate: [...OFFERED, 'short_abandoned'],
  maxWaitSeconds: [...OFFERED, 'max_wait_seconds'],
  transferRate: ['answered', 'transferred'],
  ivrContainmentRate: ['ivr', 'voice_offered'],
};

/** The sums each outcome field of a stats row reads (outcome-metrics in the formula library). */
export const OUTCOME_METRIC_COLUMNS: Record<string, readonly MeasureColumn[]> = {
  eligible: ['eligible'],
  offers: ['offers'],
  sales: ['sales'],
  saves: ['saves'],
  lost: ['lost'],
  cancellations: ['cancellations'],
  salesAmount: ['sales_amount'],
  revenue: ['revenue'],
  offerRate: ['offers', 'eligible'],
  conversionRate: ['sales', 'offers'],
  retentionSaveRate: ['saves', 'lost', 'cancellations'],
  revenuePerContact: ['revenue', 'answered'],
  dispositionCompliance: ['coded', 'requiring_code'],
};

/** Whether any of `metrics` is an outcome field (every field when undefined). */
export function wantsOutcomes(metrics: Iterable<string> | undefined): boolean {
  if (metrics === undefined) return true;
  for (const metric of metrics) if (metric in OUTCOME_METRIC_COLUMNS) return true;
  return false;
}

/** The columns the given metrics need (every column when `metrics` is undefined). */
export function columnsFor(metrics: Iterable<string> | undefined): Set<MeasureColumn> | undefined {
  if (metrics === undefined) return undefined;
  const columns = new Set<MeasureColumn>();
  for (const metric of metrics) {
    for (const column of METRIC_COLUMNS[metric as keyof ContactMetrics] ?? []) columns.add(column);
    for (const column of OUTCOME_METRIC_COLUMNS[metric] ?? []) columns.add(column);
  }
  return columns;
}
