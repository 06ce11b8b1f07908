import { CALENDAR_24X7, type BusinessCalendar } from './business-calendar';
import {
  DEFAULT_ESCALATION_POLICY,
  escalationFireTimes,
  levelsDue,
  notificationKey,
  actionKey,
} from './escalation';
import { levelsDueAt } from './escalation-due';

const SHANGHAI: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  periods: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '18:00' },
  ]),
  exceptions: [{ date: '2027-03-10', kind: 'HOLIDAY' }],
};

describe('levelsDueAt', () => {
  // a deterministic walk over due times, moments, fulfilment and what already fired
  const keys = DEFAULT_ESCALATION_POLICY.levels.flatMap((l) => [
    ...l.recipients.map((r) => notificationKey(l.level, r)),
    actionKey(l.level),
  ]);
  it.each([SHANGHAI, CALENDAR_24X7])('answers as levelsDue on stored fire times (%#)', (calendar) => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const dueAt = new Date(Date.UTC(2027, 2, 8) + Math.floor(next() * 10 * 86_400_000));
      const now = new Date(dueAt.getTime() + Math.floor((next() - 0.2) * 6 * 86_400_000));
      const fulfilledAt = next() < 0.2 ? new Date(dueAt.getTime() + (next() - 0.5) * 86_400_000) : null;
      const fired = new Set(keys.filter(() => next() < 0.3));
      const facts = { dueAt, fulfilledAt };
      const times = escalationFireTimes(DEFAULT_ESCALATION_POLICY, dueAt, calendar);
      expect(levelsDueAt(DEFAULT_ESCALATION_POLICY, facts, now, fired, times)).toEqual(
        levelsDue(DEFAULT_ESCALATION_POLICY, facts, now, fired, calendar),
      );
    }
  });
});
