import { GraphQLLocalDate, seenAgents, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaffWriter, requireVisibleTeam } from '../access/staff-access';
import { toAgentType } from '../agent/agent.mapper';
import { AgentType } from '../agent/agent.type';
import { toCenterType } from '../center/center.mapper';
import { CenterType } from '../center/center.type';
import { staffLoaders } from '../staff.loaders';
import { todayUtc } from '../common/validation';
import { CreateTeamInput, UpdateTeamInput } from './team.input';
import { toTeamType } from './team.mapper';
import { TeamService } from './team.service';
import { TeamType } from './team.type';

@Resolver(() => TeamType)
export class TeamResolver {
  @Query(() => [TeamType], { description: 'Teams, of one center or of all' })
  async teams(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType[]> {
    return (await new TeamService(ctx.em).list(centerId, (await ctx.scope()).teamIds)).map(toTeamType);
  }

  @Query(() => TeamType, { nullable: true, description: 'One team by id or by code' })
  async team(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType | null> {
    const scope = await ctx.scope();
    if (id) scope.requireTeam(id, 'team');
    const team = id
      ? await staffLoaders.teamById(ctx).load(id)
      : code
        ? await new TeamService(ctx.em).findByCode(code)
        : null;
    // a code says nothing about a manager's teams: decided on the row (unknown codes refused too)
    if (!id && code && !scope.seesTeamCode(code)) await requireVisibleTeam(ctx, team, 'team');
    return team ? toTeamType(team) : null;
  }

  @FieldResolver(() => CenterType)
  async center(@Root() team: TeamType, @Ctx() ctx: SubgraphContext): Promise<CenterType> {
    const center = await staffLoaders.centerById(ctx).load(team.centerId);
    if (!center) throw new Error(`team ${team.id} has no center`);
    return toCenterType(center);
  }

  @FieldResolver(() => AgentType, { nullable: true, description: 'The team lead' })
  async lead(@Root() team: TeamType, @Ctx() ctx: SubgraphContext): Promise<AgentType | null> {
    const lead = team.leadAgentId ? await staffLoaders.agentById(ctx).load(team.leadAgentId) : null;
    const scope = await ctx.scope();
    // a team's lead is part of the team: visible with it (or as anyone the caller sees)
    return lead && (scope.seesTeam(team.id) || scope.seesAgent(lead.employeeNo)) ? toAgentType(lead) : null;
  }

  @FieldResolver(() => [AgentType], {
    description: 'Agents in the team on a day (default today, UTC), by employee number',
  })
  async members(
    @Root() team: TeamType,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true }) asOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType[]> {
    const members = await staffLoaders.membersOfTeam(ctx, asOf ?? todayUtc()).load(team.id);
    return seenAgents(await ctx.scope(), members).map(toAgentType);
  }

  @FieldResolver(() => [AgentType], {
    description:
      'Agents in the team today (UTC), by employee number; the same as members with no date, ' +
      'and argument-free so other subgraphs can @requires it',
  })
  async agents(@Root() team: TeamType, @Ctx() ctx: SubgraphContext): Promise<AgentType[]> {
    const members = await staffLoaders.membersOfTeam(ctx, todayUtc()).load(team.id);
    return seenAgents(await ctx.scope(), members).map(toAgentType);
  }

  @Mutation(() => TeamType)
  async createTeam(
    @Arg('input', () => CreateTeamInput) input: CreateTeamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType> {
    requireStaffWriter(ctx, 'createTeam');
    (await ctx.scope()).requireCenter(input.centerId, 'createTeam');
    if (input.leadEmployeeNo) (await ctx.scope()).requireAgent(input.leadEmployeeNo, 'createTeam');
    return toTeamType(await new TeamService(ctx.em).create(input));
  }

  @Mutation(() => TeamType)
  async updateTeam(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType> {
    requireStaffWriter(ctx, 'updateTeam');
    (await ctx.scope()).requireTeam(id, 'updateTeam');
    if (input.leadEmployeeNo) (await ctx.scope()).requireAgent(input.leadEmployeeNo, 'updateTeam');
    return toTeamType(await new TeamService(ctx.em).update(id, input));
  }
}
