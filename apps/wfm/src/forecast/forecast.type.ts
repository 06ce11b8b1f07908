import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ForecastLeadEnum } from '../model/enums';

export { ForecastLeadEnum };

@ObjectType('ForecastInterval')
export class ForecastIntervalType {
  @Field(() => Date) intervalStart!: Date;
  @Field(() => Float, { description: 'Contacts offered forecast (p50)' }) offered!: number;
  @Field(() => Float) p10!: number;
  @Field(() => Float) p90!: number;
  @Field(() => Float, { nullable: true }) ahtSeconds!: number | null;
}

@ObjectType('ForecastRun', {
  description: 'A forecast as it was made (kept: accuracy is measured against it)',
})
@Directive('@key(fields: "id")')
export class ForecastRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "traffic's Queue id" }) queueId!: string;
  @Field(() => GraphQLLocalDate) from!: string;
  @Field(() => GraphQLLocalDate) to!: string;
  @Field(() => Int) intervalMinutes!: number;
  @Field(() => String) timeZone!: string;
  @Field(() => String, { description: 'The method the backtest chose' }) method!: string;
  @Field(() => Boolean) forecastable!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not forecastable' }) reason!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [ForecastIntervalType]) intervals!: ForecastIntervalType[];
}

@ObjectType('MethodAccuracy')
export class MethodAccuracyType {
  @Field(() => String) method!: string;
  @Field(() => Float, { nullable: true }) wape!: number | null;
  @Field(() => Float, { nullable: true }) bias!: number | null;
  @Field(() => Float, { nullable: true }) mape!: number | null;
  @Field(() => Float, { nullable: true, description: 'wape − noise floor' }) excessWape!: number | null;
  @Field(() => Int) intervals!: number;
}

@ObjectType('ForecastBacktest', { description: 'A rolling-origin backtest of every method at one lead' })
export class ForecastBacktestType {
  @Field(() => ID) queueId!: string;
  @Field(() => ForecastLeadEnum) lead!: ForecastLeadEnum;
  @Field(() => Boolean) forecastable!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [GraphQLLocalDate]) testDates!: string[];
  @Field(() => Float, {
    nullable: true,
    description: 'Poisson noise floor of the actuals (no method beats it)',
  })
  noiseFloor!: number | null;
  @Field(() => [MethodAccuracyType]) methods!: MethodAccuracyType[];
  @Field(() => String, { description: 'The lowest-WAPE method at this lead' }) chosenMethod!: string;
}

@ObjectType('KeptForecastAccuracy', {
  description:
    'How a kept forecast fared: its intervals (made before each) against the actual volumes loaded since; never recomputed',
})
export class KeptForecastAccuracyType {
  @Field(() => ID) runId!: string;
  @Field(() => String, { description: 'The method of the run (EXTERNAL: imported from another tool)' })
  method!: string;
  @Field(() => String, { nullable: true, description: 'EXTERNAL runs: the tool it came from' })
  source!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'Hours from making the run to the first interval measured',
  })
  leadHours!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ|F − A| / ΣA over the intervals measured' })
  wape!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ(F − A) / ΣA' }) bias!: number | null;
  @Field(() => Float, { nullable: true, description: 'mean |F − A| / A over intervals with A > 0' })
  mape!: number | null;
  @Field(() => Int, { description: 'Intervals with an actual volume loaded' }) intervals!: number;
}
