import { forbidden } from './auth-errors';
import { hasRole, type Identity, type Role } from './identity';

/**
 * Roles whose work spans the bank (audit, HR, reporting, quality, training, complaints, the voice of the customer): they see every center
 * unless their token names centers or teams, which then limit them. ADMIN always sees everything.
 */
export const BANK_WIDE_ROLES: readonly Role[] = [
  'HR',
  'BI_READER',
  'QA_EVALUATOR',
  'TRAINER',
  'CASE_HANDLER',
  'VOC_ANALYST',
];

/** Who may change each subgraph's data: the subgraph registry's (libs/contracts). */
export { WRITERS } from '@switchboard/contracts';

/** What a caller's token lets them see, before the codes are turned into rows. */
export interface ScopeClaims {
  /** Every center, team and agent. */
  all: boolean;
  /** Center codes whose teams and agents are visible. */
  centers: string[];
  /** Team codes whose agents are visible. */
  teams: string[];
  /** The caller's own employee number: an agent always sees themself. */
  employeeNo?: string;
}

/**
 * The access design's scoping rule, the union over the caller's roles: ADMIN everything; a
 * bank-wide role everything, or the centers and teams its token names; CENTER_MANAGER the centers
 * in their claims; TEAM_LEAD their teams; AGENT only themself. No role: nothing.
 */
export function scopeClaims(identity: Identity): ScopeClaims {
  const own = identity.employeeNo ? { employeeNo: identity.employeeNo } : {};
  const limited = identity.centers.length > 0 || identity.teams.length > 0;
  const all =
    hasRole(identity, 'ADMIN') || (!limited && identity.roles.some((r) => BANK_WIDE_ROLES.includes(r)));
  if (all) return { all: true, centers: [], teams: [], ...own };
  const centers = hasRole(identity, 'CENTER_MANAGER', ...BANK_WIDE_ROLES)
    ? [...new Set(identity.centers)].sort()
    : [];
  const teams = hasRole(identity, 'TEAM_LEAD', 'CENTER_MANAGER', ...BANK_WIDE_ROLES)
    ? [...new Set(identity.teams)].sort()
    : [];
  return { all: false, centers, teams, ...own };
}

/**
 * Refuses, with FORBIDDEN and a message naming the action and who may do it, a caller holding
 * none of `roles`. Nothing about the data is in the message.
 */
export function requireRole(identity: Identity, roles: readonly Role[], action: string): void {
  if (hasRole(identity, ...roles)) return;
  throw forbidden(`${action} needs one of the roles ${roles.join(', ')}`);
}

/** Refuses a caller outside the subject of `action` (e.g. another center's team). */
export function outsideScope(action: string): Error {
  return forbidden(`${action}: outside your access scope`);
}
