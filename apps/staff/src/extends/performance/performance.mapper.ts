import { performanceFromReference, type PerformanceScopeType } from '@switchboard/subgraph-kit';
import { StaffPerformanceType } from './performance.type';

export function toStaffPerformance(
  scopeType: PerformanceScopeType,
  scopeId: string,
  from: Date,
  to: Date,
): StaffPerformanceType {
  return Object.assign(new StaffPerformanceType(), { scopeType, scopeId, from, to });
}

/** A Performance representation from the gateway (dates as ISO strings; the kit's protocol). */
export function staffPerformanceFromReference(reference: Record<string, unknown>): StaffPerformanceType {
  return performanceFromReference(StaffPerformanceType, reference);
}

/** The day (YYYY-MM-DD, UTC) membership is read on: the period's last day. */
export function periodDay(performance: StaffPerformanceType): string {
  return new Date(performance.to.getTime() - 1).toISOString().slice(0, 10);
}
