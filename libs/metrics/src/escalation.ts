/**
 * The escalation ladder of a commitment (METRICS.md, care): levels at an offset from due (calendar
 * minutes, business minutes or business days on the center's calendar), each notifying recipients
 * and taking an action. Pure: which (level, recipient) and (level, action) are due at a moment,
 * given the ones already fired, so a sweeper that writes each to an outbox under a unique key fires
 * every one exactly once, however often it runs and however it is restarted.
 */
import { addBusinessDays, addBusinessTime, type BusinessCalendar } from './business-calendar';
import { commitmentStatus, type CommitmentFacts } from './commitment';
import type { FieldProblem } from './validation';

export const ESCALATION_BASES = ['CALENDAR_MINUTES', 'BUSINESS_MINUTES', 'BUSINESS_DAYS'] as const;
export type EscalationBasis = (typeof ESCALATION_BASES)[number];

export const ESCALATION_ACTIONS = [
  'NOTIFY',
  'REASSIGN_TO_TEAM',
  'RAISE_PRIORITY',
  'FLAG_COMPLAINT_RISK',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** OWNER; TEAM_LEAD (the owner team's lead as of the due time); CENTER_MANAGER; ROLE:<role>. */
export type EscalationRecipient = 'OWNER' | 'TEAM_LEAD' | 'CENTER_MANAGER' | `ROLE:${string}`;

export interface EscalationLevel {
  /** 0, 1, 2, ...: unique, in firing order. */
  level: number;
  /** From due; negative = before due. */
  offset: number;
  basis: EscalationBasis;
  recipients: readonly EscalationRecipient[];
  action: EscalationAction;
}

export interface EscalationPolicy {
  code: string;
  levels: readonly EscalationLevel[];
}

/**
 * Issue 18's default: 30 business minutes before due the owner; at due the owner and the team
 * lead; 1 business hour after, reassign to the team (the lead told); 1 business day after, the
 * center manager; 3 business days after, complaint risk (the manager told).
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  code: 'DEFAULT',
  levels: [
    { level: 0, offset: -30, basis: 'BUSINESS_MINUTES', recipients: ['OWNER'], action: 'NOTIFY' },
    { level: 1, offset: 0, basis: 'BUSINESS_MINUTES', recipients: ['OWNER', 'TEAM_LEAD'], action: 'NOTIFY' },
    {
      level: 2,
      offset: 60,
      basis: 'BUSINESS_MINUTES',
      recipients: ['TEAM_LEAD'],
      action: 'REASSIGN_TO_TEAM',
    },
    { level: 3, offset: 1, basis: 'BUSINESS_DAYS', recipients: ['CENTER_MANAGER'], action: 'NOTIFY' },
    {
      level: 4,
      offset: 3,
      basis: 'BUSINESS_DAYS',
      recipients: ['CENTER_MANAGER'],
      action: 'FLAG_COMPLAINT_RISK',
    },
  ],
};

const ROLE = /^ROLE:[A-Z][A-Z0-9_]*$/;

function isRecipient(value: unknown): value is EscalationRecipient {
  return (
    value === 'OWNER' ||
    value === 'TEAM_LEAD' ||
    value === 'CENTER_MANAGER' ||
    (typeof value === 'string' && ROLE.test(value))
  );
}

const sign = (level: EscalationLevel): number => Math.sign(level.offset);

/** Every problem in a policy, each naming its field; [] when it is usable. */
/** A level fires within a year of due: a longer offset is a typing slip (and past a Date's range). */
export const MAX_OFFSET_MINUTES = 525_600;
export const MAX_OFFSET_DAYS = 365;

export function validateEscalationPolicy(policy: EscalationPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!policy?.code) problems.push({ field: 'code', message: 'is missing' });
  const levels = Array.isArray(policy?.levels) ? policy.levels : [];
  if (levels.length === 0) problems.push({ field: 'levels', message: 'a policy needs at least one level' });
  const seen = new Set<number>();
  levels.forEach((l, i) => {
    const f = `levels[${i}]`;
    if (!Number.isInteger(l.level) || l.level < 0)
      problems.push({ field: `${f}.level`, message: `${l.level} is not a level 0, 1, 2, ...` });
    else if (seen.has(l.level))
      problems.push({ field: `${f}.level`, message: `level ${l.level} is listed twice` });
    seen.add(l.level);
    if (!(ESCALATION_BASES as readonly string[]).includes(l.basis)) {
      problems.push({
        field: `${f}.basis`,
        message: `"${l.basis}" is not one of ${ESCALATION_BASES.join(', ')}`,
      });
    }
    if (!Number.isInteger(l.offset))
      problems.push({ field: `${f}.offset`, message: `${l.offset} is not a whole number` });
    else if (Math.abs(l.offset) > (l.basis === 'BUSINESS_DAYS' ? MAX_OFFSET_DAYS : MAX_OFFSET_MINUTES)) {
      problems.push({
        field: `${f}.offset`,
        message: `must be within a year of due (${MAX_OFFSET_MINUTES} minutes, ${MAX_OFFSET_DAYS} business days)`,
      });
    } else if (l.basis === 'BUSINESS_DAYS' && l.offset < 0) {
      problems.push({
        field: `${f}.offset`,
        message: 'business days count after due only (use minutes before due)',
      });
    }
    if (!(ESCALATION_ACTIONS as readonly string[]).includes(l.action)) {
      problems.push({
        field: `${f}.action`,
        message: `"${l.action}" is not one of ${ESCALATION_ACTIONS.join(', ')}`,
      });
    }
    const recipients: readonly unknown[] = Array.isArray(l.recipients) ? l.recipients : [];
    if (recipients.length === 0)
      problems.push({ field: `${f}.recipients`, message: 'a level notifies at least one recipient' });
    recipients.forEach((r, j) => {
      if (!isRecipient(r)) {
        problems.push({
          field: `${f}.recipients[${j}]`,
          message: `"${r}" is not OWNER, TEAM_LEAD, CENTER_MANAGER or ROLE:<ROLE>`,
        });
      } else if (recipients.indexOf(r) !== j) {
        problems.push({ field: `${f}.recipients[${j}]`, message: `${r} is listed twice` });
      }
    });
    // levels fire in order: before due, at due, after due; within one basis the offsets grow
    const previous = levels[i - 1];
    if (previous && Number.isInteger(l.level) && Number.isInteger(previous.level)) {
      const outOfOrder =
        l.level <= previous.level ||
        sign(l) < sign(previous) ||
        (l.basis === previous.basis && l.offset < previous.offset);
      if (outOfOrder) {
        problems.push({
          field: `${f}.offset`,
          message: `level ${l.level} would fire before level ${previous.level}: list levels in firing order`,
        });
      }
    }
  });
  return problems;
}

/** When a level fires for a commitment due at `due`. */
export function levelFireTime(level: EscalationLevel, due: Date, calendar: BusinessCalendar): Date {
  switch (level.basis) {
    case 'CALENDAR_MINUTES':
      return new Date(due.getTime() + level.offset * 60_000);
    case 'BUSINESS_MINUTES':
      return addBusinessTime(calendar, due, level.offset);
    case 'BUSINESS_DAYS':
      return addBusinessDays(calendar, due, level.offset);
  }
}

/** Each level's fire time, in level order. */
export function escalationFireTimes(
  policy: EscalationPolicy,
  due: Date,
  calendar: BusinessCalendar,
): Array<{ level: number; at: Date }> {
  return policy.levels.map((l) => ({ level: l.level, at: levelFireTime(l, due, calendar) }));
}

/** The outbox's dedupe keys: one per (level, recipient) notification and one per (level) action. */
export const notificationKey = (level: number, recipient: EscalationRecipient): string =>
  `${level}:${recipient}`;
export const actionKey = (level: number): string => `${level}:ACTION`;

export interface EscalationsDue {
  notifications: Array<{ level: number; recipient: EscalationRecipient; fireAt: Date; key: string }>;
  /** NOTIFY levels have no action beyond their notifications. */
  actions: Array<{ level: number; action: Exclude<EscalationAction, 'NOTIFY'>; fireAt: Date; key: string }>;
  /** Earliest fire time of what is still to come (the sweeper's next_action_at); null when done. */
  nextAt: Date | null;
}

/**
 * What is due at `now` and not in `alreadyFired` (keys from notificationKey / actionKey). The
 * ladder climbs while the commitment is OPEN or BROKEN as of now, and stops once it is kept,
 * cancelled or superseded. A level before due is a reminder: once due has passed without it having
 * fired (the sweeper was down) it is dropped, not sent late; levels at or after due catch up.
 */
export function levelsDue(
  policy: EscalationPolicy,
  commitment: CommitmentFacts,
  now: Date,
  alreadyFired: ReadonlySet<string>,
  calendar: BusinessCalendar,
): EscalationsDue {
  return climbLadder(policy, commitment, now, alreadyFired, (level) =>
    levelFireTime(level, commitment.dueAt, calendar),
  );
}

/**
 * The ladder's one walk, for levelsDue and levelsDueAt (escalation-due.ts), which differ only in
 * where a level's fire time comes from (`fireAtOf`: the calendar now, or times computed once).
 * Internal to the library: the index exports the two callers.
 */
export function climbLadder(
  policy: EscalationPolicy,
  commitment: CommitmentFacts,
  now: Date,
  alreadyFired: ReadonlySet<string>,
  fireAtOf: (level: EscalationLevel, index: number) => Date,
): EscalationsDue {
  const result: EscalationsDue = { notifications: [], actions: [], nextAt: null };
  const status = commitmentStatus(commitment, now);
  if (status !== 'OPEN' && status !== 'BROKEN') return result;
  const t = now.getTime();
  const due = commitment.dueAt.getTime();
  policy.levels.forEach((level, i) => {
    const fireAt = fireAtOf(level, i);
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

/** The highest level fired at or after due, from fired (level, at) records; null when none. */
export function escalationLevelAfterDue(
  dueAt: Date,
  fired: ReadonlyArray<{ level: number; at: Date }>,
): number | null {
  const after = fired.filter((f) => f.at.getTime() >= dueAt.getTime()).map((f) => f.level);
  return after.length === 0 ? null : Math.max(...after);
}
