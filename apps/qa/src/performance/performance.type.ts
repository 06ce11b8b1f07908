import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentQaType } from '../summary/agent-qa.type';

@ObjectType('PerformanceQa', {
  description:
    'A performance record\'s QA (METRICS.md "QA"): the submitted evaluations of its agents in the period',
})
export class PerformanceQaType {
  @Field(() => Float, { nullable: true, description: 'Mean overall percent; null without evaluations' })
  score!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The same as score: the KPI catalog reads it as qaScore',
  })
  qaScore!: number | null;

  @Field(() => Int)
  evaluations!: number;

  @Field(() => Int)
  autoFailed!: number;

  @Field(() => Float, { nullable: true, description: 'auto-failed / evaluations; null without evaluations' })
  criticalFailRate!: number | null;
}

/** Staff's set of a record's agents (internal to the supergraph), with what this subgraph reads. */
@ObjectType('PerformanceAgentSet')
export class QaAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [AgentQaType], { nullable: true })
  @Directive('@external')
  agents!: AgentQaType[] | null;
}

/** The kpi subgraph's Performance, extended by QA with its agents' evaluations. */
@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class QaPerformanceType extends PerformanceKeyFields {
  /**
   * Staff's: the agents in the scope as a set sent once per fetch (see resolveAgentSet in
   * subgraph-kit), internal to the supergraph.
   */
  @Field(() => QaAgentSetType)
  @Directive('@external')
  agentSet?: QaAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: AgentQaType[];
}
