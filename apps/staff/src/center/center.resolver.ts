import { requireWholeScope, seenAgents, type SubgraphContext } from '@switchboard/subgraph-kit';
import { outsideScope } from '@switchboard/auth';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaffWriter } from '../access/staff-access';
import { toAgentType } from '../agent/agent.mapper';
import { AgentType } from '../agent/agent.type';
import { staffLoaders } from '../staff.loaders';
import { todayUtc } from '../common/validation';
import { toTeamType } from '../team/team.mapper';
import { TeamType } from '../team/team.type';
import { CenterKind } from './center.entity';
import { CreateCenterInput, UpdateCenterInput } from './center.input';
import { toCenterType } from './center.mapper';
import { CenterService } from './center.service';
import { CenterType } from './center.type';

@Resolver(() => CenterType)
export class CenterResolver {
  @Query(() => [CenterType], { description: 'Every center, by code; optionally only one kind' })
  async centers(
    @Arg('kind', () => CenterKind, { nullable: true }) kind: CenterKind | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CenterType[]> {
    return (await new CenterService(ctx.em).list(kind, (await ctx.scope()).centerIds)).map(toCenterType);
  }

  @Query(() => CenterType, { nullable: true, description: 'One center by id or by code' })
  async center(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CenterType | null> {
    const scope = await ctx.scope();
    if (id) scope.requireCenter(id, 'center');
    else if (code && !scope.seesCenterCode(code)) throw outsideScope('center');
    const center = id
      ? await staffLoaders.centerById(ctx).load(id)
      : code
        ? await new CenterService(ctx.em).findByCode(code)
        : null;
    return center ? toCenterType(center) : null;
  }

  @FieldResolver(() => [TeamType])
  async teams(@Root() center: CenterType, @Ctx() ctx: SubgraphContext): Promise<TeamType[]> {
    const scope = await ctx.scope();
    const teams = await staffLoaders.teamsByCenter(ctx).load(center.id);
    return (scope.all ? teams : teams.filter((team) => scope.seesTeam(team.id))).map(toTeamType);
  }

  @FieldResolver(() => [AgentType], {
    description: "Agents in the center's teams today (UTC), by employee number; other subgraphs @requires it",
  })
  async agents(@Root() center: CenterType, @Ctx() ctx: SubgraphContext): Promise<AgentType[]> {
    const members = await staffLoaders.membersOfCenter(ctx, todayUtc()).load(center.id);
    return seenAgents(await ctx.scope(), members).map(toAgentType);
  }

  @Mutation(() => CenterType)
  async createCenter(
    @Arg('input', () => CreateCenterInput) input: CreateCenterInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CenterType> {
    requireStaffWriter(ctx, 'createCenter');
    await requireWholeScope(ctx, 'createCenter');
    return toCenterType(await new CenterService(ctx.em).create(input));
  }

  @Mutation(() => CenterType)
  async updateCenter(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCenterInput) input: UpdateCenterInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CenterType> {
    requireStaffWriter(ctx, 'updateCenter');
    (await ctx.scope()).requireCenter(id, 'updateCenter');
    return toCenterType(await new CenterService(ctx.em).update(id, input));
  }
}
