/**
 * levelsDue (escalation.ts) on fire times computed once, when the commitment was made: a sweeper
 * that picks thousands of commitments a second need not walk the business calendar for each level
 * of each of them again. Same rules, same answer (escalation-due.spec.ts compares the two).
 */
import { commitmentStatus, type CommitmentFacts } from './commitment';
import { actionKey, notificationKey, type EscalationPolicy, type EscalationsDue } from './escalation';

/** `fireTimes[i]` is when `policy.levels[i]` fires (escalationFireTimes(policy, due, calendar)). */
export function levelsDueAt(
  policy: EscalationPolicy,
  commitment: CommitmentFacts,
  now: Date,
  alreadyFired: ReadonlySet<string>,
  fireTimes: ReadonlyArray<{ level: number; at: Date }>,
): EscalationsDue {
  const result: EscalationsDue = { notifications: [], actions: [], nextAt: null };
  const status = commitmentStatus(commitment, now);
  if (status !== 'OPEN' && status !== 'BROKEN') return result;
  const t = now.getTime();
  const due = commitment.dueAt.getTime();
  policy.levels.forEach((level, i) => {
    const fireAt = fireTimes.find((f) => f.level === level.level)?.at ?? fireTimes[i].at;
    const keys = [
      ...level.recipients.map((r) => notificationKey(level.level, r)),
      ...(level.action === 'NOTIFY' ? [] : [actionKey(level.level)]),
    ];
    if (keys.every((k) => alreadyFired.has(k))) return;
    if (fireAt.getTime() > t) {
      if (result.nextAt === null || fireAt < result.nextAt) result.nextAt = fireAt;
      return;
    }
    if (level.offset < 0 && t >= due) return; // a reminder whose moment is gone
    for (const recipient of level.recipients) {
      const key = notificationKey(level.level, recipient);
      if (!alreadyFired.has(key)) result.notifications.push({ level: level.level, recipient, fireAt, key });
    }
    if (level.action !== 'NOTIFY' && !alreadyFired.has(actionKey(level.level))) {
      result.actions.push({ level: level.level, action: level.action, fireAt, key: actionKey(level.level) });
    }
  });
  return result;
}
