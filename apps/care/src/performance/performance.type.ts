import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CareAgentRef } from '../timeline/timeline.type';

@ObjectType('PerformanceCustomer', {
  description:
    'A performance record\'s follow-up promises and cases (METRICS.md "Customers, cases and follow-up ' +
    'commitments"): the commitments its agents made due in the period and the cases they own opened in it, statuses as of now; ' +
    'rates are null when their denominator is 0',
})
export class PerformanceCustomerType {
  @Field(() => Float, {
    nullable: true,
    description: 'PROMISE_KEPT_RATE: kept on time / (due − cancelled − superseded)',
  })
  promiseKeptRate!: number | null;

  @Field(() => Float, { nullable: true, description: '(kept on time + kept late) / the same denominator' })
  promiseOnTimeOrLateRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'OVERDUE_COMMITMENTS: commitments of any due time, open or broken and past due at the end of the ' +
      'period (or now if earlier); a whole number (Float because the KPI catalog reads metrics as floats)',
  })
  overdueCommitments!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'ESCALATION_RATE: due commitments escalated (level ≥ 1) at or after due / due',
  })
  escalationRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CASE_REPEAT_RATE: cases with 2 or more inbound customer contacts / cases opened',
  })
  caseRepeatRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HANDOFF_RATE: cases whose owning department changed 2 or more times / cases opened',
  })
  handoffRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Department changes / cases opened' })
  avgHandoffs!: number | null;

  @Field(() => Int, { description: 'Commitments due in the period (and reached)' })
  commitmentsDue!: number;

  @Field(() => Int) fulfilled!: number;
  @Field(() => Int) fulfilledLate!: number;
  @Field(() => Int) broken!: number;

  @Field(() => Int, { description: 'Cases opened in the period' })
  casesOpened!: number;
}

/** Staff's set of a record's agents (internal to the supergraph), with what this subgraph reads. */
@ObjectType('PerformanceAgentSet')
export class CareAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [CareAgentRef], { nullable: true })
  @Directive('@external')
  agents!: CareAgentRef[] | null;
}

/** The kpi subgraph's Performance, extended by care with its agents' promises and cases. */
@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class CarePerformanceType extends PerformanceKeyFields {
  /**
   * Staff's: the agents in the scope as a set sent once per fetch (see resolveAgentSet in
   * subgraph-kit), internal to the supergraph.
   */
  @Field(() => CareAgentSetType)
  @Directive('@external')
  agentSet?: CareAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: CareAgentRef[];
}
