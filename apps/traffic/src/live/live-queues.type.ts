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

@ObjectType('LiveQueue')
export class LiveQueueType extends LiveFiguresType {
  @Field(() => ID)
  queueId!: string;

  @Field(() => String)
  queueCode!: string;

  @Field(() => String, { nullable: true })
  queueName!: string | null;
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
