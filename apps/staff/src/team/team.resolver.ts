import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toAgentType } from '../agent/agent.mapper';
import { AgentType } from '../agent/agent.type';
import { toCenterType } from '../center/center.mapper';
import { CenterType } from '../center/center.type';
import { staffLoaders } from '../common/loaders';
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
    return (await new TeamService(ctx.em).list(centerId)).map(toTeamType);
  }

  @Query(() => TeamType, { nullable: true, description: 'One team by id or by code' })
  async team(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType | null> {
    const team = id
      ? await staffLoaders.teamById(ctx).load(id)
      : code
        ? await new TeamService(ctx.em).findByCode(code)
        : null;
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
    return lead ? toAgentType(lead) : null;
  }

  @FieldResolver(() => [AgentType], {
    description: 'Agents in the team on a day (default today, UTC), by employee number',
  })
  async members(
    @Root() team: TeamType,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true }) asOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType[]> {
    return (await staffLoaders.membersOfTeam(ctx, asOf ?? todayUtc()).load(team.id)).map(toAgentType);
  }

  @FieldResolver(() => [AgentType], {
    description:
      'Agents in the team today (UTC), by employee number; the same as members with no date, ' +
      'and argument-free so other subgraphs can @requires it',
  })
  async agents(@Root() team: TeamType, @Ctx() ctx: SubgraphContext): Promise<AgentType[]> {
    return (await staffLoaders.membersOfTeam(ctx, todayUtc()).load(team.id)).map(toAgentType);
  }

  @Mutation(() => TeamType)
  async createTeam(
    @Arg('input', () => CreateTeamInput) input: CreateTeamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType> {
    return toTeamType(await new TeamService(ctx.em).create(input));
  }

  @Mutation(() => TeamType)
  async updateTeam(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType> {
    return toTeamType(await new TeamService(ctx.em).update(id, input));
  }
}
