import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CareAgentRef } from '../../timeline/timeline.type';

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

@ObjectType('PerformanceComplaints', {
  description:
    "A performance record's complaints (METRICS.md \"Complaints\"): a center's by the complaint's center; a " +
    "team's or an agent's by its agents: complaints about them (received, decided), handled by them (closed, " +
    'timely) and cases they own (opened, escalated); rates are null when their denominator is 0',
})
export class PerformanceComplaintsType {
  @Field(() => Float, {
    nullable: true,
    description:
      "COMPLAINTS_PER_10K: complaints received / the record's answered contacts (traffic's) × 10,000; null " +
      'when traffic has no answer for the record or nothing was answered',
  })
  complaintsPer10k!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'COMPLAINT_TIMELY_RATE: complaints closed in the period before their deadline / closed',
  })
  complaintTimelyRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'UPHELD_RATE: upheld or partially upheld / decided on the merits (withdrawn left out)',
  })
  upheldRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'ESCALATED_TO_COMPLAINT_RATE: cases opened in the period of another type that became complaints / cases opened',
  })
  escalatedToComplaintRate!: number | null;

  @Field(() => Int, { description: 'Complaints received in the period' }) received!: number;
  @Field(() => Int, { description: 'Complaints closed (decided or withdrawn) in the period' })
  closed!: number;
  @Field(() => Int, { description: 'Of those, before their deadline' }) closedTimely!: number;
  @Field(() => Int, { description: 'Closed in the period on the merits' }) decided!: number;
  @Field(() => Int, { description: 'Of those, upheld or partially upheld' }) upheld!: number;
  @Field(() => Int, { description: 'Cases opened in the period' }) casesOpened!: number;
  @Field(() => Int, { description: 'Of those, of another type that became complaints' })
  escalatedCases!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The record's answered contacts (traffic's), the denominator of complaintsPer10k",
  })
  answeredContacts!: number | null;
}

/** Traffic's part of the record, as far as care reads it (the denominator of complaints per 10k). */
@ObjectType('PerformanceTraffic')
export class CareTrafficPartType {
  @Field(() => Int)
  @Directive('@external')
  answered!: number;
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

  /** Traffic's part (external): its answered contacts, read by complaints. */
  @Field(() => CareTrafficPartType, { nullable: true })
  @Directive('@external')
  traffic?: CareTrafficPartType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: CareAgentRef[];
}
