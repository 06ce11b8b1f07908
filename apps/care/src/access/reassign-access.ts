import { outsideScope, requireRole } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';
import { careServices, type AgentPlacement } from '../care-services';

/*
 * Reassigning a follow-up or a case (issue 18): TEAM_LEAD within their team, CENTER_MANAGER within
 * their center, CASE_HANDLER within the centers they see, ADMIN anywhere. Both the record and the
 * new owner must be in the caller's reach; the new owner is checked through the gateway (staff).
 */
export const REASSIGNERS = ['TEAM_LEAD', 'CENTER_MANAGER', 'CASE_HANDLER', 'ADMIN'] as const;

/** Refuses a caller whose role may not reassign (FORBIDDEN). */
export function requireReassigner(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, REASSIGNERS, action);
}

/**
 * The new owner, from staff through the gateway (one call): BAD_USER_INPUT on `field` when there is
 * no such agent, FORBIDDEN when their team and center are both outside the caller's scope.
 */
export async function reassignTarget(
  scope: DataScope,
  employeeNo: string,
  field: string,
  action: string,
): Promise<AgentPlacement> {
  const [target] = await careServices().agents([employeeNo]);
  if (!target) throw badUserInput({ field, message: `no agent ${employeeNo}` });
  if (!scope.all && !scope.seesTeam(target.teamId) && !scope.seesCenter(target.centerId))
    throw outsideScope(action);
  return target;
}
