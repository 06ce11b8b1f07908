import type { ContactRecord } from './contact-record';
import { validateContact } from './contact-validation';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const answered: ContactRecord = {
  source: 'pbx',
  externalId: '1',
  channel: 'VOICE',
  direction: 'INBOUND',
  queue: 'Q',
  agent: 'E1',
  customerKey: 'C1',
  arrivedAt: new Date('2026-05-01T10:00:00Z'),
  answeredAt: new Date('2026-05-01T10:00:10Z'),
  endedAt: new Date('2026-05-01T10:05:00Z'),
  holdSeconds: 20,
  acwSeconds: 15,
  outcome: 'ANSWERED',
  transferred: false,
  wrapupCode: null,
};

describe('validateContact', () => {
  it('accepts a consistent record', () => {
    expect(validateContact(answered, 1, NOW)).toEqual([]);
  });

  it.each<[string, Partial<ContactRecord>, string, string]>([
    ['a NUL character', { customerKey: 'C\u00001' }, 'customer_key', 'contains a control character'],
    [
      'an answer before arrival',
      { answeredAt: new Date('2026-05-01T09:59:59Z') },
      'answered_at',
      'is before arrived_at',
    ],
    [
      'an end before the answer',
      { endedAt: new Date('2026-05-01T10:00:05Z') },
      'ended_at',
      'is before answered_at',
    ],
    [
      'ANSWERED without an answer time',
      { answeredAt: null },
      'answered_at',
      'is required when outcome is ANSWERED',
    ],
    ['a negative ACW', { acwSeconds: -1 }, 'acw_seconds', 'must be a number of seconds >= 0'],
    [
      'hold longer than the call',
      { holdSeconds: 400 },
      'hold_seconds',
      'is longer than the call after answer',
    ],
    [
      'an arrival far in the future',
      {
        arrivedAt: new Date('2026-06-03T00:00:00Z'),
        answeredAt: null,
        endedAt: new Date('2026-06-03T00:01:00Z'),
        outcome: 'ABANDONED',
      },
      'arrived_at',
      'is out of range (2000-01-01 to tomorrow)',
    ],
    [
      'an inbound abandon without a queue',
      { queue: null, answeredAt: null, outcome: 'ABANDONED' },
      'queue',
      'is required for an inbound ABANDONED contact',
    ],
  ])('rejects %s naming the field', (_label, change, field, reason) => {
    expect(validateContact({ ...answered, ...change }, 7, NOW)).toContainEqual({ line: 7, field, reason });
  });

  it('accepts an IVR contact without a queue', () => {
    expect(validateContact({ ...answered, queue: null, answeredAt: null, outcome: 'IVR' }, 1, NOW)).toEqual(
      [],
    );
  });
});
