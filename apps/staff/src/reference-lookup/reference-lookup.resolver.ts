import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { byKeys } from '@switchboard/subgraph-kit';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { toAgentType } from '../agent/agent.mapper';
import { AgentType } from '../agent/agent.type';
import { toCenterType } from '../center/center.mapper';
import { CenterType } from '../center/center.type';
import { staffLoaders } from '../staff.loaders';
import { SkillService } from '../skill/skill.service';
import { toSkillType } from '../skill/skill.mapper';
import { SkillType } from '../skill/skill.type';
import { toTeamType } from '../team/team.mapper';
import { TeamType } from '../team/team.type';

const LIST = { description: 'At most 500 keys' };

@InputType({ description: 'A team and an instant: who led it then' })
export class TeamLeadAskInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => GraphQLDateTimeISO)
  at!: Date;
}

/**
 * Batched lookups by key, as `_entities` answers them (the records in the keys' order, null where
 * none or not visible to the caller), so other subgraphs can check, through the gateway, that the
 * records a write names exist: one statement per kind and request (subgraph-kit's references).
 */
@Resolver()
export class ReferenceLookupResolver {
  @Query(() => [CenterType], { nullable: 'items', description: 'Centers by id, in order; null where none' })
  async centersById(
    @Arg('ids', () => [ID], LIST) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(CenterType | null)[]> {
    const keys = checked(ids, 'ids');
    const scope = await ctx.scope();
    const centers = await staffLoaders.centerById(ctx).loadMany(keys);
    return centers.map((c) =>
      c && !(c instanceof Error) && scope.seesCenter(c.id) ? toCenterType(c) : null,
    );
  }

  @Query(() => [TeamType], { nullable: 'items', description: 'Teams by id, in order; null where none' })
  async teamsById(
    @Arg('ids', () => [ID], LIST) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(TeamType | null)[]> {
    const keys = checked(ids, 'ids');
    const scope = await ctx.scope();
    const teams = await staffLoaders.teamById(ctx).loadMany(keys);
    return teams.map((t) => (t && !(t instanceof Error) && scope.seesTeam(t.id) ? toTeamType(t) : null));
  }

  @Query(() => [AgentType], {
    nullable: 'items',
    description: 'Agents (any status) by employee number, in order; null where none',
  })
  async agentsByEmployeeNo(
    @Arg('employeeNos', () => [String], LIST) employeeNos: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(AgentType | null)[]> {
    const keys = checked(employeeNos, 'employeeNos');
    const scope = await ctx.scope();
    const agents = await staffLoaders.agentByEmployeeNo(ctx).loadMany(keys);
    return agents.map((a) =>
      a && !(a instanceof Error) && scope.seesAgent(a.employeeNo) ? toAgentType(a) : null,
    );
  }

  @Query(() => [AgentType], {
    nullable: 'items',
    description:
      "The lead each team had at each instant, from the team's dated lead history (in order; null where " +
      'the team had no lead then, is unknown, or neither it nor the lead is visible to the caller)',
  })
  async teamLeadsAt(
    @Arg('asks', () => [TeamLeadAskInput], LIST) asks: TeamLeadAskInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(AgentType | null)[]> {
    checked(asks, 'asks');
    const scope = await ctx.scope();
    const leadIds = await staffLoaders
      .leadAt(ctx)
      .loadMany(asks.map((a) => `${a.teamId}@${a.at.toISOString()}`));
    const ids = leadIds.filter((id): id is string => typeof id === 'string');
    const agents = await staffLoaders.agentById(ctx).loadMany([...new Set(ids)]);
    const byId = new Map(agents.flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a] as const] : [])));
    return asks.map((ask, i) => {
      const id = leadIds[i];
      const lead = typeof id === 'string' ? byId.get(id) : undefined;
      // as Team.lead: a team's lead is visible with the team (or as anyone the caller sees)
      return lead && (scope.seesTeam(ask.teamId) || scope.seesAgent(lead.employeeNo))
        ? toAgentType(lead)
        : null;
    });
  }

  @Query(() => [SkillType], { nullable: 'items', description: 'Skills by code, in order; null where none' })
  async skillsByCode(
    @Arg('codes', () => [String], LIST) codes: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<(SkillType | null)[]> {
    const keys = checked(codes, 'codes');
    const skills = await new SkillService(ctx.em).findByCodes(keys);
    return byKeys(keys, skills, (s) => s.code).map((s) => (s ? toSkillType(s) : null));
  }
}

function checked<T>(keys: T[], field: string): T[] {
  if (keys.length > 500) throw badUserInput({ field, message: 'at most 500 keys' });
  return keys;
}
