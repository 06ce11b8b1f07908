import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { toAgentType } from './agent/agent.mapper';
import type { AgentType } from './agent/agent.type';
import { toCenterType } from './center/center.mapper';
import type { CenterType } from './center/center.type';
import { staffLoaders } from './staff.loaders';
import { toTeamType } from './team/team.mapper';
import type { TeamType } from './team/team.type';

/**
 * Entity reference resolvers. Centers and teams resolve as org-chart nodes whatever the caller's
 * scope (their people fields are scoped); agents outside the scope resolve to null.
 * The gateway sends a batch of representations in one `_entities`
 * call; each goes through a DataLoader, so the batch costs one SQL statement per key kind.
 */
export const staffReferenceResolvers = {
  Center: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<CenterType | null> => {
      const center = await staffLoaders.centerById(ctx).load(ref.id);
      return center ? toCenterType(center) : null;
    },
  },
  Team: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<TeamType | null> => {
      const team = await staffLoaders.teamById(ctx).load(ref.id);
      return team ? toTeamType(team) : null;
    },
  },
  Agent: {
    __resolveReference: async (
      ref: { id?: string; employeeNo?: string },
      ctx: SubgraphContext,
    ): Promise<AgentType | null> => {
      const agent = ref.id
        ? await staffLoaders.agentById(ctx).load(ref.id)
        : ref.employeeNo
          ? await staffLoaders.agentByEmployeeNo(ctx).load(ref.employeeNo)
          : null;
      // outside the caller's scope: null, as for an unknown key (see access/staff-access.ts)
      return agent && (await ctx.scope()).seesAgent(agent.employeeNo) ? toAgentType(agent) : null;
    },
  },
};
