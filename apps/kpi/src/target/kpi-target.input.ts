import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { IsOptional } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import {
  CustomerSegmentEnum,
  TargetScopeTypeEnum,
  type CustomerSegment,
  type TargetScopeType,
} from '../model/enums';

@InputType('KpiTargetScopeInput')
export class KpiTargetScopeInput {
  @Field(() => TargetScopeTypeEnum)
  type!: TargetScopeType;

  @Field(() => ID, { nullable: true, description: 'Center, team or queue id; leave out for GLOBAL' })
  @IsOptional()
  id?: string | null;
}

@InputType('SetKpiTargetInput')
export class SetKpiTargetInput {
  @Field(() => String)
  kpiCode!: string;

  @Field(() => KpiTargetScopeInput)
  scope!: KpiTargetScopeInput;

  @Field(() => CustomerSegmentEnum, {
    nullable: true,
    description:
      "For one customer segment's contacts (a center's, a queue's or GLOBAL; contact KPIs traffic measures per segment: SERVICE_LEVEL, ASA, AHT, ABANDON_RATE, TRANSFER_RATE); leave out for every contact",
  })
  @IsOptional()
  segment?: CustomerSegment | null;

  @Field(() => Float, { description: 'In the KPI unit: 0..1 for ratios, seconds, 0..100 for scores' })
  target!: number;

  @Field(() => Float, { description: 'How far short of the target still counts as AMBER (>= 0, same unit)' })
  amberBand!: number;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day in force (default today, UTC)' })
  @IsOptional()
  validFrom?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Day it stops (exclusive); default open-ended',
  })
  @IsOptional()
  validTo?: string | null;
}
