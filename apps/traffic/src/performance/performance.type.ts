import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AgentTrafficType } from '../agent-state/agent-traffic.type';
import { ContactMetricsFields } from '../stats/traffic-stats.type';

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

@ObjectType('PerformanceTraffic', {
  description:
    "A performance record's contacts (METRICS.md): a center's or queue's queues, a team's or agent's " +
    'handled contacts; occupancy and utilization from its agents’ states',
})
export class PerformanceTrafficType extends ContactMetricsFields {
  @Field(() => Float, { nullable: true, description: 'First-contact resolution, 7-day repeat window' })
  fcrRate!: number | null;

  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / (on-contact + ACW + available)' })
  occupancy!: number | null;

  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / logged-in' })
  utilization!: number | null;
}

/** The kpi subgraph's Performance, extended by traffic with its contact metrics. */
@ObjectType('Performance')
@Directive('@key(fields: "scopeType scopeId from to")')
export class TrafficPerformanceType {
  @Field(() => PerformanceScopeType) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;

  /** Staff's: the agents in the scope, by employee number (what traffic knows agents by). */
  @Field(() => [AgentTrafficType])
  @Directive('@external')
  agents?: AgentTrafficType[];
}
