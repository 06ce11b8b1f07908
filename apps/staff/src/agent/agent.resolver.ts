import { GraphQLLocalDate, requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CenterType } from '../center/center.type';
import { toCenterType } from '../center/center.mapper';
import { staffLoaders } from '../staff.loaders';
import { toTeamType } from '../team/team.mapper';
import { TeamType } from '../team/team.type';
import { requireHireable, requireStaffWriter, visibleAgentById } from '../access/staff-access';
import { searchAgents } from './agent-search';
import {
  AgentFilter,
  HireAgentInput,
  TerminateAgentInput,
  TransferAgentInput,
  UpdateAgentInput,
} from './agent.input';
import { toAgentSkillType, toAgentType, toTeamAssignmentType } from './agent.mapper';
import { AgentService } from './agent.service';
import { AgentConnectionType, AgentSkillType, AgentType, TeamAssignmentType } from './agent.type';

@Resolver(() => AgentType)
export class AgentResolver {
  @Query(() => AgentConnectionType, {
    description: 'Agents matching a filter, by employee number, a page at a time',
  })
  async agents(
    @Arg('filter', () => AgentFilter, { nullable: true }) filter: AgentFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1-500' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentConnectionType> {
    const page = await searchAgents(ctx.em, filter ?? {}, first, after, (await ctx.scope()).employeeNos);
    return Object.assign(new AgentConnectionType(), {
      nodes: page.agents.map(toAgentType),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
      totalCount: page.totalCount,
    });
  }

  @Query(() => AgentType, { nullable: true, description: 'One agent by id or by employee number' })
  async agent(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('employeeNo', () => String, { nullable: true }) employeeNo: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType | null> {
    if (!id && employeeNo) (await ctx.scope()).requireAgent(employeeNo, 'agent');
    const agent = id
      ? await visibleAgentById(ctx, id, 'agent')
      : employeeNo
        ? await staffLoaders.agentByEmployeeNo(ctx).load(employeeNo)
        : null;
    return agent ? toAgentType(agent) : null;
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'The team the agent is assigned to now' })
  async team(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext): Promise<TeamType | null> {
    const team = agent.teamId ? await staffLoaders.teamById(ctx).load(agent.teamId) : null;
    return team ? toTeamType(team) : null;
  }

  @FieldResolver(() => CenterType, { nullable: true, description: "The center of the agent's current team" })
  async center(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext): Promise<CenterType | null> {
    const team = agent.teamId ? await staffLoaders.teamById(ctx).load(agent.teamId) : null;
    const center = team ? await staffLoaders.centerById(ctx).load(team.center.id) : null;
    return center ? toCenterType(center) : null;
  }

  @FieldResolver(() => [AgentSkillType])
  async skills(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext): Promise<AgentSkillType[]> {
    return (await staffLoaders.skillsOfAgent(ctx).load(agent.id)).map(toAgentSkillType);
  }

  @FieldResolver(() => [TeamAssignmentType], {
    description: 'Every team the agent has belonged to, oldest first',
  })
  async teamHistory(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext): Promise<TeamAssignmentType[]> {
    return (await staffLoaders.historyOfAgent(ctx).load(agent.id)).map(toTeamAssignmentType);
  }

  @FieldResolver(() => TeamType, {
    nullable: true,
    description: 'The team the agent belonged to on a given day',
  })
  async teamOn(
    @Root() agent: AgentType,
    @Arg('date', () => GraphQLLocalDate) date: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType | null> {
    const history = await staffLoaders.historyOfAgent(ctx).load(agent.id);
    const period = history.find((m) => m.validFrom <= date && (m.validTo === null || m.validTo > date));
    const team = period ? await staffLoaders.teamById(ctx).load(period.team.id) : null;
    return team ? toTeamType(team) : null;
  }

  @Mutation(() => AgentType)
  async hireAgent(
    @Arg('input', () => HireAgentInput) input: HireAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType> {
    requireStaffWriter(ctx, 'hireAgent');
    if (input.teamId == null) await requireWholeScope(ctx, 'hireAgent');
    else (await ctx.scope()).requireTeam(input.teamId, 'hireAgent');
    await requireHireable(ctx, input.employeeNo, 'hireAgent');
    return toAgentType(await new AgentService(ctx.em).hire(input));
  }

  @Mutation(() => AgentType)
  async updateAgent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgentInput) input: UpdateAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType> {
    requireStaffWriter(ctx, 'updateAgent');
    await visibleAgentById(ctx, id, 'updateAgent');
    return toAgentType(await new AgentService(ctx.em).update(id, input));
  }

  @Mutation(() => AgentType, { description: 'Moves an agent to another team, keeping the dated history' })
  async transferAgent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TransferAgentInput) input: TransferAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType> {
    requireStaffWriter(ctx, 'transferAgent');
    (await ctx.scope()).requireTeam(input.teamId, 'transferAgent');
    await visibleAgentById(ctx, id, 'transferAgent');
    return toAgentType(await new AgentService(ctx.em).transfer(id, input));
  }

  @Mutation(() => AgentType)
  async terminateAgent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TerminateAgentInput) input: TerminateAgentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType> {
    requireStaffWriter(ctx, 'terminateAgent');
    await visibleAgentById(ctx, id, 'terminateAgent');
    return toAgentType(await new AgentService(ctx.em).terminate(id, input));
  }
}
