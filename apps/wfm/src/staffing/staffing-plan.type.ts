import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { StaffingRiskEnum } from '../model/enums';

export { StaffingRiskEnum };

/** Traffic's history of one interval (declared external: traffic resolves it). */
@ObjectType('StaffingHistoryInterval')
export class StaffingHistoryView {
  @Field(() => DateTimeISOResolver) @Directive('@external') intervalStart!: string;
  @Field(() => Float) @Directive('@external') forecastCalls!: number;
  @Field(() => Float, { nullable: true }) @Directive('@external') ahtSeconds!: number | null;
  @Field(() => Float) @Directive('@external') loggedInAgents!: number;
}

@ObjectType('StaffingPlan', {
  description:
    'A queue’s staffing plan for a day: forecast from traffic history, agents needed by Erlang, gap',
})
@Directive('@key(fields: "queueId day timeZone weeks intervalMinutes")')
export class StaffingPlanType {
  @Field(() => ID) queueId!: string;
  @Field(() => String, { description: 'The planned day (YYYY-MM-DD) in timeZone' }) day!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => Int, { description: 'History weeks averaged for the forecast' }) weeks!: number;
  @Field(() => Int) intervalMinutes!: number;

  @Field(() => [StaffingHistoryView])
  @Directive('@external')
  history?: StaffingHistoryView[];

  /** The queue's center, traffic's to know: what a center-scoped caller is checked against. */
  @Field(() => ID, { nullable: true })
  @Directive('@external')
  centerId?: string | null;
}

@ObjectType('StaffingPlanInterval')
export class StaffingPlanIntervalType {
  @Field(() => DateTimeISOResolver) intervalStart!: Date;
  @Field(() => Float, {
    description:
      "Forecast calls (p50): the queue's backtest-chosen method, or the mean of the same weekday and interval when not forecastable",
  })
  forecastCalls!: number;
  @Field(() => Float, { description: 'The forecast’s 10th percentile' })
  forecastP10!: number;
  @Field(() => Float, { description: 'The forecast’s 90th percentile (wide when not forecastable)' })
  forecastP90!: number;
  @Field(() => Float, { description: 'The calls agents are required for: the forecast at the chosen risk' })
  staffedCalls!: number;
  @Field(() => Float, { description: 'History AHT, or the given default when nothing was answered' })
  ahtSeconds!: number;
  @Field(() => Int) rawAgents!: number;
  @Field(() => Int) scheduledAgents!: number;
  @Field(() => Float) serviceLevel!: number;
  @Field(() => Float) occupancy!: number;
  @Field(() => Float, { nullable: true, description: 'Erlang A only' }) probabilityOfAbandon!: number | null;
  @Field(() => Float, { description: 'Agents logged in during the interval (from agent states)' })
  loggedInAgents!: number;
  @Field(() => Float, { description: 'loggedInAgents − rawAgents: negative means short of agents' })
  gap!: number;
}
