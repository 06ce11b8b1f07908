import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPeriod, loadSummary } from '../stats/summary-loader';
import { TrafficSummaryType } from '../stats/traffic-stats.type';
import { agentStateLoader, AgentStateSummaryType } from './agent-state-summary';
import { AgentTrafficType } from './agent-traffic.type';

@Resolver(() => AgentTrafficType)
export class AgentTrafficResolver {
  @FieldResolver(() => TrafficSummaryType, {
    nullable: true,
    description:
      'The contacts the agent handled in a period (from inclusive, to exclusive; offered counts them, abandonRate is null: abandoned calls reached no agent); null outside your access scope',
  })
  async trafficSummary(
    @Root() agent: AgentTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrafficSummaryType | null> {
    checkPeriod({ from, to });
    if (!(await ctx.scope()).seesAgent(agent.employeeNo)) return null;
    return Object.assign(
      new TrafficSummaryType(),
      await loadSummary(ctx, 'agent_key', agent.employeeNo, { from, to }),
      // a call abandoned in the queue reached no agent: an agent has no abandon rate (not 0, on target)
      { abandonRate: null },
    );
  }

  @FieldResolver(() => AgentStateSummaryType, {
    nullable: true,
    description:
      'Time in each state, occupancy and utilization over a period; null outside your access scope',
  })
  async agentStates(
    @Root() agent: AgentTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentStateSummaryType | null> {
    checkPeriod({ from, to });
    if (!(await ctx.scope()).seesAgent(agent.employeeNo)) return null;
    return agentStateLoader(ctx, { from, to }).load(agent.employeeNo);
  }
}
