import { BANK_WIDE_ROLES, ROLES, type Identity, type Role } from '@switchboard/auth';
import { caller } from './access-matrix';

/** What a caller of an access test sees: everything, one center, one team, or only themself. */
export type AccessLevel = 'all' | 'center' | 'team' | 'self';

export interface AccessCaller {
  who: string;
  identity: Identity;
  level: AccessLevel;
  /** Holds one of the subgraph's writer roles. */
  writer: boolean;
}

/**
 * The eight roles as callers of one subgraph's access matrix: ADMIN and the bank-wide roles see
 * everything, CENTER_MANAGER `center`, TEAM_LEAD `team` (as the agent `lead`), AGENT only `agent`;
 * plus each bank-wide writer role limited to `center` by its token (e.g. "HR of center CA-1").
 */
export function accessCallers(
  writers: readonly Role[],
  codes: { center: string; team: string; lead: string; agent: string },
): AccessCaller[] {
  // SERVICE is no person's role: a service's token (BI_READER + SERVICE) is tested where a mutation accepts it
  const levelOf: Record<Exclude<Role, 'SERVICE'>, AccessLevel> = {
    ADMIN: 'all',
    HR: 'all',
    BI_READER: 'all',
    QA_EVALUATOR: 'all',
    TRAINER: 'all',
    CASE_HANDLER: 'all',
    VOC_ANALYST: 'all',
    CENTER_MANAGER: 'center',
    TEAM_LEAD: 'team',
    AGENT: 'self',
  };
  const scopes: Partial<Record<Role, Parameters<typeof caller>[1]>> = {
    CENTER_MANAGER: { centers: [codes.center] },
    TEAM_LEAD: { teams: [codes.team], employeeNo: codes.lead },
    AGENT: { employeeNo: codes.agent },
  };
  const label: Partial<Record<Role, string>> = {
    CENTER_MANAGER: ` of ${codes.center}`,
    TEAM_LEAD: ` of ${codes.team}`,
    AGENT: ` ${codes.agent}`,
  };
  const callers = ROLES.filter((role): role is Exclude<Role, 'SERVICE'> => role !== 'SERVICE').map(
    (role) => ({
      who: `${role}${label[role] ?? ''}`,
      identity: caller(role, scopes[role]),
      level: levelOf[role],
      writer: writers.includes(role),
    }),
  );
  const limited = writers
    .filter((role) => BANK_WIDE_ROLES.includes(role))
    .map((role) => ({
      who: `${role} of ${codes.center}`,
      identity: caller(role, { centers: [codes.center] }),
      level: 'center' as const,
      writer: true,
    }));
  return [...callers, ...limited];
}

/**
 * Injection attempts for filter and text arguments of access tests: none may widen what a caller
 * sees, nor end in a 500.
 */
export const INJECTION_ATTEMPTS: readonly string[] = [
  "' or 1=1 --",
  '%',
  '_',
  '\\',
  '\\%',
  '") or true --',
  'Ünïcödé 😀',
  'É漢字🙂',
  'x'.repeat(5000),
];
