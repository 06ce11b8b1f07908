import { ROLES, type Role } from '@switchboard/contracts';

export { ROLES, type Role };

const roleSet = new Set<string>(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roleSet.has(value);
}

/**
 * Who is asking, as the gateway verified it: the token's subject, roles and scopes. Scopes are the
 * codes people use (center SHA-01, team SHA-CARDS-1) and the agent's employee number.
 */
export interface Identity {
  subject: string;
  roles: Role[];
  centers: string[];
  teams: string[];
  employeeNo?: string;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Reads an identity from verified JWT claims: `sub`, `roles` (roles this platform does not know,
 * such as an identity provider's own, are dropped), `centers`, `teams`, `employeeNo`.
 */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const employeeNo = typeof claims.employeeNo === 'string' ? claims.employeeNo : undefined;
  return {
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    roles: stringList(claims.roles).filter(isRole),
    centers: stringList(claims.centers),
    teams: stringList(claims.teams),
    ...(employeeNo ? { employeeNo } : {}),
  };
}

export function identityClaims(identity: Identity): Record<string, unknown> {
  return {
    roles: identity.roles,
    centers: identity.centers,
    teams: identity.teams,
    ...(identity.employeeNo ? { employeeNo: identity.employeeNo } : {}),
  };
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((role) => roles.includes(role));
}
