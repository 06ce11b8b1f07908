import type { AlertComparator } from '@switchboard/metrics';

/** What an alert rule watches (PRODUCT-RESEARCH E2), with the unit its threshold is in. */
export const ALERT_METRICS = {
  WAITING: { unit: 'contacts', min: 0, max: 100_000 },
  OLDEST_WAIT_SECONDS: { unit: 'seconds', min: 0, max: 86_400 },
  /** Service level today so far, as a fraction (0.8, not 80): "under target − 5 points" is LT 0.75. */
  SERVICE_LEVEL_TODAY: { unit: 'fraction 0–1', min: 0, max: 1 },
  ABANDON_RATE_TODAY: { unit: 'fraction 0–1', min: 0, max: 1 },
  /** Data stale: minutes since the latest ACD contact event loaded for the center. */
  DATA_LAG_MINUTES: { unit: 'minutes', min: 0, max: 100_000 },
  /** Care's commitments of the center past due and not kept (through the gateway). */
  OVERDUE_COMMITMENTS: { unit: 'commitments', min: 0, max: 1_000_000 },
} as const;
export type AlertMetric = keyof typeof ALERT_METRICS;
export const ALERT_METRIC_NAMES = Object.keys(ALERT_METRICS) as AlertMetric[];
export const ALERT_COMPARATORS: readonly AlertComparator[] = ['GT', 'GTE', 'LT', 'LTE'];

/** The shortest duration a rule may ask for: evaluations run every few seconds. */
export const MIN_FOR_SECONDS = 5;

export interface AlertRule {
  id: string;
  name: string;
  metric: AlertMetric;
  centerId: string;
  queueIds: string[];
  comparator: AlertComparator;
  threshold: number;
  forSeconds: number;
  timeZone: string;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
}
