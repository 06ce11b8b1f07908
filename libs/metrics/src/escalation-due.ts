/**
 * levelsDue (escalation.ts) on fire times computed once, when the commitment was made: a sweeper
 * that picks thousands of commitments a second need not walk the business calendar for each level
 * of each of them again. Same rules, same answer (escalation-due.spec.ts compares the two).
 */
import type { CommitmentFacts } from './commitment';
import { climbLadder, type EscalationPolicy, type EscalationsDue } from './escalation';

/** `fireTimes[i]` is when `policy.levels[i]` fires (escalationFireTimes(policy, due, calendar)). */
export function levelsDueAt(
  policy: EscalationPolicy,
  commitment: CommitmentFacts,
  now: Date,
  alreadyFired: ReadonlySet<string>,
  fireTimes: ReadonlyArray<{ level: number; at: Date }>,
): EscalationsDue {
  return climbLadder(
    policy,
    commitment,
    now,
    alreadyFired,
    (level, i) => fireTimes.find((f) => f.level === level.level)?.at ?? fireTimes[i].at,
  );
}
