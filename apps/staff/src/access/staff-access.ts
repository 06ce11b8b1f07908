import { outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { Agent } from '../agent/agent.entity';
import { staffLoaders } from '../staff.loaders';
import type { Team } from '../team/team.entity';

/*
 * Staff's access rules (issue 7), one place:
 * - reads: lists (agents, centers, teams) are filtered in SQL by the caller's scope; one object asked
 *   for explicitly outside the scope is FORBIDDEN, decided from the key when the key tells (employee
 *   number, center id or code, team id or code), and FORBIDDEN also when a restricted caller names
 *   something that does not exist, so the answer never reveals existence;
 * - references and fields: an agent outside the scope resolves to null. A center or team outside the
 *   scope, reached from something visible (an agent's team, a team's center, a reference from another
 *   subgraph), shows its org-chart identity (id, code, name) but no people: members, agents, lead and
 *   teams are empty or null. People lists of visible teams and centers hold only the agents the
 *   caller sees (scope = today's membership);
 * - writes: HR and ADMIN only, and only inside the writer's scope (an HR officer limited to centers
 *   changes only those centers' teams and agents; centers, skills and agents without a team are
 *   bank-wide, for writers who see every center). No self-service exception in staff.
 */

/** Refuses a caller who may not write staff data. */
export function requireStaffWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.staff, action);
}

/** The agent by id if the caller sees it; FORBIDDEN otherwise, also for an unknown id when restricted. */
export async function visibleAgentById(
  ctx: SubgraphContext,
  id: string,
  action: string,
): Promise<Agent | null> {
  const [scope, agent] = await Promise.all([ctx.scope(), staffLoaders.agentById(ctx).load(id)]);
  if (scope.all) return agent;
  if (!agent || !scope.seesAgent(agent.employeeNo)) throw outsideScope(action);
  return agent;
}

/**
 * A restricted writer hiring under an employee number another agent holds, one they do not see, is
 * refused as for any agent outside their scope (FORBIDDEN, naming no one), not told that the number
 * is taken, by whom or where (issue 17); a number held inside their scope is a plain conflict.
 */
export async function requireHireable(
  ctx: SubgraphContext,
  employeeNo: string,
  action: string,
): Promise<void> {
  const [scope, holder] = await Promise.all([
    ctx.scope(),
    staffLoaders.agentByEmployeeNo(ctx).load(employeeNo),
  ]);
  if (holder && !scope.seesAgent(holder.employeeNo)) throw outsideScope(action);
}

/** The team by code if the caller sees it (see visibleAgentById). */
export async function requireVisibleTeam(
  ctx: SubgraphContext,
  team: Team | null,
  action: string,
): Promise<Team | null> {
  const scope = await ctx.scope();
  if (!scope.all && !scope.seesTeam(team?.id)) throw outsideScope(action);
  return team;
}
