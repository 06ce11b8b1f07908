import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { KpiDefinition } from '../catalog/kpi-definition.entity';
import { TARGET_SCOPE_TYPES, type CustomerSegment, type TargetScopeType } from '../model/enums';

/**
 * A KPI's target for a scope over [validFrom, validTo). The scope id names a staff Center or Team or
 * a traffic Queue (no cross-database foreign key); GLOBAL has none.
 */
@Entity({ tableName: 'kpi_target' })
@Check({ name: 'kpi_target_scope_id', expression: "(scope_type = 'GLOBAL') = (scope_id is null)" })
@Check({ name: 'kpi_target_amber_band', expression: 'amber_band >= 0' })
@Check({ name: 'kpi_target_valid_range', expression: 'valid_to is null or valid_to > valid_from' })
@Index({ name: 'kpi_target_scope_idx', properties: ['scopeType', 'scopeId', 'validFrom'] })
@Unique({
  name: 'kpi_target_one_per_start',
  expression:
    'create unique index "kpi_target_one_per_start" on "kpi_target" ("kpi_code", "scope_type", coalesce("scope_id", \'00000000-0000-0000-0000-000000000000\'), coalesce("segment", \'\'), "valid_from")',
})
export class KpiTarget {
  [OptionalProps]?: 'validTo' | 'scopeId' | 'createdAt' | 'segment';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => KpiDefinition, { fieldName: 'kpi_code', deleteRule: 'restrict' })
  kpi!: KpiDefinition;

  @Enum({ items: () => [...TARGET_SCOPE_TYPES], nativeEnumName: 'kpi_target_scope_type' })
  scopeType!: TargetScopeType;

  @Property({ type: 'uuid', nullable: true })
  scopeId: string | null = null;

  /** The customer segment the target is for (a segment's figures); null: every contact's. */
  @Property({ type: 'text', nullable: true })
  segment: CustomerSegment | null = null;

  @Property({ type: 'double' })
  target!: number;

  @Property({ type: 'double' })
  amberBand!: number;

  @Property({ type: 'date' })
  validFrom!: string;

  /** Exclusive; null while open-ended. */
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
