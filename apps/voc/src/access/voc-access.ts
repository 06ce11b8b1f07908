import { outsideScope, requireRole, WRITERS, type Role } from '@switchboard/auth';
import type { DataScope, SubgraphContext } from '@switchboard/subgraph-kit';

/*
 * voc's access rules, one place (docs/DESIGN.md, Identity and access):
 * - a SurveyForm belongs to a center: it is read by those who see its center (a team lead or an
 *   agent sees no center's records here until a rule says otherwise), lists filtered in SQL,
 *   references null outside the scope;
 * - the writers of WRITERS.voc create them in the centers they see, ADMIN anywhere;
 * - survey responses are read like their center's forms; a response's verbatim is PII, read only by
 *   VERBATIM_READERS (null for anyone else); imports are writes in the import's center;
 * - feedback rule sets are bank-wide: anyone reads them; RULE_EDITORS with every center in their
 *   scope create and publish versions; the confusion report (it shows sample texts) is for
 *   VERBATIM_READERS.
 */

/** Who reads the customer's verbatims (PII). */
export const VERBATIM_READERS: readonly Role[] = ['CASE_HANDLER', 'VOC_ANALYST', 'QA_EVALUATOR', 'ADMIN'];

/**
 * Who creates and publishes feedback rule sets: the voice-of-the-customer team (VOC_ANALYST), the
 * complaint team (CASE_HANDLER) and ADMIN, bank-wide only (the rules file every center's feedback).
 */
export const RULE_EDITORS: readonly Role[] = ['VOC_ANALYST', 'CASE_HANDLER', 'ADMIN'];

/** Refuses a caller who may not change the feedback rules. */
export async function requireRuleEditor(ctx: SubgraphContext, action: string): Promise<void> {
  requireRole(ctx.identity, RULE_EDITORS, action);
  if (!(await ctx.scope()).all) throw outsideScope(action);
}

/** Refuses a caller who may not change voc's data. */
export function requireVocWriter(ctx: SubgraphContext, action: string): void {
  requireRole(ctx.identity, WRITERS.voc, action);
}

/** Whether the caller sees a record of this center. */
export function seesSurveyForm(scope: DataScope, row: { centerId: string }): boolean {
  return scope.all || scope.seesCenter(row.centerId);
}

/** Refuses a write in a center the caller does not see. */
export async function requireSurveyFormCenter(ctx: SubgraphContext, centerId: string, action: string) {
  const scope = await ctx.scope();
  if (!scope.all && !scope.seesCenter(centerId.toLowerCase())) throw outsideScope(action);
}

/** The centers a caller's lists are limited to (null: all). */
export function visibleCenters(scope: DataScope): string[] | null {
  return scope.all ? null : (scope.centerIds ?? []);
}
