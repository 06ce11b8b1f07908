import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('TrainingSummary', {
  description:
    'METRICS.md, Training: counts and rates for a group of agents over a period; rates are null when their denominator is 0',
})
export class TrainingSummaryType {
  @Field(() => Int, { description: 'Assignments due in the period' })
  assignmentsDue!: number;

  @Field(() => Int, { description: 'Of those, completed by their due date' })
  completedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'completedOnTime / assignmentsDue' })
  completionRate!: number | null;

  @Field(() => Int, {
    description: 'Assignments due in the period, past due (before today) and not completed',
  })
  overdue!: number;

  @Field(() => Int, { description: 'Exam attempts taken in the period' })
  attempts!: number;

  @Field(() => Int)
  attemptsPassed!: number;

  @Field(() => Float, { nullable: true, description: 'attemptsPassed / attempts' })
  passRate!: number | null;

  @Field(() => Int, { description: 'First attempts (since the last pass) taken in the period' })
  firstAttempts!: number;

  @Field(() => Int)
  firstAttemptsPassed!: number;

  @Field(() => Float, { nullable: true, description: 'firstAttemptsPassed / firstAttempts' })
  firstAttemptPassRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean score (0-100) of the attempts' })
  averageScore!: number | null;

  @Field(() => Int, { description: 'Agents for whom at least one course is mandatory (role or skill)' })
  agentsNeedingCertification!: number;

  @Field(() => Int, {
    description:
      'Of those, agents holding a valid certification of every course mandatory for them, on the last day of the period (or today)',
  })
  agentsCertified!: number;

  @Field(() => Float, { nullable: true, description: 'agentsCertified / agentsNeedingCertification' })
  certificationCoverage!: number | null;
}
