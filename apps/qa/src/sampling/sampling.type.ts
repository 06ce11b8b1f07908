import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ContactRef } from '../common/contact-ref';
import { SamplingPeriod } from '../common/enums';
import { AgentQaType } from '../summary/agent-qa.type';

@ObjectType('SamplingAssignment')
export class SamplingAssignmentType {
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => [String]) agentEmployeeNos!: string[];
}

@ObjectType('SamplingPlan', {
  description: 'N evaluations per agent per week or month, from reproducible draws',
})
export class SamplingPlanType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => SamplingPeriod) period!: SamplingPeriod;
  @Field(() => Int) evaluationsPerAgent!: number;
  @Field(() => String) seed!: string;
  @Field(() => [String]) queueCodes!: string[];
  @Field(() => [String]) channels!: string[];
  @Field(() => [SamplingAssignmentType]) assignments!: SamplingAssignmentType[];
}

@ObjectType('SampledContact')
export class SampledContactType {
  @Field(() => ContactRef, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  contact!: ContactRef;
  @Field(() => AgentQaType, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  agent!: AgentQaType;
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => Int, { description: "Position in the agent's draw (1 = first)" }) draw!: number;
  @Field(() => DateTimeISOResolver) arrivedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'An evaluation of this contact for this agent, if any' })
  evaluationId!: string | null;
}

@ObjectType('SampleDraw')
export class SampleDrawType {
  @Field(() => GraphQLLocalDate) periodStart!: string;
  @Field(() => Int, { description: 'Contacts added by this call (0 when the draw was already complete)' })
  added!: number;
  @Field(() => [SampledContactType], {
    description: 'Every contact drawn for the period, by agent then draw',
  })
  contacts!: SampledContactType[];
}

@ObjectType('AgentSamplingDue')
export class AgentSamplingDueType {
  @Field(() => AgentQaType, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  agent!: AgentQaType;
  @Field(() => Int) required!: number;
  @Field(() => Int, {
    description:
      "The evaluator's submitted evaluations of the agent: in the period, or of its drawn contacts",
  })
  done!: number;
  @Field(() => Int) owed!: number;
}

@ObjectType('EvaluatorWorkload', { description: 'What one evaluator still owes in a period' })
export class EvaluatorWorkloadType {
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => GraphQLLocalDate) periodStart!: string;
  @Field(() => Int) required!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) owed!: number;
  @Field(() => [AgentSamplingDueType], { description: 'Per agent, those still owed first' })
  agents!: AgentSamplingDueType[];
  @Field(() => [SampledContactType], { description: 'Drawn contacts not evaluated yet' })
  pending!: SampledContactType[];
}
