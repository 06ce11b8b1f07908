import { forbidden, hasRole, outsideScope, requireRole, ROLES, WRITERS, type Role } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import { DataScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import type { Evaluation } from '../evaluation/evaluation.entity';
import { evaluationErrors } from '../evaluation/evaluation.errors';

/**
 * QA's access rule. Scorecards (the forms) are readable by everyone. Every other QA row belongs to
 * the agent it evaluates: an evaluation, a calibration session, a sampled contact, a sampling
 * assignment, a QA summary. A caller sees it when they see that agent (an agent: themself; a team
 * lead: their teams' members; a manager: their centers' agents; bank-wide roles: everyone, or the
 * centers and teams their token names). Lists are scoped down in SQL; one object asked for by id
 * outside the scope is FORBIDDEN (a restricted writer gets FORBIDDEN for a missing one too: see
 * DataScope.requireRecordOf); an entity field (Agent/Team/Center qaSummary, Performance.qa, an
 * Evaluation reference) outside the scope is null.
 *
 * Writes: QA evaluators and ADMIN, on agents in their scope. The one self-service exception:
 * the evaluated agent acknowledges or disputes their own evaluation.
 */
export function requireQaWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.qa, action);
}

/** Writer role, then every agent named in scope (FORBIDDEN otherwise, before anything is read). */
export async function requireQaWriterFor(
  ctx: SubgraphContext,
  employeeNos: readonly string[],
  action: string,
): Promise<DataScope> {
  requireQaWriter(ctx, action);
  const scope = await ctx.scope();
  for (const employeeNo of employeeNos) scope.requireAgent(employeeNo, action);
  return scope;
}

/** Every role but BI_READER, which reads aggregates and never writes, and SERVICE, no person. */
const SELF_SERVICE_ROLES: readonly Role[] = ROLES.filter(
  (role) => role !== 'BI_READER' && role !== 'SERVICE',
);

/**
 * The guard of the evaluated agent's own step (acknowledge, dispute) on the evaluation it loads (null:
 * none): after requireEvaluatedAgent, anyone but ADMIN is refused alike, FORBIDDEN, for a missing
 * evaluation and for someone else's, before anything about it is checked, and never told whose it is.
 */
export function evaluatedAgentGuard(
  ctx: SubgraphContext,
  employeeNo: string,
  action: string,
): (evaluation: Evaluation | null) => void {
  requireEvaluatedAgent(ctx, employeeNo, action);
  if (!hasRole(ctx.identity, 'ADMIN')) {
    const own = DataScope.ofAgent(employeeNo);
    return (evaluation) => own.requireRecordOf(evaluation?.agentEmployeeNo ?? null, action);
  }
  return (evaluation) => {
    if (evaluation && evaluation.agentEmployeeNo !== employeeNo) throw evaluationErrors.notTheAgent();
  };
}

/**
 * Acknowledging or disputing is the evaluated agent's own act: the caller's token must name that
 * employee number (ADMIN may act for them). evaluatedAgentGuard then checks it is the evaluation's
 * agent.
 */
export function requireEvaluatedAgent(ctx: SubgraphContext, employeeNo: string, action: string): void {
  requireRole(ctx.identity, SELF_SERVICE_ROLES, action);
  if (hasRole(ctx.identity, 'ADMIN')) return;
  if (ctx.identity.employeeNo !== employeeNo) throw outsideScope(action);
}

/** The caller's visible agents as one JSON array for SQL, or null for everyone. */
export async function visibleAgentsJson(ctx: SubgraphContext): Promise<string | null> {
  const employeeNos = (await ctx.scope()).employeeNos;
  return employeeNos === null ? null : JSON.stringify(employeeNos);
}

/** A SQL condition on an agent column: `?` is `visibleAgentsJson`, twice. */
export const visibleAgentSql = (column: string): string =>
  `(?::jsonb is null or ${column} in (select jsonb_array_elements_text(?::jsonb)))`;

/** Who is acting, as the workflow rules need it: their employee number and whether they are ADMIN. */
export interface QaActor {
  employeeNo: string | null;
  admin: boolean;
}

export const actorOf = (ctx: SubgraphContext): QaActor => ({
  employeeNo: ctx.identity.employeeNo ?? null,
  admin: hasRole(ctx.identity, 'ADMIN'),
});

/**
 * The evaluator of a new evaluation is the caller, as their token names them. Only ADMIN may file
 * for another evaluator (an import, a correction), and each time that is logged with who did it.
 */
export function evaluatorOf(ctx: SubgraphContext, named: string | null | undefined, action: string): string {
  const own = ctx.identity.employeeNo;
  if (named === null || named === undefined || named === own) {
    if (!own)
      throw badUserInput({
        field: 'input.evaluatorEmployeeNo',
        message: 'is required: your token names no employee number',
      });
    return own;
  }
  if (!hasRole(ctx.identity, 'ADMIN'))
    throw forbidden(
      `${action}: evaluatorEmployeeNo must be you; only ADMIN files evaluations for another evaluator`,
    );
  ctx.logger.warn(
    { requestId: ctx.requestId, subject: ctx.identity.subject, action, evaluatorEmployeeNo: named },
    'QA filed for another evaluator',
  );
  return named;
}
