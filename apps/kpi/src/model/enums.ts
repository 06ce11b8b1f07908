import { KPI_DIRECTIONS, KPI_STATUSES, type KpiDirection, type KpiStatus } from '@switchboard/metrics';
import {
  PERFORMANCE_SCOPE_TYPES,
  PerformanceScopeType as PerformanceScopeTypeEnum,
} from '@switchboard/subgraph-kit';
import { registerEnumType } from 'type-graphql';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/**
 * What a performance record is about (the Performance key's scopeType): the kit's protocol owns the
 * enum for every subgraph that resolves Performance; kpi reads its values as string literals.
 */
export { PERFORMANCE_SCOPE_TYPES, PerformanceScopeTypeEnum };
export type PerformanceScopeType = (typeof PERFORMANCE_SCOPE_TYPES)[number];

/** Where a KPI target applies; the most specific one in force wins (QUEUE/TEAM > CENTER > GLOBAL). */
export const TARGET_SCOPE_TYPES = ['GLOBAL', 'CENTER', 'QUEUE', 'TEAM'] as const;
export type TargetScopeType = (typeof TARGET_SCOPE_TYPES)[number];
export const TargetScopeTypeEnum = enumOf(TARGET_SCOPE_TYPES);
registerEnumType(TargetScopeTypeEnum, {
  name: 'KpiTargetScopeType',
  description: 'Where a KPI target applies',
});

/**
 * Care's customer segments (the same enum as care's and traffic's): a target may be for one of them
 * (PRODUCT-RESEARCH E6: VIP SL 90/10 against STANDARD 80/20).
 */
export const CUSTOMER_SEGMENTS = ['STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];
export const CustomerSegmentEnum = enumOf(CUSTOMER_SEGMENTS);
registerEnumType(CustomerSegmentEnum, { name: 'CustomerSegment' });

export const KPI_UNITS = ['RATIO', 'SECONDS', 'PERCENT_POINTS', 'COUNT', 'PER_HOUR', 'MONEY'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KpiUnitEnum = enumOf(KPI_UNITS);
registerEnumType(KpiUnitEnum, {
  name: 'KpiUnit',
  description:
    'RATIO: 0..1 (shown as a percentage); SECONDS; PERCENT_POINTS: 0..100 (QA scores); COUNT: a number of things (overdue commitments); PER_HOUR: per staffed hour (sales); MONEY: an amount in CNY (revenue, cost)',
});

export const KpiDirectionEnum = enumOf<KpiDirection>(KPI_DIRECTIONS);
registerEnumType(KpiDirectionEnum, { name: 'KpiDirection' });

export const KpiStatusEnum = enumOf<KpiStatus>(KPI_STATUSES);
registerEnumType(KpiStatusEnum, {
  name: 'KpiStatus',
  description: 'GREEN: target met; AMBER: short of it by at most the amber band; RED: further off',
});

export { KPI_DIRECTIONS, KPI_STATUSES };
export type { KpiDirection, KpiStatus };
