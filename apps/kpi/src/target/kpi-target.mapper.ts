import { toKpiDefinitionType } from '../catalog/kpi-definition.mapper';
import type { KpiTarget } from './kpi-target.entity';
import { KpiTargetType } from './kpi-target.type';

export function toKpiTargetType(target: KpiTarget): KpiTargetType {
  return Object.assign(new KpiTargetType(), {
    id: target.id,
    kpi: toKpiDefinitionType(target.kpi),
    scopeType: target.scopeType,
    scopeId: target.scopeId,
    segment: target.segment,
    target: target.target,
    amberBand: target.amberBand,
    validFrom: target.validFrom,
    validTo: target.validTo,
  });
}
