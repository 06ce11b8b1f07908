import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('PerformanceWorkforce', {
  description:
    'A performance record’s schedule adherence (METRICS.md): its agents’ scheduled time inside the period against their states, seconds summed over agents and days, then the ratios',
})
export class PerformanceWorkforceType {
  @Field(() => Float, {
    nullable: true,
    description: '1 − exception seconds / scheduled seconds; null without schedules',
  })
  adherence!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'On-queue seconds worked / on-queue seconds scheduled (may exceed 1); null without on-queue time',
  })
  conformance!: number | null;
  @Field(() => Float, { nullable: true, description: 'Scheduled off-queue time / scheduled time' })
  shrinkage!: number | null;
  @Field(() => Float) scheduledSeconds!: number;
  @Field(() => Float) exceptionSeconds!: number;
  @Field(() => Float) onQueueScheduledSeconds!: number;
  @Field(() => Float) onQueueWorkedSeconds!: number;
  @Field(() => Int, { description: 'Scheduled agent-days measured' }) scheduledAgentDays!: number;
}

/** Staff's Agent as a Performance's agent set carries it; wfm knows agents by employee number. */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo", resolvable: false)')
export class WfmAgentRef {
  @Field(() => String)
  employeeNo!: string;
}

/** Staff's set of a record's agents (internal to the supergraph), with what wfm reads. */
@ObjectType('PerformanceAgentSet')
export class WfmAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [WfmAgentRef], { nullable: true })
  @Directive('@external')
  agents!: WfmAgentRef[] | null;
}

/** The kpi subgraph's Performance, extended by wfm with its agents' adherence. */
@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class WfmPerformanceType extends PerformanceKeyFields {
  /** Staff's: the agents in the scope as a set sent once per fetch (resolveAgentSet). */
  @Field(() => WfmAgentSetType)
  @Directive('@external')
  agentSet?: WfmAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: WfmAgentRef[];
}
