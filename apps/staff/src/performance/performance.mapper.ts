import { StaffPerformanceType, type PerformanceScopeType } from './performance.type';

export function toStaffPerformance(
  scopeType: PerformanceScopeType,
  scopeId: string,
  from: Date,
  to: Date,
): StaffPerformanceType {
  return Object.assign(new StaffPerformanceType(), { scopeType, scopeId, from, to });
}

/** A Performance representation from the gateway (dates as ISO strings). */
export function staffPerformanceFromReference(reference: {
  scopeType: PerformanceScopeType;
  scopeId: string;
  from: string;
  to: string;
}): StaffPerformanceType {
  return toStaffPerformance(
    reference.scopeType,
    reference.scopeId,
    new Date(reference.from),
    new Date(reference.to),
  );
}

/** The day (YYYY-MM-DD, UTC) membership is read on: the period's last day. */
export function periodDay(performance: StaffPerformanceType): string {
  return new Date(performance.to.getTime() - 1).toISOString().slice(0, 10);
}
