import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgentTrainingType } from '../federation/agent-training.type';

/** What a performance record is about (the same enum in every subgraph that resolves Performance). */
export enum PerformanceScopeType {
  CENTER = 'CENTER',
  TEAM = 'TEAM',
  AGENT = 'AGENT',
  QUEUE = 'QUEUE',
}
registerEnumType(PerformanceScopeType, {
  name: 'PerformanceScopeType',
  description: 'What a performance record is about',
});

@ObjectType('PerformanceTraining', {
  description:
    'A performance record\'s training (METRICS.md "Training"): its agents over the period\'s days; ' +
    'rates are null when their denominator is 0',
})
export class PerformanceTrainingType {
  @Field(() => Float, {
    nullable: true,
    description: 'Assignments completed by their due date / assignments due',
  })
  completionRate!: number | null;

  @Field(() => Int, { description: 'Assignments due in the period, past due and not completed' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'First attempts passed / first attempts' })
  firstAttemptPassRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Attempts passed / attempts' })
  passRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean score (0-100) of the attempts' })
  averageScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Agents holding every certification mandatory for them / agents who need one',
  })
  certificationCoverage!: number | null;
}

/** Staff's set of a record's agents (internal to the supergraph), with what this subgraph reads. */
@ObjectType('PerformanceAgentSet')
export class TrainingAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [AgentTrainingType], { nullable: true })
  @Directive('@external')
  agents!: AgentTrainingType[] | null;
}

/** The kpi subgraph's Performance, extended by training with its agents' training. */
@ObjectType('Performance')
@Directive('@key(fields: "scopeType scopeId from to")')
export class TrainingPerformanceType {
  @Field(() => PerformanceScopeType) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;

  /**
   * Staff's: the agents in the scope as a set sent once per fetch (see resolveAgentSet in
   * subgraph-kit), internal to the supergraph.
   */
  @Field(() => TrainingAgentSetType)
  @Directive('@external')
  agentSet?: TrainingAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: AgentTrainingType[];
}
