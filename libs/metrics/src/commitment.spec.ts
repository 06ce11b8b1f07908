import fc from 'fast-check';
import type { BusinessCalendar } from './business-calendar';
import {
  commitmentDeadline,
  commitmentDueAt,
  commitmentStatus,
  commitmentWarnings,
  contactFulfils,
  fulfilmentMismatch,
  lateMatchDeadline,
  resolutionFulfils,
  validateCommitment,
  type CommitmentFacts,
  type CommitmentInput,
  type CommitmentStatus,
  type MatchableCommitment,
  type MatchingContact,
} from './commitment';

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

describe('commitment input', () => {
  const good: CommitmentInput = {
    kind: 'CALL_BACK',
    channel: 'VOICE',
    madeAt: sh('2026-10-09T16:00:00'),
    due: { basis: 'BUSINESS_MINUTES', businessMinutes: 120 },
  };

  it('accepts a good one and computes the research A3 due time: Fri 16:00 + 120 business minutes = Sat 09:30', () => {
    expect(validateCommitment(good, a2)).toEqual([]);
    expect(commitmentDueAt(good.madeAt, good.due, a2)).toEqual(sh('2026-10-10T09:30:00'));
    const exact = sh('2026-10-15T15:00:00');
    expect(commitmentDueAt(good.madeAt, { basis: 'EXACT', dueAt: exact })).toBe(exact);
  });

  it('names the field of each problem', () => {
    const fields = (input: Partial<CommitmentInput>, cal: BusinessCalendar | null = a2): string[] =>
      validateCommitment({ ...good, ...input } as CommitmentInput, cal).map((p) => p.field);
    expect(fields({ due: { basis: 'EXACT', dueAt: sh('2026-10-09T15:00:00') } })).toEqual(['dueAt']);
    expect(fields({ due: { basis: 'EXACT', dueAt: sh('2026-10-09T16:00:00') } })).toEqual(['dueAt']); // at made
    expect(
      fields({
        due: { basis: 'EXACT', dueAt: sh('2026-10-12T10:00:00') },
        windowStart: sh('2026-10-13T09:00:00'),
      }),
    ).toEqual(['windowStart']);
    expect(fields({ windowStart: sh('2026-10-09T15:00:00') })).toEqual(['windowStart']);
    expect(fields({ kind: 'PRAY' as never, channel: 'FAX' as never })).toEqual(['kind', 'channel']);
    expect(fields({}, null)).toEqual(['calendar']);
    expect(fields({ due: { basis: 'BUSINESS_MINUTES', businessMinutes: 0 } })).toEqual(['businessMinutes']);
    expect(fields({ due: { basis: 'BUSINESS_MINUTES', businessMinutes: 1.5 } })).toEqual(['businessMinutes']);
    expect(fields({ madeAt: new Date('nope') })).toEqual(['madeAt']);
    expect(
      validateCommitment({ ...good, due: { basis: 'EXACT', dueAt: sh('2026-10-09T15:00:00') } }, a2)[0]
        .message,
    ).toMatch(/is not after madeAt/);
  });

  it('warns when a WECHAT follow-up falls outside WeChat reply window and proposes SMS or VOICE', () => {
    const last = sh('2026-10-09T10:00:00');
    expect(
      commitmentWarnings('WECHAT', sh('2026-10-11T09:59:00'), {
        lastCustomerMessageAt: last,
        messagesSentSince: 0,
      }),
    ).toEqual([]);
    const late = commitmentWarnings('WECHAT', sh('2026-10-11T10:01:00'), {
      lastCustomerMessageAt: last,
      messagesSentSince: 0,
    });
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ field: 'channel', proposedChannels: ['SMS', 'VOICE'] });
    expect(
      commitmentWarnings('WECHAT', sh('2026-10-09T12:00:00'), {
        lastCustomerMessageAt: last,
        messagesSentSince: 5,
      }),
    ).toHaveLength(1);
    expect(commitmentWarnings('WECHAT', sh('2026-10-09T12:00:00'))).toHaveLength(1);
    expect(commitmentWarnings('VOICE', sh('2026-12-31T12:00:00'))).toEqual([]);
  });
});

describe('commitment status (research A3, test 2: due Sat 10-10 09:30)', () => {
  const dueAt = sh('2026-10-10T09:30:00');

  it('is FULFILLED by a contact at 09:20, FULFILLED_LATE by one at 09:40, BROKEN at 09:30 without one', () => {
    const onTime: CommitmentFacts = { dueAt, fulfilledAt: sh('2026-10-10T09:20:00') };
    expect(commitmentStatus(onTime, sh('2026-10-10T09:10:00'))).toBe('OPEN'); // not yet happened
    expect(commitmentStatus(onTime, sh('2026-10-10T09:20:00'))).toBe('FULFILLED');
    expect(commitmentStatus(onTime, sh('2026-10-20T09:00:00'))).toBe('FULFILLED');

    const none: CommitmentFacts = { dueAt };
    expect(commitmentStatus(none, sh('2026-10-10T09:29:59'))).toBe('OPEN');
    expect(commitmentStatus(none, sh('2026-10-10T09:30:00'))).toBe('BROKEN');

    const late: CommitmentFacts = { dueAt, fulfilledAt: sh('2026-10-10T09:40:00') };
    expect(commitmentStatus(late, sh('2026-10-10T09:35:00'))).toBe('BROKEN');
    expect(commitmentStatus(late, sh('2026-10-10T09:40:00'))).toBe('FULFILLED_LATE');

    expect(commitmentStatus({ dueAt, fulfilledAt: dueAt }, dueAt)).toBe('FULFILLED'); // at due is on time
  });

  it('counts grace minutes as on time', () => {
    const facts: CommitmentFacts = { dueAt, graceMinutes: 10, fulfilledAt: sh('2026-10-10T09:40:00') };
    expect(commitmentDeadline(facts)).toEqual(sh('2026-10-10T09:40:00'));
    expect(commitmentStatus(facts, sh('2026-10-10T09:45:00'))).toBe('FULFILLED');
    expect(commitmentStatus({ dueAt, graceMinutes: 10 }, sh('2026-10-10T09:35:00'))).toBe('OPEN');
  });

  it('lets a cancellation take the commitment out only before it was kept or broken', () => {
    const at = sh('2026-10-10T09:00:00');
    expect(
      commitmentStatus(
        { dueAt, cancellation: { status: 'CANCELLED_BY_CUSTOMER', at } },
        sh('2026-10-12T09:00:00'),
      ),
    ).toBe('CANCELLED_BY_CUSTOMER');
    expect(
      commitmentStatus({ dueAt, cancellation: { status: 'SUPERSEDED', at } }, sh('2026-10-10T08:00:00')),
    ).toBe('OPEN');
    // a newer promise after this one broke does not erase the broken one
    const after = { status: 'SUPERSEDED' as const, at: sh('2026-10-10T11:00:00') };
    expect(commitmentStatus({ dueAt, cancellation: after }, sh('2026-10-12T09:00:00'))).toBe('BROKEN');
    // kept, then cancelled: kept
    expect(
      commitmentStatus(
        {
          dueAt,
          fulfilledAt: sh('2026-10-10T08:00:00'),
          cancellation: { status: 'CANCELLED_BY_CUSTOMER', at },
        },
        sh('2026-10-12T09:00:00'),
      ),
    ).toBe('FULFILLED');
  });

  it('only moves forward in time: OPEN → FULFILLED, or OPEN → BROKEN → FULFILLED_LATE, or out by cancellation', () => {
    const allowed = new Set([
      'OPEN>FULFILLED',
      'OPEN>BROKEN',
      'BROKEN>FULFILLED_LATE',
      'OPEN>FULFILLED_LATE', // when no moment between the deadline and the fulfilment was looked at
      'OPEN>CANCELLED_BY_CUSTOMER',
      'OPEN>SUPERSEDED',
    ]);
    const base = Date.parse('2026-10-10T00:00:00Z');
    const t = fc.integer({ min: 0, max: 5 * 86_400 }).map((s) => new Date(base + s * 1000));
    fc.assert(
      fc.property(
        t,
        fc.option(t),
        fc.option(
          fc.record({
            status: fc.constantFrom('CANCELLED_BY_CUSTOMER' as const, 'SUPERSEDED' as const),
            at: t,
          }),
        ),
        fc.nat(120),
        fc.array(t, { minLength: 2, maxLength: 8 }),
        (due, fulfilledAt, cancellation, graceMinutes, times) => {
          const facts = { dueAt: due, fulfilledAt, cancellation, graceMinutes };
          const seq: CommitmentStatus[] = times
            .sort((a, b) => a.getTime() - b.getTime())
            .map((now) => commitmentStatus(facts, now));
          return seq.every((s, i) => i === 0 || s === seq[i - 1] || allowed.has(`${seq[i - 1]}>${s}`));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('automatic fulfilment: which contact keeps which commitment', () => {
  const dueAt = sh('2026-10-10T09:30:00');
  const commitment: MatchableCommitment = {
    kind: 'CALL_BACK',
    customerKey: '+8613800000001',
    allowedChannels: ['VOICE'],
    madeAt: sh('2026-10-09T16:00:00'),
    lateMatchUntil: lateMatchDeadline(a2, dueAt),
    ownerAgentNo: '1001',
    ownerTeamId: 'team-a',
    status: 'OPEN',
    madeOnContact: { source: 'pbx', externalId: 'c-1' },
  };
  const call: MatchingContact = {
    source: 'pbx',
    externalId: 'c-2',
    customerKey: '+8613800000001',
    channel: 'VOICE',
    direction: 'OUTBOUND',
    answered: true,
    arrivedAt: sh('2026-10-10T09:20:00'),
    agentNo: '1001',
    agentTeamId: 'team-a',
  };

  it('gives a late-match window of 3 business days after due (Mon, Tue, Wed after the adjusted Saturday)', () => {
    expect(commitment.lateMatchUntil).toEqual(sh('2026-10-14T09:30:00'));
  });

  it('is kept by an answered outbound call to the same customer, inside the window, late ones included', () => {
    expect(fulfilmentMismatch(commitment, call)).toBeNull();
    expect(
      contactFulfils({ ...commitment, status: 'BROKEN' }, { ...call, arrivedAt: sh('2026-10-14T09:30:00') }),
    ).toBe(true);
    expect(contactFulfils(commitment, { ...call, agentNo: '2002', agentTeamId: 'team-b' })).toBe(true); // anyone calling out
  });

  it.each<[string, Partial<MatchingContact>, Partial<MatchableCommitment>, RegExp]>([
    ['another customer', { customerKey: '+8613800000002' }, {}, /another customer/],
    ['no customer key', { customerKey: null }, {}, /another customer/],
    ['a channel not allowed', { channel: 'CHAT' }, {}, /channel CHAT/],
    ['an unanswered call', { answered: false }, {}, /unanswered call/],
    [
      'an inbound call answered in another team',
      { direction: 'INBOUND', agentNo: '2002', agentTeamId: 'team-b' },
      {},
      /outside/,
    ],
    ['an inbound call nobody answered', { direction: 'INBOUND', answered: false }, {}, /nobody answered/],
    ['the contact it was made on', { externalId: 'c-1' }, {}, /made on/],
    [
      'a contact before the window opens',
      { arrivedAt: sh('2026-10-10T09:00:00') },
      { windowStart: sh('2026-10-10T09:10:00') },
      /before the window/,
    ],
    [
      'a contact after the late window',
      { arrivedAt: sh('2026-10-14T09:31:00') },
      { status: 'BROKEN' },
      /late-match/,
    ],
    ['a commitment already kept', {}, { status: 'FULFILLED' }, /is FULFILLED/],
    ['a cancelled commitment', {}, { status: 'CANCELLED_BY_CUSTOMER' }, /CANCELLED_BY_CUSTOMER/],
    ['a RESOLVE commitment', {}, { kind: 'RESOLVE' }, /not kept by a contact/],
    ['a PROMISE_TO_PAY commitment', {}, { kind: 'PROMISE_TO_PAY' }, /not kept by a contact/],
  ])('is not kept by %s', (_, contactChange, commitmentChange, reason) => {
    expect(fulfilmentMismatch({ ...commitment, ...commitmentChange }, { ...call, ...contactChange })).toMatch(
      reason,
    );
  });

  it('is kept by an inbound contact answered by the owner or the owner team, and by a sent message', () => {
    expect(contactFulfils(commitment, { ...call, direction: 'INBOUND' })).toBe(true);
    expect(contactFulfils(commitment, { ...call, direction: 'INBOUND', agentNo: '1009' })).toBe(true); // teammate
    const sendInfo = { ...commitment, kind: 'SEND_INFO' as const, allowedChannels: ['SMS', 'EMAIL'] };
    expect(contactFulfils(sendInfo, { ...call, channel: 'SMS', answered: false })).toBe(true);
  });

  it('is kept by the resolution of its case for CALL_BACK, SEND_INFO and RESOLVE, not for VISIT_BRANCH', () => {
    const resolved = sh('2026-10-12T10:00:00');
    expect(resolutionFulfils({ ...commitment, kind: 'RESOLVE' }, resolved)).toBe(true);
    expect(resolutionFulfils(commitment, resolved)).toBe(true);
    expect(resolutionFulfils({ ...commitment, kind: 'VISIT_BRANCH' }, resolved)).toBe(false);
    expect(resolutionFulfils({ ...commitment, kind: 'RESOLVE' }, sh('2026-10-09T15:00:00'))).toBe(false);
    expect(resolutionFulfils({ ...commitment, status: 'SUPERSEDED' }, resolved)).toBe(false);
  });
});
