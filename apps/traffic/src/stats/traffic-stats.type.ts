import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Channel } from '../contact/contact-record';
import { ChannelEnum } from '../common/enums';
import { CenterTrafficType } from '../extends/center/center-traffic.type';
import { TeamRef } from '../common/entity-refs';
import { AgentTrafficType } from '../agent-state/agent-traffic.type';

/** The metrics of METRICS.md for a set of contacts; rates are null when their denominator is 0. */
@ObjectType('ContactMetrics')
export class ContactMetricsFields {
  @Field(() => Int) offered!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int) abandoned!: number;
  @Field(() => Int) shortAbandoned!: number;
  @Field(() => Int) answeredWithinThreshold!: number;
  @Field(() => Float, { nullable: true }) serviceLevel!: number | null;
  @Field(() => Float, { nullable: true }) asaSeconds!: number | null;
  @Field(() => Float, { nullable: true }) ahtSeconds!: number | null;
  @Field(() => Float, { nullable: true }) avgTalkSeconds!: number | null;
  @Field(() => Float, { nullable: true }) avgHoldSeconds!: number | null;
  @Field(() => Float, { nullable: true }) avgAcwSeconds!: number | null;
  @Field(() => Float, { nullable: true }) abandonRate!: number | null;
  @Field(() => Float, { nullable: true }) maxWaitSeconds!: number | null;
  @Field(() => Float, { nullable: true }) transferRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'IVR / (IVR + offered), voice' }) ivrContainmentRate!:
    | number
    | null;
}

/**
 * Types whose Int, Float, String, ID and enum fields traffic answers as GraphQL writes them: counts
 * (whole float8 sums, far inside Int's 32 bits), finite figures of @switchboard/metrics or null,
 * texts (exact money as decimal strings, ids) and channel names. A compiled query selecting no other
 * such leaf copies them without a serializer call per leaf (41,415 rows × 15 fields for a month of
 * half hours per queue); intervalStart, a custom scalar, is still serialized. Checked leaf by leaf
 * by traffic-stats-serialized.int-spec.ts.
 */
export const SERIALIZED_STATS_TYPES = ['TrafficStatsRow'] as const;

// The fields are read straight off the row (GraphQL's default resolver), without a type-graphql
// resolver per field of every row; the entity fields have their own (TrafficStatsRowResolver).
// simpleResolvers covers only the class's own fields: the kit drops the inherited ones' resolvers
// too, as every type's (libs/subgraph-kit plain-fields.ts; traffic-stats-row-fields.spec.ts).
@ObjectType('TrafficStatsRow', {
  description: 'One interval (and group) of contact statistics: a flat row for BI tools',
  simpleResolvers: true,
})
export class TrafficStatsRowType extends ContactMetricsFields {
  @Field(() => DateTimeISOResolver, { description: 'Start of the interval; for TOTAL, filter.from' })
  intervalStart!: Date;

  @Field(() => ID, { nullable: true, description: 'Grouped by QUEUE' })
  queueId!: string | null;

  @Field(() => String, { nullable: true, description: 'Grouped by QUEUE' })
  queueCode!: string | null;

  @Field(() => ChannelEnum, { nullable: true, description: 'Grouped by CHANNEL' })
  channel!: Channel | null;

  @Field(() => String, { nullable: true, description: 'Grouped by AGENT: the employee number' })
  employeeNo!: string | null;

  @Field(() => AgentTrafficType, { nullable: true, description: 'Grouped by AGENT' })
  agent!: AgentTrafficType | null;

  @Field(() => ID, { nullable: true, description: 'Grouped by CENTER' })
  centerId!: string | null;

  @Field(() => CenterTrafficType, { nullable: true, description: 'Grouped by CENTER' })
  center!: CenterTrafficType | null;

  @Field(() => ID, {
    nullable: true,
    description: "Grouped by TEAM: the agent's team when the contact arrived",
  })
  teamId!: string | null;

  @Field(() => TeamRef, { nullable: true, description: 'Grouped by TEAM' })
  team!: TeamRef | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'First-contact resolution (METRICS.md): answered contacts with no repeat within filter.fcrWindowDays',
  })
  fcrRate!: number | null;

  // Outcomes (METRICS.md "Outcomes and sales"): answered contacts, either direction
  @Field(() => Int, { description: 'Answered contacts with an outcome marked eligible for an offer' })
  eligible!: number;

  @Field(() => Int, { description: 'Answered contacts with an offer made (a sale implies one)' })
  offers!: number;

  @Field(() => Int, {
    description: 'Answered contacts with a sale-class outcome (SALE, CROSS_SELL, UP_SELL, INSTALLMENT)',
  })
  sales!: number;

  @Field(() => Int, { description: 'Answered contacts with a RETENTION_SAVE outcome' })
  saves!: number;

  @Field(() => Int, { description: 'Answered contacts with a RETENTION_LOST outcome' })
  lost!: number;

  @Field(() => Int, { description: 'Answered contacts with a CANCELLATION_PROCESSED outcome' })
  cancellations!: number;

  @Field(() => String, { description: 'Σ amount of sale-class outcomes, exact decimal (currency units)' })
  salesAmount!: string;

  @Field(() => String, {
    description: "Σ amount × the product's margin rate of sale-class outcomes, exact decimal",
  })
  revenue!: string;

  @Field(() => Float, { nullable: true, description: 'offers / eligible' })
  offerRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'sales / offers' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'saves / (saves + lost + cancellations)' })
  retentionSaveRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'revenue / answered, rounded to the cent' })
  revenuePerContact!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Answered contacts with one of their queue's required codes / answered contacts on queues requiring one",
  })
  dispositionCompliance!: number | null;
}

@ObjectType('TrafficSummary', {
  description: "An agent's, a queue's or a center's contact statistics over a period",
})
export class TrafficSummaryType extends ContactMetricsFields {}

@ObjectType('QueueInterval', { description: "A queue's statistics for one 15-minute interval" })
export class QueueIntervalType extends ContactMetricsFields {
  @Field(() => DateTimeISOResolver)
  intervalStart!: Date;
}
