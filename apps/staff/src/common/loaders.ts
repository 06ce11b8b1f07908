import { byKeys, groupByKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { AgentSkill } from '../agent/agent-skill.entity';
import { Agent } from '../agent/agent.entity';
import { Center } from '../center/center.entity';
import { TeamMembership } from '../team/team-membership.entity';
import { Team } from '../team/team.entity';
import { isUuid } from './validation';

/**
 * The staff subgraph's per-request loaders: each turns a batch of keys into one SQL statement.
 * Field resolvers and reference resolvers use these, never a query per parent.
 */
export const staffLoaders = {
  centerById: (ctx: SubgraphContext): DataLoader<string, Center | null> =>
    ctx.loaders.get('centerById', async (ids: readonly string[]) =>
      byKeys(ids, await ctx.em.find(Center, { id: { $in: ids.filter(isUuid) } }), (c) => c.id),
    ),

  teamById: (ctx: SubgraphContext): DataLoader<string, Team | null> =>
    ctx.loaders.get('teamById', async (ids: readonly string[]) =>
      byKeys(ids, await ctx.em.find(Team, { id: { $in: ids.filter(isUuid) } }), (t) => t.id),
    ),

  teamsByCenter: (ctx: SubgraphContext): DataLoader<string, Team[]> =>
    ctx.loaders.get('teamsByCenter', async (centerIds: readonly string[]) =>
      groupByKeys(
        centerIds,
        await ctx.em.find(Team, { center: { $in: [...centerIds] } }, { orderBy: { code: 'asc' } }),
        (t) => t.center.id,
      ),
    ),

  agentById: (ctx: SubgraphContext): DataLoader<string, Agent | null> =>
    ctx.loaders.get('agentById', async (ids: readonly string[]) =>
      byKeys(ids, await ctx.em.find(Agent, { id: { $in: ids.filter(isUuid) } }), (a) => a.id),
    ),

  agentByEmployeeNo: (ctx: SubgraphContext): DataLoader<string, Agent | null> =>
    ctx.loaders.get('agentByEmployeeNo', async (numbers: readonly string[]) =>
      byKeys(numbers, await ctx.em.find(Agent, { employeeNo: { $in: [...numbers] } }), (a) => a.employeeNo),
    ),

  /** Members of each team on `asOf` (YYYY-MM-DD), from the dated membership history. */
  membersOfTeam: (ctx: SubgraphContext, asOf: string): DataLoader<string, Agent[]> =>
    ctx.loaders.get(`membersOfTeam:${asOf}`, async (teamIds: readonly string[]) =>
      membersOn(ctx, 'm.team_id', teamIds, asOf),
    ),

  /** Members of each center's teams on `asOf` (YYYY-MM-DD), by employee number. */
  membersOfCenter: (ctx: SubgraphContext, asOf: string): DataLoader<string, Agent[]> =>
    ctx.loaders.get(`membersOfCenter:${asOf}`, async (centerIds: readonly string[]) =>
      membersOn(ctx, 't.center_id', centerIds, asOf),
    ),

  skillsOfAgent: (ctx: SubgraphContext): DataLoader<string, AgentSkill[]> =>
    ctx.loaders.get('skillsOfAgent', async (agentIds: readonly string[]) =>
      groupByKeys(
        agentIds,
        await ctx.em.find(
          AgentSkill,
          { agent: { $in: [...agentIds] } },
          { populate: ['skill'], orderBy: { skill: { code: 'asc' } } },
        ),
        (s) => s.agent.id,
      ),
    ),

  historyOfAgent: (ctx: SubgraphContext): DataLoader<string, TeamMembership[]> =>
    ctx.loaders.get('historyOfAgent', async (agentIds: readonly string[]) =>
      groupByKeys(
        agentIds,
        await ctx.em.find(
          TeamMembership,
          { agent: { $in: [...agentIds] } },
          { orderBy: { validFrom: 'asc' } },
        ),
        (m) => m.agent.id,
      ),
    ),
};

/**
 * The members on `asOf` of each group (teams by `m.team_id`, centers by `t.center_id`), by employee
 * number: their ids in one statement, then the agents through agentById (one statement for every
 * agent the request needs, each agent built once), not a membership entity per member and group.
 */
async function membersOn(
  ctx: SubgraphContext,
  group: 'm.team_id' | 't.center_id',
  groupIds: readonly string[],
  asOf: string,
): Promise<Agent[][]> {
  const pairs = await ctx.em.getConnection().execute<{ group_id: string; agent_id: string }[]>(
    `select ${group}::text as group_id, m.agent_id::text as agent_id
     from team_membership m join team t on t.id = m.team_id join agent a on a.id = m.agent_id
     where ${group} = any(?::uuid[]) and m.valid_from <= ?::date and (m.valid_to is null or m.valid_to > ?::date)
     order by a.employee_no`,
    // an array literal: the driver would spread a JS array into a list (the ids are checked uuids)
    [`{${groupIds.filter(isUuid).join(',')}}`, asOf, asOf],
  );
  const agents = await staffLoaders.agentById(ctx).loadMany([...new Set(pairs.map((p) => p.agent_id))]);
  const byId = new Map<string, Agent>();
  for (const agent of agents) if (agent && !(agent instanceof Error)) byId.set(agent.id, agent);
  return groupByKeys(
    groupIds,
    pairs.filter((p) => byId.has(p.agent_id)),
    (p) => p.group_id,
  ).map((group) => group.map((p) => byId.get(p.agent_id) as Agent));
}
