import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('CoverageInterval', {
  description: 'Scheduled on-queue agents in one interval against the agents required (METRICS.md coverageGap)',
})
export class CoverageIntervalType {
  @Field(() => Date) intervalStart!: Date;
  @Field(() => Float, { description: 'On-queue agent-time scheduled in the interval / its length' })
  scheduledOnQueue!: number;
  @Field(() => Float, { nullable: true, description: 'Agents required, as given; null if none was' })
  required!: number | null;
  @Field(() => Float, { nullable: true, description: 'scheduled − required; negative: short' })
  coverageGap!: number | null;
}
