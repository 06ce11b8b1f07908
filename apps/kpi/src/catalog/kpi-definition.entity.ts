import { Check, Entity, Enum, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { KPI_DIRECTIONS, KPI_UNITS, type KpiDirection, type KpiUnit } from '../model/enums';

/** A KPI of the catalog: what it measures and which subgraph's field supplies its value. */
@Entity({ tableName: 'kpi_definition' })
@Check({ name: 'kpi_definition_weight_range', expression: 'default_weight >= 0' })
export class KpiDefinition {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** The name in Chinese; null for a KPI added without one. */
  @Property({ type: 'text', nullable: true })
  nameZh?: string | null;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => [...KPI_UNITS], nativeEnumName: 'kpi_unit' })
  unit!: KpiUnit;

  @Enum({ items: () => [...KPI_DIRECTIONS], nativeEnumName: 'kpi_direction' })
  direction!: KpiDirection;

  /** The Performance field holding the value: `<sourceSubgraph>.<sourceField>`, e.g. traffic.serviceLevel. */
  @Property({ type: 'text' })
  sourceSubgraph!: string;

  @Property({ type: 'text' })
  sourceField!: string;

  /** How dashboards show it, e.g. `0.0%` or `0 s`. */
  @Property({ type: 'text' })
  displayFormat!: string;

  /** Weight in the composite score when a ranking names no weights. */
  @Property({ type: 'double' })
  defaultWeight!: number;

  @Property({ type: 'integer' })
  sortOrder!: number;
}
