import { randomBytes } from 'node:crypto';
import type { Role } from '@switchboard/auth';
import type { AccessCell } from './access-matrix';
import { accessCallers, type AccessCaller, type AccessLevel } from './access-callers';

/**
 * The org every access matrix is written against: center A (teams A1 and A2) and center B (team
 * B1); agents a1 and the lead in A1 (the lead's token names A1), a2 in A2, b1 in B1. Codes and
 * employee numbers carry a random tag (test files never collide) and are known before the data
 * exists, so callers' tokens can be written at describe time.
 */
export function accessLayout(writers: readonly Role[], tag = randomBytes(3).toString('hex').toUpperCase()) {
  const code = { A: `CA-${tag}`, B: `CB-${tag}`, A1: `TA1-${tag}`, A2: `TA2-${tag}`, B1: `TB1-${tag}` };
  const no = { a1: `A1-${tag}`, lead: `L1-${tag}`, a2: `A2-${tag}`, b1: `B1-${tag}` };
  const callers = accessCallers(writers, { center: code.A, team: code.A1, lead: no.lead, agent: no.a1 });
  /** The agents each level sees, sorted. */
  const agentsSeen: Record<AccessLevel, string[]> = {
    all: [no.a1, no.a2, no.b1, no.lead].sort(),
    center: [no.a1, no.a2, no.lead].sort(),
    team: [no.a1, no.lead].sort(),
    self: [no.a1],
  };
  return {
    tag,
    code,
    no,
    callers,
    agentsSeen,
    /** The ones of `employeeNos` a level sees, sorted. */
    seen: (level: AccessLevel, employeeNos: string[]): string[] =>
      employeeNos.filter((n) => agentsSeen[level].includes(n)).sort(),
    /** A caller by its label (e.g. `HR of ${code.A}`). */
    callerNamed: (who: string): AccessCaller => {
      const found = callers.find((c) => c.who === who);
      if (!found) throw new Error(`no caller "${who}"`);
      return found;
    },
  };
}

/**
 * A maker of matrix rows: one cell per caller of `callers` for an operation, where
 * `decide(level, who)` gives each one's expected outcome.
 */
export function cellsPerCaller(callers: readonly AccessCaller[]) {
  return (
    operation: string,
    query: string,
    variables: (() => Record<string, unknown>) | undefined,
    decide: (level: AccessLevel, who: string) => AccessCell['expect'],
    secrets?: () => string[],
  ): AccessCell[] =>
    callers.map(({ who, identity, level }) => ({
      who,
      identity,
      operation,
      query,
      variables,
      expect: decide(level, who),
      secrets,
    }));
}

/** One matrix cell for one caller. */
export function callerCell(
  caller: AccessCaller,
  operation: string,
  query: string,
  variables: () => Record<string, unknown>,
  expect: AccessCell['expect'],
): AccessCell {
  return { who: caller.who, identity: caller.identity, operation, query, variables, expect };
}

/**
 * The usual rule for a write in center A or B of the layout: a writer who sees every center may,
 * a writer limited to center A may only there, nobody else may.
 */
export function writesInCenter(callers: readonly AccessCaller[]) {
  return (center: 'A' | 'B') =>
    (level: AccessLevel, who: string): AccessCell['expect'] => {
      const writer = callers.find((c) => c.who === who)?.writer ?? false;
      return writer && (level === 'all' || (level === 'center' && center === 'A'))
        ? { allow: true }
        : { deny: true };
    };
}
