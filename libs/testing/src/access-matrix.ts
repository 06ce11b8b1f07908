import type { Identity, Role } from '@switchboard/auth';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { authorizationFor } from './test-auth';

/** A caller for an access test: one role, with the scopes its token names. */
export function caller(
  role: Role,
  scopes: { centers?: string[]; teams?: string[]; employeeNo?: string } = {},
): Identity {
  return {
    subject: `test-${role.toLowerCase()}`,
    roles: [role],
    centers: scopes.centers ?? [],
    teams: scopes.teams ?? [],
    ...(scopes.employeeNo ? { employeeNo: scopes.employeeNo } : {}),
  };
}

/**
 * What a cell expects: `allow` (no error; `check` looks at the data), `deny` (FORBIDDEN, no data
 * for the operation's root field), or `scoped` (no error, and `check` sees only what is in scope).
 */
export type AccessOutcome<TData = Record<string, unknown>> =
  | { allow: true; check?: (data: TData) => void }
  | { deny: true }
  | { scoped: (data: TData) => void };

export interface AccessCell<TData = Record<string, unknown>> {
  /** e.g. "TEAM_LEAD of team A" */
  who: string;
  identity: Identity;
  /** e.g. "hireAgent" */
  operation: string;
  query: string;
  variables?: () => Record<string, unknown>;
  expect: AccessOutcome<TData>;
  /** Strings that must not appear anywhere in a denied answer (names, ids of out-of-scope data). */
  secrets?: () => string[];
}

/** Checks one response against its cell's outcome (Jest expectations). */
export function checkOutcome<TData>(
  response: GraphQLResponse<TData>,
  cell: Pick<AccessCell<TData>, 'expect' | 'secrets'>,
): void {
  const outcome = cell.expect;
  if ('deny' in outcome) {
    const codes = response.errors?.map((e) => e.extensions?.code);
    expect(codes).toContain('FORBIDDEN');
    const data = (response.data ?? {}) as Record<string, unknown>;
    for (const value of Object.values(data)) expect(value ?? null).toBeNull();
    const text = JSON.stringify(response);
    for (const secret of cell.secrets?.() ?? []) expect(text).not.toContain(secret);
    return;
  }
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeDefined();
  if ('scoped' in outcome) outcome.scoped(response.data as TData);
  else outcome.check?.(response.data as TData);
}

/**
 * One Jest test per cell of a role x operation table, each sent as its caller to `url()` (a
 * subgraph, with a token the gateway would mint, or the gateway, with a client token).
 */
export function accessMatrix<TData = Record<string, unknown>>(
  url: () => string,
  cells: AccessCell<TData>[],
): void {
  const label = (cell: AccessCell<TData>) =>
    `${cell.operation} as ${cell.who}: ${'deny' in cell.expect ? 'denied' : 'scoped' in cell.expect ? 'scoped down' : 'allowed'}`;
  it.each(cells.map((cell) => [label(cell), cell] as const))('%s', async (_label, cell) => {
    const target = url();
    const response = await postGraphQL<TData>(
      target,
      cell.query,
      cell.variables?.(),
      await authorizationFor(target, cell.identity),
    );
    checkOutcome(response, cell);
  });
}
