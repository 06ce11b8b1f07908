import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { requirePerformanceScope } from '../../access/kpi-access';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AgentRef } from './agent-ref.type';
import { TrendPeriodInput } from '../../performance/performance.input';
import { trendRecords } from '../../performance/performance-trend';
import { PerformanceType } from '../../performance/performance.type';

@Resolver(() => AgentRef)
export class AgentPerformanceResolver {
  @FieldResolver(() => [PerformanceType], {
    description:
      "The agent's performance per day, week or month of a range, as performanceTrend with scope AGENT " +
      '(the same records and access: an agent outside your scope has records without metrics)',
  })
  async performanceTrend(
    @Root() agent: AgentRef,
    @Arg('input', () => TrendPeriodInput) input: TrendPeriodInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceType[]> {
    await requirePerformanceScope(ctx, 'AGENT', agent.id, 'Agent.performanceTrend');
    return trendRecords({ type: 'AGENT', id: agent.id }, input);
  }
}
