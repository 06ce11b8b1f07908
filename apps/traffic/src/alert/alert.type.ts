import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AlertComparator } from '@switchboard/metrics';
import type { AlertMetric } from './alert-rule';
import { AlertComparatorEnum, AlertMetricEnum } from './alert.input';

@ObjectType('AlertRule')
export class AlertRuleType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AlertMetricEnum) metric!: AlertMetric;
  @Field(() => ID) centerId!: string;
  @Field(() => [ID]) queueIds!: string[];
  @Field(() => AlertComparatorEnum) comparator!: AlertComparator;
  @Field(() => Float) threshold!: number;
  @Field(() => Int) forSeconds!: number;
  @Field(() => String) timeZone!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Boolean, { description: 'An episode fired and not yet cleared' }) firing!: boolean;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the current breach began' })
  breachSince!: Date | null;
  @Field(() => Float, { nullable: true, description: 'The value at the last evaluation' })
  lastValue!: number | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) evaluatedAt!: Date | null;
}

@ObjectType('AlertNotification', { description: 'The outbox: one FIRED and one CLEARED per breach episode' })
export class AlertNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) ruleId!: string;
  @Field(() => ID) centerId!: string;
  @Field(() => ID) episodeId!: string;
  @Field(() => String, { description: 'FIRED or CLEARED' }) event!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) deliveredAt!: Date | null;
}
