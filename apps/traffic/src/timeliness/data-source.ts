import type { FreshnessRule } from '@switchboard/metrics';

/** The sources whose timeliness Switchboard reports (PRODUCT-RESEARCH E1). */
export const DATA_SOURCE_KINDS = [
  'ACD_CONTACTS',
  'AGENT_STATES',
  'ROSTER',
  'LMS',
  'QA',
  'SURVEYS',
  'CRM_OUTCOMES',
  'CASES',
  'SCHEDULES',
  'FORECASTS',
] as const;
export type DataSourceKind = (typeof DATA_SOURCE_KINDS)[number];

const DAILY: FreshnessRule = { cadenceMinutes: 1440, warnAfterMinutes: 1560, errorAfterMinutes: 2880 };

/** Until a source is configured (configureDataSource), its rule is this. */
export const DEFAULT_RULES: Record<DataSourceKind, FreshnessRule> = {
  ACD_CONTACTS: { cadenceMinutes: 15, warnAfterMinutes: 30, errorAfterMinutes: 60 },
  AGENT_STATES: { cadenceMinutes: 15, warnAfterMinutes: 30, errorAfterMinutes: 60 },
  ROSTER: DAILY,
  LMS: DAILY,
  QA: DAILY,
  SURVEYS: DAILY,
  CRM_OUTCOMES: DAILY,
  CASES: { cadenceMinutes: 60, warnAfterMinutes: 120, errorAfterMinutes: 240 },
  SCHEDULES: DAILY,
  // an outside forecast is loaded once a week
  FORECASTS: { cadenceMinutes: 7 * 1440, warnAfterMinutes: 8 * 1440, errorAfterMinutes: 10 * 1440 },
};

/** What the traffic KPIs of `performance` are computed from: stale when any of them is. */
export const TRAFFIC_KPI_SOURCES: readonly DataSourceKind[] = ['ACD_CONTACTS', 'AGENT_STATES'];

/** The timeliness clock (injectable in tests, as liveClock is). */
export const timelinessClock = { now: (): Date => new Date() };
