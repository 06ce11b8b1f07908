import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SURVEY_GROUPS, SURVEY_RANK_METRICS } from './survey-stats.service';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const SurveyGroupEnum = enumOf(SURVEY_GROUPS);
registerEnumType(SurveyGroupEnum, {
  name: 'SurveyGroup',
  description: "What survey stats are grouped by (MONTH: of the contact's arrival, UTC)",
});
export const SurveyRankMetricEnum = enumOf(SURVEY_RANK_METRICS);
registerEnumType(SurveyRankMetricEnum, {
  name: 'SurveyRankMetric',
  description: 'What agents are ranked by',
});

/**
 * Types whose Int, Float, String, ID and Boolean fields voc answers as GraphQL writes them: counts
 * (integers, far inside Int's 32 bits), figures of @switchboard/metrics (finite, or null when n = 0)
 * and texts. A compiled query selecting only their leaves copies them without a serializer call per
 * leaf (a year by agent and month: 260,000 of them); see compiledQueries of the subgraph kit.
 */
export const SERIALIZED_STATS_TYPES = ['SurveyStats', 'SampledValue', 'NpsValue'] as const;

// simpleResolvers: plain properties read as they are (no per-field resolver wrapping), so a year by
// agent and month (10,500 rows × 25 values) runs compiled as property reads
@ObjectType('SampledValue', {
  description: 'A value with its sample size and 95 % interval (null when n = 0)',
  simpleResolvers: true,
})
export class SampledValueType {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int) n!: number;
  @Field(() => Float, { nullable: true }) low!: number | null;
  @Field(() => Float, { nullable: true }) high!: number | null;
}

@ObjectType('NpsValue', {
  description: 'NPS (−100…100) with n, margin of error and interval (95 %)',
  simpleResolvers: true,
})
export class NpsValueType extends SampledValueType {
  @Field(() => Float, { nullable: true }) marginOfError!: number | null;
}

@ObjectType('SurveyStats', {
  description: 'Survey results of one group (METRICS.md, Voice of the customer)',
  simpleResolvers: true,
})
export class SurveyStatsType {
  @Field(() => String, { nullable: true, description: 'With AGENT' }) agentEmployeeNo!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "With TEAM: the agent's team on the contact's arrival day (staff's history at import; null: no team known)",
  })
  teamId!: string | null;
  @Field(() => ID, { nullable: true, description: 'With CENTER' }) centerId!: string | null;
  @Field(() => String, { nullable: true, description: 'With QUEUE' }) queueCode!: string | null;
  @Field(() => String, { nullable: true, description: 'With MONTH: YYYY-MM' }) month!: string | null;
  @Field(() => SampledValueType, { description: 'Top-box share, Wilson interval' }) csat!: SampledValueType;
  @Field(() => NpsValueType) nps!: NpsValueType;
  @Field(() => SampledValueType, { description: 'Mean CES (1–7)' }) ces!: SampledValueType;
  @Field(() => SampledValueType, { description: 'FINISHED / (SENT + OPENED + FINISHED + EXPIRED)' })
  responseRate!: SampledValueType;
  @Field(() => Int) optedOut!: number;
  @Field(() => Boolean, {
    description: 'Fewer responses than minResponses on the ranking metric: not ranked',
  })
  insufficientSample!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'With AGENT: 1 = best among ranked agents of the same other groups',
  })
  rank!: number | null;
}
