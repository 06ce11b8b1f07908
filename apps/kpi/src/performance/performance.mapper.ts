import { performanceFromReference as performanceOfReference } from '@switchboard/subgraph-kit';
import { toKpiDefinitionType } from '../catalog/kpi-definition.mapper';
import type { PerformanceScopeType } from '../model/enums';
import { KpiValueType } from './kpi-value.type';
import type { KpiValue } from './performance.service';
import { PerformanceType } from './performance.type';

export function toKpiValueType(value: KpiValue): KpiValueType {
  return Object.assign(new KpiValueType(), {
    code: value.code,
    kpi: toKpiDefinitionType(value.definition),
    value: value.value,
    target: value.target,
    amberBand: value.amberBand,
    targetScopeType: value.targetScopeType,
    targetScopeId: value.targetScopeId,
    attainment: value.attainment,
    status: value.status,
    asOf: value.asOf,
    stale: value.stale,
  });
}

export function toPerformanceType(
  scopeType: PerformanceScopeType,
  scopeId: string,
  from: Date,
  to: Date,
): PerformanceType {
  return Object.assign(new PerformanceType(), { scopeType, scopeId: scopeId.toLowerCase(), from, to });
}

/**
 * A Performance representation from the gateway: the key (dates as ISO strings) plus the fields kpi
 * @requires (the sources' parts and the ancestors), kept as they come (the kit's protocol).
 */
export function performanceFromReference(reference: Record<string, unknown>): PerformanceType {
  return performanceOfReference(PerformanceType, reference);
}
