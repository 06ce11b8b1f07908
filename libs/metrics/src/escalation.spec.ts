import fc from 'fast-check';
import type { BusinessCalendar } from './business-calendar';
import type { CommitmentFacts } from './commitment';
import {
  DEFAULT_ESCALATION_POLICY,
  actionKey,
  escalationFireTimes,
  escalationLevelAfterDue,
  levelsDue,
  notificationKey,
  validateEscalationPolicy,
  type EscalationPolicy,
} from './escalation';

/** The research's A2 calendar (Asia/Shanghai, lunch break, holiday Mon 10-05, WORKDAY Sat 10-10). */
const a2: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  periods: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:30', end: '17:30' },
  ]),
  exceptions: [
    { date: '2026-10-05', kind: 'HOLIDAY' },
    { date: '2026-10-10', kind: 'WORKDAY', periods: [{ start: '09:00', end: '17:30' }] },
  ],
};
const sh = (local: string): Date => new Date(`${local}+08:00`);
const policy = DEFAULT_ESCALATION_POLICY;
// research A3, test 1: made Fri 10-09 16:00, 120 business minutes, due Sat 10-10 09:30
const dueAt = sh('2026-10-10T09:30:00');

/** A sweeper over an outbox whose keys are unique: it records what levelsDue returns at each tick. */
function sweep(facts: CommitmentFacts, ticks: Date[], outbox = new Map<string, Date>()): Map<string, Date> {
  for (const now of ticks) {
    const due = levelsDue(policy, facts, now, new Set(outbox.keys()), a2);
    for (const item of [...due.notifications, ...due.actions]) {
      if (outbox.has(item.key)) throw new Error(`${item.key} fired twice`);
      outbox.set(item.key, now);
    }
  }
  return outbox;
}

const everyFiveMinutes = (from: Date, to: Date): Date[] => {
  const ticks: Date[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += 5 * 60_000) ticks.push(new Date(t));
  return ticks;
};

describe('escalation policy', () => {
  it('accepts the default policy, whose fire times on the A2 calendar follow the issue', () => {
    expect(validateEscalationPolicy(policy)).toEqual([]);
    expect(escalationFireTimes(policy, dueAt, a2)).toEqual([
      { level: 0, at: sh('2026-10-10T09:00:00') }, // 30 business minutes before: the Saturday opens 09:00
      { level: 1, at: dueAt },
      { level: 2, at: sh('2026-10-10T10:30:00') }, // 1 business hour after
      { level: 3, at: sh('2026-10-12T09:30:00') }, // 1 business day after: Monday
      { level: 4, at: sh('2026-10-14T09:30:00') }, // 3 business days after: Mon, Tue, Wed
    ]);
  });

  it('puts a reminder before due into business time (due Monday 09:10 reminds Saturday 17:10 on the adjusted workday)', () => {
    expect(escalationFireTimes(policy, sh('2026-10-12T09:10:00'), a2)[0].at).toEqual(
      sh('2026-10-10T17:10:00'),
    );
  });

  it('names the field of each problem', () => {
    const bad = {
      code: '',
      levels: [
        { level: 0, offset: 0, basis: 'BUSINESS_MINUTES', recipients: ['OWNER', 'OWNER'], action: 'NOTIFY' },
        { level: 0, offset: 10, basis: 'FORTNIGHTS', recipients: [], action: 'PANIC' },
        {
          level: 2,
          offset: -5,
          basis: 'CALENDAR_MINUTES',
          recipients: ['ROLE:qa lead', 'BOSS'],
          action: 'NOTIFY',
        },
        { level: 3, offset: -1, basis: 'BUSINESS_DAYS', recipients: ['ROLE:QA'], action: 'RAISE_PRIORITY' },
      ],
    } as unknown as EscalationPolicy;
    expect(validateEscalationPolicy(bad).map((p) => p.field)).toEqual([
      'code',
      'levels[0].recipients[1]',
      'levels[1].level',
      'levels[1].basis',
      'levels[1].action',
      'levels[1].recipients',
      'levels[1].offset',
      'levels[2].recipients[0]',
      'levels[2].recipients[1]',
      'levels[2].offset',
      'levels[3].offset',
    ]);
    expect(validateEscalationPolicy({ code: 'X', levels: [] })).toEqual([
      { field: 'levels', message: 'a policy needs at least one level' },
    ]);
  });

  it('keeps each level within a year of due (minutes either way, business days after)', () => {
    const at = (offset: number, basis: string) =>
      validateEscalationPolicy({
        code: 'X',
        levels: [{ level: 0, offset, basis, recipients: ['OWNER'], action: 'NOTIFY' }],
      } as unknown as EscalationPolicy).map((p) => p.field);
    expect(at(525_600, 'CALENDAR_MINUTES')).toEqual([]);
    expect(at(-525_600, 'BUSINESS_MINUTES')).toEqual([]);
    expect(at(365, 'BUSINESS_DAYS')).toEqual([]);
    expect(at(525_601, 'CALENDAR_MINUTES')).toEqual(['levels[0].offset']);
    expect(at(-2_147_483_647, 'BUSINESS_MINUTES')).toEqual(['levels[0].offset']);
    expect(at(366, 'BUSINESS_DAYS')).toEqual(['levels[0].offset']);
  });
});

describe('levelsDue: the ladder with an injected clock (research A3, test 1)', () => {
  it('fires level 0 at 09:00 to the owner, level 1 at 09:30 to owner and lead, level 2 at 10:30 with the reassignment', () => {
    const facts: CommitmentFacts = { dueAt };
    expect(levelsDue(policy, facts, sh('2026-10-10T08:59:00'), new Set(), a2)).toEqual({
      notifications: [],
      actions: [],
      nextAt: sh('2026-10-10T09:00:00'),
    });
    const at0900 = levelsDue(policy, facts, sh('2026-10-10T09:00:00'), new Set(), a2);
    expect(at0900.notifications.map((n) => n.key)).toEqual(['0:OWNER']);
    expect(at0900.nextAt).toEqual(dueAt);
    const fired = new Set(['0:OWNER']);
    expect(
      levelsDue(policy, facts, sh('2026-10-10T09:30:00'), fired, a2).notifications.map((n) => n.key),
    ).toEqual(['1:OWNER', '1:TEAM_LEAD']);
    ['1:OWNER', '1:TEAM_LEAD'].forEach((k) => fired.add(k));
    const at1030 = levelsDue(policy, facts, sh('2026-10-10T10:30:00'), fired, a2);
    expect(at1030.notifications.map((n) => n.key)).toEqual(['2:TEAM_LEAD']);
    expect(at1030.actions).toEqual([
      { level: 2, action: 'REASSIGN_TO_TEAM', fireAt: sh('2026-10-10T10:30:00'), key: '2:ACTION' },
    ]);
    expect(at1030.nextAt).toEqual(sh('2026-10-12T09:30:00'));
  });

  it('sweeping every 5 minutes for a week, with restarts, writes one row per (level, recipient) and per action', () => {
    const ticks = everyFiveMinutes(sh('2026-10-09T16:00:00'), sh('2026-10-16T16:00:00'));
    // "kill and restart": three sweepers in turn share only the outbox
    const outbox = sweep({ dueAt }, ticks.slice(0, 300));
    sweep({ dueAt }, ticks.slice(300, 301), outbox);
    sweep({ dueAt }, ticks.slice(301), outbox);
    expect([...outbox.keys()].sort()).toEqual(
      [
        '0:OWNER',
        '1:OWNER',
        '1:TEAM_LEAD',
        '2:TEAM_LEAD',
        '2:ACTION',
        '3:CENTER_MANAGER',
        '4:CENTER_MANAGER',
        '4:ACTION',
      ].sort(),
    );
    expect(outbox.get(notificationKey(4, 'CENTER_MANAGER'))).toEqual(sh('2026-10-14T09:30:00'));
    expect(outbox.get(actionKey(2))).toEqual(sh('2026-10-10T10:30:00'));
  });

  it('stops when the promise is kept: a call at 09:20 means no level 1; one at 09:40 stops it before level 2', () => {
    const ticks = everyFiveMinutes(sh('2026-10-09T16:00:00'), sh('2026-10-16T16:00:00'));
    expect([...sweep({ dueAt, fulfilledAt: sh('2026-10-10T09:20:00') }, ticks).keys()]).toEqual(['0:OWNER']);
    expect([...sweep({ dueAt, fulfilledAt: sh('2026-10-10T09:40:00') }, ticks).keys()]).toEqual([
      '0:OWNER',
      '1:OWNER',
      '1:TEAM_LEAD',
    ]);
    const cancelled = {
      dueAt,
      cancellation: { status: 'CANCELLED_BY_CUSTOMER' as const, at: sh('2026-10-09T17:00:00') },
    };
    expect(sweep(cancelled, ticks).size).toBe(0);
  });

  it('after an outage catches up on levels at or after due, but drops a reminder whose moment has gone', () => {
    const due = levelsDue(policy, { dueAt }, sh('2026-10-10T10:45:00'), new Set(), a2);
    expect(due.notifications.map((n) => n.key)).toEqual(['1:OWNER', '1:TEAM_LEAD', '2:TEAM_LEAD']);
    expect(due.actions.map((a) => a.key)).toEqual(['2:ACTION']);
  });

  it('never returns a key already recorded, whatever the ticks and crashes; a final sweep completes the ladder', () => {
    const week = Date.parse('2026-10-09T08:00:00Z');
    const tick = fc.integer({ min: 0, max: 7 * 24 * 60 }).map((m) => new Date(week + m * 60_000));
    fc.assert(
      fc.property(fc.array(fc.tuple(tick, fc.nat(10)), { maxLength: 40 }), (plan) => {
        const outbox = new Set<string>();
        for (const [now, recorded] of plan.sort((a, b) => a[0].getTime() - b[0].getTime())) {
          const due = levelsDue(policy, { dueAt }, now, outbox, a2);
          const items = [...due.notifications, ...due.actions];
          if (items.some((i) => outbox.has(i.key))) return false;
          // a crash after `recorded` items: the rest are lost from this tick only
          items.slice(0, recorded).forEach((i) => outbox.add(i.key));
        }
        const last = levelsDue(policy, { dueAt }, sh('2026-10-20T12:00:00'), outbox, a2);
        [...last.notifications, ...last.actions].forEach((i) => outbox.add(i.key));
        const afterDue = [
          '1:OWNER',
          '1:TEAM_LEAD',
          '2:TEAM_LEAD',
          '2:ACTION',
          '3:CENTER_MANAGER',
          '4:CENTER_MANAGER',
          '4:ACTION',
        ];
        return afterDue.every((k) => outbox.has(k)) && last.nextAt === null;
      }),
      { numRuns: 300 },
    );
  });

  it('gives the highest level reached after due (for escalationRate)', () => {
    expect(escalationLevelAfterDue(dueAt, [{ level: 0, at: sh('2026-10-10T09:00:00') }])).toBeNull();
    expect(
      escalationLevelAfterDue(dueAt, [
        { level: 0, at: sh('2026-10-10T09:00:00') },
        { level: 1, at: dueAt },
        { level: 2, at: sh('2026-10-10T10:30:00') },
      ]),
    ).toBe(2);
  });
});
