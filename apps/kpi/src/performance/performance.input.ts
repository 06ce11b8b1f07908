import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { PerformanceScopeTypeEnum, type PerformanceScopeType } from '../model/enums';

@InputType('PerformanceScopeInput')
export class PerformanceScopeInput {
  @Field(() => PerformanceScopeTypeEnum)
  type!: PerformanceScopeType;

  @Field(() => ID, { description: "The center's, team's or agent's id (staff) or the queue's id (traffic)" })
  id!: string;
}

@InputType('KpiWeightInput')
export class KpiWeightInput {
  @Field(() => String)
  kpiCode!: string;

  @Field(() => Float)
  @Min(0)
  @Max(1000)
  weight!: number;
}

export enum TrendGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(TrendGranularity, {
  name: 'TrendGranularity',
  description: 'Buckets of a trend: local days, ISO weeks (Monday first) or calendar months',
});

/** The days and buckets of a trend (an agent's `performanceTrend` takes just these). */
@InputType('TrendPeriodInput')
export class TrendPeriodInput {
  @Field(() => TrendGranularity)
  granularity!: TrendGranularity;

  @Field(() => String, { description: 'First day (YYYY-MM-DD), in timeZone' })
  fromDay!: string;

  @Field(() => String, { description: 'Day after the last (YYYY-MM-DD, exclusive), in timeZone' })
  toDay!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the days (default UTC)' })
  @IsOptional()
  timeZone?: string | null;
}

@InputType('PerformanceTrendInput')
export class PerformanceTrendInput extends TrendPeriodInput {
  @Field(() => PerformanceScopeInput)
  scope!: PerformanceScopeInput;
}
