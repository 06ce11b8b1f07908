import { packStateSpans, type AgentState } from '@switchboard/contracts';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPeriod, loadSummary } from '../stats/summary-loader';
import { TrafficSummaryType } from '../stats/traffic-stats.type';
import { agentStateSpansLoader, AgentStateSpanType } from './agent-state-spans';
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

  @FieldResolver(() => [AgentStateSpanType], {
    nullable: true,
    description:
      "The agent's states over a period as spans (from inclusive, to exclusive; at most 31 days), for schedule adherence; logged-out time is no span; null outside your access scope",
  })
  async stateSpans(
    @Root() agent: AgentTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentStateSpanType[] | null> {
    checkSpanPeriod(from, to);
    if (!(await ctx.scope()).seesAgent(agent.employeeNo)) return null;
    const spans = await agentStateSpansLoader(ctx, { from, to }).load(agent.employeeNo);
    return spans.map((s) =>
      Object.assign(new AgentStateSpanType(), {
        start: new Date(s.start),
        end: new Date(s.end),
        state: s.state,
        reason: s.reason,
      }),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The spans of stateSpans packed in one string for bulk readers (schedule adherence of a center over a month): ' +
      '`<start>,<end>,<state>` per span, start and end in milliseconds after `from`, `;` between spans (reasons left out); ' +
      'null outside your access scope',
  })
  async stateSpansPacked(
    @Root() agent: AgentTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string | null> {
    checkSpanPeriod(from, to);
    if (!(await ctx.scope()).seesAgent(agent.employeeNo)) return null;
    const spans = await agentStateSpansLoader(ctx, { from, to }).load(agent.employeeNo);
    return packStateSpans(
      from.getTime(),
      spans.map((s) => ({ start: s.start, end: s.end, state: s.state as AgentState })),
    );
  }
}

/** Any instants (a schedule's day starts where its zone's midnight falls), not interval boundaries. */
function checkSpanPeriod(from: Date, to: Date): void {
  if (to <= from) throw badUserInput({ field: 'to', message: 'must be after from' });
  if (to.getTime() - from.getTime() > 31 * 86_400_000)
    throw badUserInput({ field: 'to', message: 'the period of state spans is at most 31 days' });
}
