import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('LiveNotReady', { description: 'Agents not ready for one reason (null: none given)' })
export class LiveNotReadyType {
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int)
  agents!: number;
}

@ObjectType('LiveAgents', {
  description: 'Agents by their current state (logged out agents are not counted)',
})
export class LiveAgentsType {
  @Field(() => Int)
  loggedIn!: number;

  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  onContact!: number;

  @Field(() => Int, { description: 'In after-contact work' })
  acw!: number;

  @Field(() => Int)
  notReady!: number;

  @Field(() => [LiveNotReadyType])
  notReadyByReason!: LiveNotReadyType[];
}

@ObjectType('LiveToday', {
  description: 'Today so far (local midnight in the time zone until now), METRICS.md formulas',
})
export class LiveTodayType {
  @Field(() => Int)
  offered!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  abandoned!: number;

  @Field(() => Float, { nullable: true })
  serviceLevel!: number | null;

  @Field(() => Float, { nullable: true })
  abandonRate!: number | null;

  @Field(() => Float, { nullable: true })
  ahtSeconds!: number | null;

  @Field(() => Float, { nullable: true })
  asaSeconds!: number | null;
}

@ObjectType('LiveFigures')
export class LiveFiguresType {
  @Field(() => Int, { description: 'Contacts waiting in the queue now' })
  waiting!: number;

  @Field(() => Int, { description: 'Contacts with an agent now' })
  onContact!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds the longest-waiting contact has waited; null when none waits',
  })
  oldestWaitSeconds!: number | null;

  @Field(() => LiveAgentsType)
  agents!: LiveAgentsType;

  @Field(() => LiveTodayType)
  today!: LiveTodayType;
}

@ObjectType('LiveOutlook', {
  description:
    "The day's forecast (wfm's latest kept forecast run covering today) against today so far, and agents required now; null figures with a reason when there is no forecast (docs/LIVE.md)",
})
export class LiveOutlookType {
  @Field(() => Float, {
    nullable: true,
    description:
      'Contacts the forecast expected by now (closed intervals + the elapsed share of the current one)',
  })
  expectedSoFar!: number | null;

  @Field(() => Int, { nullable: true, description: 'Contacts arrived today so far (ended and in progress)' })
  actualSoFar!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The rest of the day reforecast from today's actuals so far (intradayReforecast)",
  })
  forecastRestOfDay!: number | null;

  @Field(() => Float, { nullable: true, description: "The current interval's reforecast" })
  currentIntervalOffered!: number | null;

  @Field(() => Float, { nullable: true, description: 'AHT used for the current interval' })
  ahtSeconds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Erlang C agents for the current interval's reforecast and AHT at the queue's service-level target",
  })
  requiredAgentsNow!: number | null;

  @Field(() => Int, { nullable: true, description: 'Agents logged in − required (negative: short)' })
  agentsGap!: number | null;

  @Field(() => String, { nullable: true, description: 'Why figures are null' })
  reason!: string | null;
}

@ObjectType('LiveQueue')
export class LiveQueueType extends LiveFiguresType {
  @Field(() => ID)
  queueId!: string;

  @Field(() => String)
  queueCode!: string;

  @Field(() => String, { nullable: true })
  queueName!: string | null;

  @Field(() => LiveOutlookType, {
    nullable: true,
    description: 'Expected vs actual so far, required agents now and the gap (wfm forecast)',
  })
  outlook!: LiveOutlookType | null;
}

@ObjectType('LiveQueues', { description: "A center's queues now, and the center's total" })
export class LiveQueuesType {
  @Field(() => ID)
  centerId!: string;

  @Field(() => DateTimeISOResolver, { description: 'The instant the figures are read at' })
  asOf!: Date;

  @Field(() => String)
  timeZone!: string;

  @Field(() => DateTimeISOResolver, { description: 'Start of "today" in the time zone' })
  dayStart!: Date;

  @Field(() => LiveFiguresType)
  center!: LiveFiguresType;

  @Field(() => [LiveQueueType])
  queues!: LiveQueueType[];
}
