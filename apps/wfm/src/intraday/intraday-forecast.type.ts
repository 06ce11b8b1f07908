import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('IntradayForecastInterval')
export class IntradayForecastIntervalType {
  @Field(() => Float, { description: 'Contacts offered forecast (p50)' }) offered!: number;
  @Field(() => Float, { nullable: true }) ahtSeconds!: number | null;
}

@ObjectType('IntradayForecast', {
  description:
    "A queue's forecast of the day containing an instant: the latest kept forecast run covering it (null intervals with a reason when none)",
})
export class IntradayForecastType {
  @Field(() => ID, { description: "traffic's Queue id" }) queueId!: string;
  @Field(() => ID, { nullable: true }) forecastRunId!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) madeAt!: Date | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => Int, { nullable: true }) intervalMinutes!: number | null;
  @Field(() => String, { nullable: true }) timeZone!: string | null;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Local midnight of the day in the run's time zone",
  })
  dayStart!: Date | null;
  @Field(() => [IntradayForecastIntervalType], { nullable: true, description: 'The day from dayStart' })
  intervals!: IntradayForecastIntervalType[] | null;
  @Field(() => String, { nullable: true, description: 'Why there are no intervals' }) reason!: string | null;
}
