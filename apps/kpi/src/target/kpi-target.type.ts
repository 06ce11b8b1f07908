import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { KpiDefinitionType } from '../catalog/kpi-definition.type';
import {
  CustomerSegmentEnum,
  TargetScopeTypeEnum,
  type CustomerSegment,
  type TargetScopeType,
} from '../model/enums';

@ObjectType('KpiTarget', { description: "A KPI's target for a scope, effective-dated" })
@Directive('@key(fields: "id")')
export class KpiTargetType {
  @Field(() => ID) id!: string;
  @Field(() => KpiDefinitionType) kpi!: KpiDefinitionType;
  @Field(() => TargetScopeTypeEnum) scopeType!: TargetScopeType;
  @Field(() => ID, { nullable: true, description: 'Center, team or queue id; null for GLOBAL' })
  scopeId!: string | null;
  @Field(() => CustomerSegmentEnum, {
    nullable: true,
    description: "The customer segment whose contacts it is for; null: every contact's",
  })
  segment!: CustomerSegment | null;
  @Field(() => Float) target!: number;
  @Field(() => Float, { description: 'How far short of the target still counts as AMBER (same unit)' })
  amberBand!: number;
  @Field(() => GraphQLLocalDate) validFrom!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Exclusive; null while open-ended' })
  validTo!: string | null;
}
