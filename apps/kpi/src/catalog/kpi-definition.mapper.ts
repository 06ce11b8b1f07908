import type { KpiDefinition } from './kpi-definition.entity';
import { KpiDefinitionType } from './kpi-definition.type';

export function toKpiDefinitionType(definition: KpiDefinition): KpiDefinitionType {
  return Object.assign(new KpiDefinitionType(), {
    code: definition.code,
    name: definition.name,
    nameZh: definition.nameZh ?? null,
    description: definition.description,
    unit: definition.unit,
    direction: definition.direction,
    sourceSubgraph: definition.sourceSubgraph,
    sourceField: definition.sourceField,
    displayFormat: definition.displayFormat,
    defaultWeight: definition.defaultWeight,
  });
}
