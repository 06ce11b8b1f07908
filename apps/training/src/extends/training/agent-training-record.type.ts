import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { AgentProfile } from './training-summary.service';

@ObjectType('AgentTraining', {
  description: "An agent's training: assignments, attempts, certifications, compliance",
})
export class AgentTrainingRecordType {
  @Field(() => String)
  employeeNo!: string;

  /** Role and skills from staff (@requires); undefined when staff sent none. */
  profile!: AgentProfile | undefined;
}

@ObjectType('OnboardingProgress', {
  description: 'ONBOARDING courses assigned to an agent and how far they are',
})
export class OnboardingProgressType {
  @Field(() => String)
  employeeNo!: string;

  @Field(() => Int)
  assigned!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int, { description: 'Past due and not completed' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'completed / assigned' })
  progress!: number | null;
}
