import { forbidden, hasRole, outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { AssignmentTargetInput } from '../assignment/assignment.input';

/*
 * Training's access rules (issue 7), one place:
 * - the catalog (courses, exams) is reference data: everyone reads it; only trainers who see every
 *   center (and ADMIN) change it;
 * - people's records (assignments, attempts, certifications, onboarding, HR reports, summaries) are
 *   scoped: lists and aggregates are computed in SQL over the agents the caller sees (a report over
 *   the whole bank becomes a report over the caller's agents); a team's or center's summary counts
 *   only the members the caller sees; an agent outside the scope (Agent.training, a Certification
 *   reference) shows empty records / null, never an error;
 * - writes: TRAINER and ADMIN, on agents in their scope (explicit agents, teams and centers refused
 *   with FORBIDDEN, role and skill selections scoped down; LMS rows of other agents rejected). The
 *   one self-service exception: an agent starts their own assignment (startAssignment).
 */

/** Refuses a caller who may not write training data. */
export function requireTrainingWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.training, action);
}

/** Whether the caller is a training writer (the rest may only use self-service). */
export function isTrainingWriter(ctx: SubgraphContext): boolean {
  return hasRole(ctx.identity, ...WRITERS.training);
}

/**
 * Who may change an assignment of `owner` (its employee number; null: no such assignment): a
 * training writer who sees the agent, or, where `selfService`, the agent themself. A restricted
 * caller gets FORBIDDEN for an unknown assignment too, so existence is not revealed.
 */
export async function requireAssignmentChange(
  ctx: SubgraphContext,
  owner: string | null,
  action: string,
  selfService = false,
): Promise<void> {
  if (!isTrainingWriter(ctx)) {
    if (selfService && owner !== null && owner === ctx.identity.employeeNo) return;
    throw forbidden(
      `${action} needs one of the roles ${WRITERS.training.join(', ')}` +
        (selfService ? " (or the assignment's own agent)" : ''),
    );
  }
  const scope = await ctx.scope();
  if (!scope.all && (owner === null || !scope.seesAgent(owner))) throw outsideScope(action);
}

/**
 * Refuses an assignment target naming agents, teams or centers outside the caller's scope (from the
 * ids alone, before staff is asked); role and skill selections are scoped down by the service.
 */
export async function requireTargetInScope(
  ctx: SubgraphContext,
  target: AssignmentTargetInput,
  action: string,
): Promise<void> {
  const scope = await ctx.scope();
  if (scope.all) return;
  const outside =
    (target.employeeNos ?? []).some((n) => !scope.seesAgent(n)) ||
    (target.teamIds ?? []).some((id) => !scope.seesTeam(id)) ||
    (target.centerIds ?? []).some((id) => !scope.seesCenter(id));
  if (outside) throw outsideScope(action);
}
