import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('StaffingHistoryInterval', {
  description: 'One interval of a queue’s day: the volume history forecasts, and who was logged in',
})
export class StaffingHistoryIntervalType {
  @Field(() => DateTimeISOResolver) intervalStart!: Date;
  @Field(() => Float, { description: 'Mean offered over the same weekday and interval of the last weeks' })
  forecastCalls!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'AHT of those history intervals (null: nothing answered)',
  })
  ahtSeconds!: number | null;
  @Field(() => Float, {
    description:
      'Agents logged in on the day (logged-in seconds / interval seconds) among those who answered the queue',
  })
  loggedInAgents!: number;
}

/** The kpi subgraph's StaffingPlan, extended by traffic with the queue's history. */
@ObjectType('StaffingPlan')
@Directive('@key(fields: "queueId day timeZone weeks intervalMinutes")')
export class TrafficStaffingPlanType {
  @Field(() => ID) queueId!: string;
  @Field(() => String) day!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => Int) weeks!: number;
  @Field(() => Int) intervalMinutes!: number;
}
