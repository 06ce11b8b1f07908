import {
  PERFORMANCE_KEY_DIRECTIVE,
  PerformanceKeyFields,
  PerformanceScopeType,
} from '@switchboard/subgraph-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgentType } from '../../agent/agent.type';

@ObjectType('PerformanceScope', {
  description: 'A scope enclosing another: a team’s center, an agent’s team',
})
export class PerformanceScopeRef {
  @Field(() => PerformanceScopeType) type!: PerformanceScopeType;
  @Field(() => ID) id!: string;
}

/**
 * The kpi subgraph's Performance (a scope over a period), extended by staff with who is in it: its
 * agents, its children for drill-down and the scopes enclosing it.
 */
@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class StaffPerformanceType extends PerformanceKeyFields {}

/**
 * The scope's agents of a performance record as the other sources read them (@requires), sent once
 * per set rather than once per record: a trend's buckets mostly have the same agents, and sending
 * them with every bucket made a year by day several megabytes (issue 17). `id` names the set (its
 * agents); among the records of one fetch at one path, the first with a set carries `agents` and the
 * others with the same `id` carry null (performanceAgentSets in subgraph-kit resolves them).
 * Internal to the supergraph (@inaccessible): clients read Performance.agents.
 */
@ObjectType('PerformanceAgentSet')
@Directive('@inaccessible')
export class PerformanceAgentSetType {
  @Field(() => ID) id!: string;
  @Field(() => [AgentType], { nullable: true }) agents!: AgentType[] | null;
}
