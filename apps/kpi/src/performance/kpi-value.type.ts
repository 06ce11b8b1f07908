import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { KpiDefinitionType } from '../catalog/kpi-definition.type';
import { KpiStatusEnum, TargetScopeTypeEnum, type KpiStatus, type TargetScopeType } from '../model/enums';

@ObjectType('KpiValue', { description: 'One KPI of a performance record, against the target in force' })
export class KpiValueType {
  @Field(() => String) code!: string;
  @Field(() => KpiDefinitionType) kpi!: KpiDefinitionType;
  @Field(() => Float, {
    nullable: true,
    description: 'Null when there is nothing to measure (or no source yet)',
  })
  value!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The most specific target in force; null when none is set',
  })
  target!: number | null;
  @Field(() => Float, { nullable: true }) amberBand!: number | null;
  @Field(() => TargetScopeTypeEnum, { nullable: true, description: 'Where the target applied comes from' })
  targetScopeType!: TargetScopeType | null;
  @Field(() => ID, { nullable: true }) targetScopeId!: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'value / target, or target / value when lower is better',
  })
  attainment!: number | null;
  @Field(() => KpiStatusEnum, { nullable: true }) status!: KpiStatus | null;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "The time the value's data is as of (its source's latest event loaded, at most the period's end); null when the source does not report it",
  })
  asOf!: Date | null;
  @Field(() => Boolean, {
    description:
      "True when the value's source is past its warn age (METRICS.md, data timeliness): do not trust a green",
  })
  stale!: boolean;
}
