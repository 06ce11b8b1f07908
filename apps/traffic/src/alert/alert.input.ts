import { ArrayMaxSize, IsInt, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ALERT_COMPARATORS, ALERT_METRIC_NAMES, MIN_FOR_SECONDS, type AlertMetric } from './alert-rule';
import type { AlertComparator } from '@switchboard/metrics';

export const AlertMetricEnum = Object.fromEntries(ALERT_METRIC_NAMES.map((m) => [m, m])) as Record<
  AlertMetric,
  AlertMetric
>;
registerEnumType(AlertMetricEnum, {
  name: 'AlertMetric',
  description:
    "WAITING (contacts), OLDEST_WAIT_SECONDS, SERVICE_LEVEL_TODAY and ABANDON_RATE_TODAY (fractions 0–1), DATA_LAG_MINUTES (data stale), OVERDUE_COMMITMENTS (care's, of the center)",
});
export const AlertComparatorEnum = Object.fromEntries(ALERT_COMPARATORS.map((c) => [c, c])) as Record<
  AlertComparator,
  AlertComparator
>;
registerEnumType(AlertComparatorEnum, { name: 'AlertComparator' });

@InputType({ description: 'e.g. OLDEST_WAIT_SECONDS GT 120 for 60 s; SERVICE_LEVEL_TODAY LT 0.75' })
export class AlertRuleInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  name!: string;

  @Field(() => AlertMetricEnum) metric!: AlertMetric;

  @Field(() => ID)
  @IsUUID('all', { message: 'centerId must be a Center id' })
  centerId!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Queues of the center; none: the whole center' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'queueIds must be Queue ids' })
  queueIds!: string[];

  @Field(() => AlertComparatorEnum) comparator!: AlertComparator;

  @Field(() => Float, { description: "In the metric's unit (see AlertMetric)" })
  threshold!: number;

  @Field(() => Int, {
    description: `How long the breach must last before it fires (at least ${MIN_FOR_SECONDS} s)`,
  })
  @IsInt()
  @Min(MIN_FOR_SECONDS)
  @Max(86_400)
  forSeconds!: number;

  @Field(() => String, {
    defaultValue: 'UTC',
    description: "The center's IANA time zone: where today starts",
  })
  timeZone!: string;
}
