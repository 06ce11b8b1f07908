import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { KpiDirectionEnum, KpiUnitEnum, type KpiDirection, type KpiUnit } from '../model/enums';

@ObjectType('KpiDefinition', { description: 'A KPI of the catalog' })
@Directive('@key(fields: "code")')
export class KpiDefinitionType {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'The name in English' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The name in Chinese (简体中文); null for a KPI added without one (show the English name)',
  })
  nameZh!: string | null;
  @Field(() => String) description!: string;
  @Field(() => KpiUnitEnum) unit!: KpiUnit;
  @Field(() => KpiDirectionEnum) direction!: KpiDirection;
  @Field(() => String, { description: 'The subgraph that supplies the value (traffic, qa, training)' })
  sourceSubgraph!: string;
  @Field(() => String, { description: "The field of that subgraph's part of Performance" })
  sourceField!: string;
  @Field(() => String, { description: 'How to show a value, e.g. 0.0% or 0 s' })
  displayFormat!: string;
  @Field(() => Float, { description: 'Weight in the composite score when none is given' })
  defaultWeight!: number;
}
