import { DateTimeISOResolver } from 'graphql-scalars';
import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentTrafficType } from '../agent-state/agent-traffic.type';
import { ContactMetricsFields } from '../stats/traffic-stats.type';

@ObjectType('PerformanceTraffic', {
  description:
    "A performance record's contacts (METRICS.md): a center's or queue's queues, a team's or agent's " +
    'handled contacts; occupancy and utilization from its agents’ states',
})
export class PerformanceTrafficType extends ContactMetricsFields {
  @Field(() => Int, {
    deprecationReason:
      "For a team or an agent this was the contacts they handled, not what was offered (nothing is offered to a team): read queueOffered (a center's or queue's) or handled",
    description:
      'queueOffered for a center or queue; for a team or agent the contacts it handled (see handled)',
  })
  declare offered: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Offered to the record's queues (answered + abandoned): a center's or a queue's; null for a team or an agent, who are offered nothing of their own",
  })
  queueOffered!: number | null;

  @Field(() => Int, {
    description:
      "Contacts handled: answered by the team's or agent's agents, or on the center's or queue's queues",
  })
  handled!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "A center's or queue's (METRICS.md); null for a team or an agent: a call abandoned in the queue reached no agent, so it is nobody's",
  })
  declare abandonRate: number | null;

  @Field(() => Float, { nullable: true, description: 'First-contact resolution, 7-day repeat window' })
  fcrRate!: number | null;

  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / (on-contact + ACW + available)' })
  occupancy!: number | null;

  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / logged-in' })
  utilization!: number | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      'The time these figures are as of: the latest contact or agent state loaded (the earlier of the two), at most the period’s end; null when no batch was ever recorded',
  })
  dataAsOf!: Date | null;

  @Field(() => Boolean, {
    description:
      'True when a source of these figures (ACD contacts, agent states) is past its warn age and has not loaded the period to its end (METRICS.md, data timeliness)',
  })
  stale!: boolean;

  // Outcomes (METRICS.md "Outcomes"), from the same rollup rows
  @Field(() => Float, { nullable: true, description: 'Offers / eligible answered contacts' })
  offerRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Contacts with a sale / contacts with an offer' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sale-class outcomes per logged-in hour of the agents' })
  salesPerHour!: number | null;

  @Field(() => Float, { nullable: true, description: 'Saves / (saves + lost + cancellations)' })
  retentionSaveRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Revenue (amount × margin rate) per answered contact' })
  revenuePerContact!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Answered contacts with one of their queue's required codes / those on queues requiring one",
  })
  dispositionCompliance!: number | null;

  // Cost and contribution (METRICS.md "Outcomes"; issue 20), with their inputs
  @Field(() => Int, {
    description: 'Sale-class outcomes (several on one contact count apart): salesPerHour’s numerator',
  })
  saleOutcomes!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Logged-in hours of the record’s agents (salesPerHour’s denominator); null for a center or queue',
  })
  staffedHours!: number | null;

  @Field(() => String, { description: 'Σ amount × margin rate of sale-class outcomes, exact decimal (CNY)' })
  revenue!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Σ handle hours × the standard cost rate of the queue’s center and channel on the day, to the cent (CNY); null when some handled contact has no rate (see uncostedContacts)',
  })
  handlingCost!: string | null;

  @Field(() => Int, {
    description:
      'Handled contacts no standard cost rate prices (their queue has no center, or the center no rate)',
  })
  uncostedContacts!: number;

  @Field(() => Float, { nullable: true, description: 'handlingCost / handled contacts, to the cent' })
  costPerContact!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'revenue − handlingCost, to the cent (a center’s month: its contribution, the P&L line)',
  })
  contribution!: number | null;
}

/** Staff's set of a record's agents (internal to the supergraph), with what this subgraph reads. */
@ObjectType('PerformanceAgentSet')
export class TrafficAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [AgentTrafficType], { nullable: true })
  @Directive('@external')
  agents!: AgentTrafficType[] | null;
}

/** The kpi subgraph's Performance, extended by traffic with its contact metrics. */
@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class TrafficPerformanceType extends PerformanceKeyFields {
  /**
   * Staff's: the agents in the scope as a set sent once per fetch (see resolveAgentSet in
   * subgraph-kit), internal to the supergraph.
   */
  @Field(() => TrafficAgentSetType)
  @Directive('@external')
  agentSet?: TrafficAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: AgentTrafficType[];
}
