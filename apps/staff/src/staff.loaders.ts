import { LoadStrategy } from '@mikro-orm/core';
import { pgArray } from '@switchboard/db';
import { byKeys, groupByKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import type { AgentSkill } from './agent/agent-skill.entity';
import { Agent } from './agent/agent.entity';
import { Center } from './center/center.entity';
import { TeamMembership } from './team/team-membership.entity';
import { Team } from './team/team.entity';
import { isUuid } from './common/validation';

/** A skill an agent holds, as the API reads it (an AgentSkill entity is one). */
export type AgentSkillRecord = Pick<AgentSkill, 'skill' | 'proficiency'> & { agentId: string };

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

  /**
   * Agents by employee number (how a token, the agent page and the other subgraphs name them) with
   * their team and its center joined in, priming those loaders: the agent page's agent with its team
   * and center is one statement, not three (issue 23).
   */
  agentByEmployeeNo: (ctx: SubgraphContext): DataLoader<string, Agent | null> =>
    ctx.loaders.get('agentByEmployeeNo', async (numbers: readonly string[]) => {
      const agents = await ctx.em.find(
        Agent,
        { employeeNo: { $in: [...numbers] } },
        { populate: ['team.center'], strategy: LoadStrategy.JOINED },
      );
      for (const { team } of agents) {
        if (!team) continue;
        staffLoaders.teamById(ctx).prime(team.id, team);
        staffLoaders.centerById(ctx).prime(team.center.id, team.center);
      }
      return byKeys(numbers, agents, (a) => a.employeeNo);
    }),

  /** Members of each team on `asOf` (YYYY-MM-DD), from the dated membership history. */
  membersOfTeam: (ctx: SubgraphContext, asOf: string): MembersLoader =>
    onDay(
      ctx.loaders.get('membersOfTeam', async (keys: readonly string[]) => membersOn(ctx, 'm.team_id', keys)),
      asOf,
    ),

  /** Members of each center's teams on `asOf` (YYYY-MM-DD), by employee number. */
  membersOfCenter: (ctx: SubgraphContext, asOf: string): MembersLoader =>
    onDay(
      ctx.loaders.get('membersOfCenter', async (keys: readonly string[]) =>
        membersOn(ctx, 't.center_id', keys),
      ),
      asOf,
    ),

  /**
   * An agent's skills by skill code, read as rows (issue 23: training @requires them on every agent
   * page; MikroORM's find with the joined skill cost more than the statement). Read only: the
   * roster import writes skills through its own entities.
   */
  skillsOfAgent: (ctx: SubgraphContext): DataLoader<string, AgentSkillRecord[]> =>
    ctx.loaders.get('skillsOfAgent', async (agentIds: readonly string[]) => {
      const ids = agentIds.filter(isUuid);
      const rows = ids.length
        ? await ctx.em.execute<
            {
              agent_id: string;
              proficiency: number;
              id: string;
              code: string;
              name: string;
              description: string | null;
            }[]
          >(
            `select a.agent_id, a.proficiency, s.id, s.code, s.name, s.description
             from agent_skill a join skill s on s.id = a.skill_id
             where a.agent_id = any(?::uuid[]) order by s.code asc`,
            [pgArray(ids)],
          )
        : [];
      return groupByKeys(
        agentIds,
        rows.map((row) => ({
          agentId: row.agent_id,
          proficiency: row.proficiency,
          skill: { id: row.id, code: row.code, name: row.name, description: row.description },
        })),
        (s) => s.agentId,
      );
    }),

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

  /**
   * The lead's agent id of each team at each instant, key `<team id>@<ISO instant>`, null where the
   * team had no lead then: one statement for the batch, from the dated lead history.
   */
  leadAt: (ctx: SubgraphContext): DataLoader<string, string | null> =>
    ctx.loaders.get('leadAt', async (keys: readonly string[]) => {
      const pairs = keys
        .map((key) => ({ key, teamId: key.slice(0, key.indexOf('@')), at: key.slice(key.indexOf('@') + 1) }))
        .filter((k) => isUuid(k.teamId) && !Number.isNaN(Date.parse(k.at)));
      const rows = pairs.length
        ? await ctx.em.execute<{ key: string; lead_agent_id: string }[]>(
            `select k.key, p.lead_agent_id::text as lead_agent_id
               from unnest(?::text[], ?::uuid[], ?::timestamptz[]) as k(key, team_id, at)
               join team_lead_period p on p.team_id = k.team_id and p.valid_from <= k.at
                and (p.valid_to is null or p.valid_to > k.at)`,
            [
              pgArray(pairs.map((p) => p.key)),
              pgArray(pairs.map((p) => p.teamId)),
              pgArray(pairs.map((p) => p.at)),
            ],
          )
        : [];
      const leadOf = new Map(rows.map((r) => [r.key, r.lead_agent_id]));
      return keys.map((key) => leadOf.get(key) ?? null);
    }),
};

/** A text array literal (elements quoted), so the driver passes one parameter, not a list. */

/**
 * The members on `asOf` of each group (teams by `m.team_id`, centers by `t.center_id`), by employee
 * number: their ids in one statement, then the agents through agentById (one statement for every
 * agent the request needs, each agent built once), not a membership entity per member and group.
 */
/** A group's members on one day: what callers load; every day of a request shares one loader. */
export interface MembersLoader {
  load: (groupId: string) => Promise<Agent[]>;
}

const onDay = (loader: DataLoader<string, Agent[]>, day: string): MembersLoader => ({
  load: (groupId) => loader.load(`${groupId}@${day}`),
});

/**
 * Members per (group, day) key `<group id>@<YYYY-MM-DD>`, in one statement for the whole batch: a
 * drill-down's teams on one day and a trend's year of days alike (a statement per day made a
 * year-by-day performanceTrend outlast the gateway's deadline).
 */
async function membersOn(
  ctx: SubgraphContext,
  group: 'm.team_id' | 't.center_id',
  keys: readonly string[],
): Promise<Agent[][]> {
  const pairs = keys
    .map((key) => ({
      key,
      groupId: key.slice(0, key.lastIndexOf('@')),
      day: key.slice(key.lastIndexOf('@') + 1),
    }))
    .filter((k) => isUuid(k.groupId) && /^\d{4}-\d{2}-\d{2}$/.test(k.day));
  const rows = await ctx.em.execute<{ key: string; agent_id: string }[]>(
    `select k.group_id::text || '@' || k.day::text as key, m.agent_id::text as agent_id
     from unnest(?::uuid[], ?::date[]) as k(group_id, day)
     join team_membership m on m.valid_from <= k.day and (m.valid_to is null or m.valid_to > k.day)
     join team t on t.id = m.team_id join agent a on a.id = m.agent_id
     where ${group} = k.group_id
     order by a.employee_no`,
    // array literals: the driver would spread a JS array into a list (ids and days are checked)
    [pgArray(pairs.map((p) => p.groupId)), pgArray(pairs.map((p) => p.day))],
  );
  const agents = await staffLoaders.agentById(ctx).loadMany([...new Set(rows.map((p) => p.agent_id))]);
  const byId = new Map<string, Agent>();
  for (const agent of agents) if (agent && !(agent instanceof Error)) byId.set(agent.id, agent);
  return groupByKeys(
    keys,
    rows.filter((p) => byId.has(p.agent_id)),
    (p) => p.key,
  ).map((members) => members.map((p) => byId.get(p.agent_id) as Agent));
}
