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
    ctx.loaders.get(`membersOfTeam:${asOf}`, async (teamIds: readonly string[]) => {
      const memberships = await ctx.em.find(
        TeamMembership,
        {
          team: { $in: [...teamIds] },
          validFrom: { $lte: asOf },
          $or: [{ validTo: null }, { validTo: { $gt: asOf } }],
        },
        { populate: ['agent'], orderBy: { agent: { employeeNo: 'asc' } } },
      );
      return groupByKeys(teamIds, memberships, (m) => m.team.id).map((group) => group.map((m) => m.agent));
    }),

  /** Members of each center's teams on `asOf` (YYYY-MM-DD), by employee number. */
  membersOfCenter: (ctx: SubgraphContext, asOf: string): DataLoader<string, Agent[]> =>
    ctx.loaders.get(`membersOfCenter:${asOf}`, async (centerIds: readonly string[]) => {
      const memberships = await ctx.em.find(
        TeamMembership,
        {
          team: { center: { $in: [...centerIds] } },
          validFrom: { $lte: asOf },
          $or: [{ validTo: null }, { validTo: { $gt: asOf } }],
        },
        { populate: ['agent', 'team'], orderBy: { agent: { employeeNo: 'asc' } } },
      );
      return groupByKeys(centerIds, memberships, (m) => m.team.center.id).map((group) =>
        group.map((m) => m.agent),
      );
    }),

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
