import { DEFAULT_MIN_RESPONSES } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SurveyStatsService, type SurveyGroup, type SurveyRankMetric } from './survey-stats.service';
import { SurveyGroupEnum, SurveyRankMetricEnum, SurveyStatsType } from './survey-stats.type';

@Resolver()
export class SurveyStatsResolver {
  @Query(() => [SurveyStatsType], {
    description:
      "CSAT, NPS, CES and response rate with n and 95 % intervals per group, for contacts that arrived in [from, to); managers see their centers, leads their teams' agents, agents themselves",
  })
  async surveyStats(
    @Arg('groupBy', () => [SurveyGroupEnum]) groupBy: SurveyGroup[],
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('rankBy', () => SurveyRankMetricEnum, { defaultValue: 'CSAT' }) rankBy: SurveyRankMetric,
    @Arg('minResponses', () => Int, { defaultValue: DEFAULT_MIN_RESPONSES }) minResponses: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyStatsType[]> {
    if (minResponses < 1) throw badUserInput({ field: 'minResponses', message: 'must be at least 1' });
    const scope = await ctx.scope();
    const rows = await new SurveyStatsService(ctx.em).stats(
      groupBy,
      from,
      to,
      scope.all
        ? { centerIds: null, employeeNos: null }
        : { centerIds: scope.centerIds ?? [], employeeNos: scope.employeeNos ?? [] },
      rankBy,
      minResponses,
    );
    // the service's rows as they are (plain objects, no copy): a year by agent and month is 12,000 of them
    return rows satisfies SurveyStatsType[];
  }
}
