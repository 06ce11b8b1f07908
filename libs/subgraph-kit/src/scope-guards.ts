import { outsideScope } from '@switchboard/auth';
import type { DataScope } from './data-scope';
import type { SubgraphContext } from './request-context';

/**
 * Refuses (FORBIDDEN) a caller limited to some centers, teams or themself: `action` reads or
 * changes bank-wide data (a catalog, a new center, agents of no team).
 */
export async function requireWholeScope(ctx: SubgraphContext, action: string): Promise<void> {
  if (!(await ctx.scope()).all) throw outsideScope(action);
}

/**
 * Keeps the people the caller sees, from a list already loaded for one parent (a team's members, a
 * record's agents): no statement, only set lookups. Lists of many parents are filtered in SQL.
 */
export function seenAgents<T extends { employeeNo: string }>(scope: DataScope, agents: readonly T[]): T[] {
  return scope.all ? [...agents] : agents.filter((a) => scope.seesAgent(a.employeeNo));
}

/** The employee numbers the caller sees, of a list already in hand (e.g. a batch's keys). */
export function seenEmployeeNos(scope: DataScope, employeeNos: readonly string[]): string[] {
  return scope.all ? [...employeeNos] : employeeNos.filter((n) => scope.seesAgent(n));
}

/**
 * A raw-SQL condition keeping the rows whose `column` is among `values` (a scope's employee numbers,
 * center or team ids; null: every row), with its parameters. `column` is code, never input.
 */
export function visibleIn(
  column: string,
  values: readonly string[] | null,
): { sql: string; params: [string | null, string | null] } {
  const param = values === null ? null : JSON.stringify(values);
  return {
    sql: `(?::jsonb is null or ${column} in (select jsonb_array_elements_text(?::jsonb)))`,
    params: [param, param],
  };
}
