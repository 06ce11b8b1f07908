import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentTrainingType } from '../training/agent-training.type';

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
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class TrainingPerformanceType extends PerformanceKeyFields {
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
