import { GraphQLLocalDate, type SubgraphContext } from '@switchboard/subgraph-kit';
import { badUserInput } from '@switchboard/server';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { checkDays } from '../schedule/schedule.resolver';
import { fetchAgentStateSpans } from './agent-states.client';
import { AdherenceService } from './adherence.service';
import { AgentAdherenceType } from './adherence.type';

/** Days of one adherence request (traffic gives state spans over at most 31 days). */
export const MAX_ADHERENCE_DAYS = 30;

@Resolver()
export class AdherenceResolver {
  @Query(() => [AgentAdherenceType], {
    description:
      'Schedule adherence, conformance and shrinkage per agent and day, and over the period, of the schedules you see (a manager their centers’ agents, a lead their teams’, an agent their own), days from (inclusive) to (exclusive), at most 30 days; states from traffic',
  })
  async adherence(
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('employeeNos', () => [String], { nullable: true }) employeeNos: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentAdherenceType[]> {
    checkDays(from, to);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days > MAX_ADHERENCE_DAYS)
      throw badUserInput({ field: 'to', message: `the period is at most ${MAX_ADHERENCE_DAYS} days` });
    return new AdherenceService(ctx.em, fetchAgentStateSpans).adherence((await ctx.scope()).employeeNos, {
      from,
      to,
      employeeNos: employeeNos ?? null,
    });
  }
}
