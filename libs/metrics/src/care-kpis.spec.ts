import fc from 'fast-check';
import type { BusinessCalendar } from './business-calendar';
import {
  careKpiValues,
  caseResolutionBusinessMinutes,
  caseKpis,
  caseTotals,
  commitmentKpis,
  commitmentTotals,
  emptyCaseTotals,
  emptyCommitmentTotals,
  handoffCount,
  sumCaseTotals,
  sumCommitmentTotals,
  type CaseRecord,
  type CommitmentRecord,
} from './care-kpis';

const sh = (local: string): Date => new Date(`${local}+08:00`);
const minutes = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);
const week = { from: sh('2026-10-12T00:00:00'), to: sh('2026-10-19T00:00:00') };
const asOf = sh('2026-10-21T12:00:00');

type Agent = '1001' | '1002' | '1003';
const due = (day: string): Date => sh(`2026-10-${day}T10:00:00`);
const onTime = (d: Date): CommitmentRecord => ({
  dueAt: d,
  fulfilledAt: minutes(d, -20),
  escalations: [{ level: 0, at: minutes(d, -30) }],
});

/**
 * Research A3, test 3: a week with 10 promises, 6 kept on time, 2 late, 1 broken, 1 cancelled, plus
 * one due the week before (still broken) and one due the week after (open).
 */
const promises: Array<[Agent, CommitmentRecord]> = [
  ['1001', onTime(due('12'))],
  ['1001', onTime(due('13'))],
  ['1001', onTime(due('14'))],
  // late: level 1 fired at due, kept the day after the week ended (so overdue at the week's end)
  [
    '1001',
    { dueAt: due('15'), fulfilledAt: sh('2026-10-20T10:00:00'), escalations: [{ level: 1, at: due('15') }] },
  ],
  // broken: never kept, the ladder climbed
  [
    '1001',
    {
      dueAt: due('16'),
      escalations: [
        { level: 0, at: minutes(due('16'), -30) },
        { level: 1, at: due('16') },
        { level: 2, at: minutes(due('16'), 60) },
      ],
    },
  ],
  ['1002', onTime(due('12'))],
  ['1002', onTime(due('13'))],
  ['1002', { dueAt: due('14'), cancellation: { status: 'CANCELLED_BY_CUSTOMER', at: due('13') } }],
  ['1002', { dueAt: sh('2026-10-08T10:00:00') }], // the week before: not due this week, still overdue
  ['1003', onTime(due('15'))],
  [
    '1003',
    { dueAt: due('16'), fulfilledAt: minutes(due('16'), 5), escalations: [{ level: 1, at: due('16') }] },
  ],
  ['1003', { dueAt: sh('2026-10-20T10:00:00') }], // the week after
];

const byAgent = <A extends string, T>(rows: Array<[A, T]>, agent: A): T[] =>
  rows.filter(([a]) => a === agent).map(([, r]) => r);

describe('commitment KPIs, hand-computed (research A3, test 3)', () => {
  const team = commitmentTotals(
    promises.map(([, p]) => p),
    week,
    asOf,
  );

  it('counts the team: 10 due, 6 kept on time, 2 late, 1 broken, 1 cancelled; 3 escalated after due; 3 overdue', () => {
    expect(team).toEqual({
      due: 10,
      fulfilled: 6,
      fulfilledLate: 2,
      broken: 1,
      open: 0,
      cancelled: 1,
      superseded: 0,
      escalatedAfterDue: 3,
      overdue: 3, // 1001's broken and late-after-the-week ones, 1002's from the week before
    });
    const kpis = commitmentKpis(team);
    expect(kpis.promiseKeptRate).toBeCloseTo(6 / 9, 12);
    expect(kpis.promiseOnTimeOrLateRate).toBeCloseTo(8 / 9, 12);
    expect(kpis.escalationRate).toBeCloseTo(3 / 10, 12);
    expect(kpis.overdueCommitments).toBe(3);
  });

  it('counts each agent, and the agents sum to the team (rates from sums, not averages)', () => {
    const agents = (['1001', '1002', '1003'] as const).map((a) =>
      commitmentTotals(byAgent(promises, a), week, asOf),
    );
    expect(
      agents.map((t) => [
        t.due,
        t.fulfilled,
        t.fulfilledLate,
        t.broken,
        t.cancelled,
        t.escalatedAfterDue,
        t.overdue,
      ]),
    ).toEqual([
      [5, 3, 1, 1, 0, 2, 2],
      [3, 2, 0, 0, 1, 0, 1],
      [2, 1, 1, 0, 0, 1, 0],
    ]);
    expect(agents.map((t) => commitmentKpis(t).promiseKeptRate)).toEqual([3 / 5, 2 / 2, 1 / 2]);
    expect(sumCommitmentTotals(agents)).toEqual(team);
    const meanOfAgentRates = (3 / 5 + 1 + 1 / 2) / 3;
    expect(commitmentKpis(sumCommitmentTotals(agents)).promiseKeptRate).not.toBeCloseTo(meanOfAgentRates, 3);
  });

  it('judges as of the moment asked: mid-week only what is already due counts', () => {
    const wednesdayNoon = sh('2026-10-14T12:00:00');
    const t = commitmentTotals(
      promises.map(([, p]) => p),
      week,
      wednesdayNoon,
    );
    // due by then: 1001 Mon, Tue, Wed; 1002 Mon, Tue, the cancelled Wed
    expect([t.due, t.fulfilled, t.cancelled, t.overdue]).toEqual([6, 5, 1, 1]);
  });

  it('is null, never 0 or NaN, when the denominator is 0', () => {
    expect(commitmentKpis(emptyCommitmentTotals())).toEqual({
      promiseKeptRate: null,
      promiseOnTimeOrLateRate: null,
      escalationRate: null,
      overdueCommitments: 0,
    });
    const allCancelled = commitmentTotals(byAgent(promises, '1002').slice(2, 3), week, asOf);
    expect(commitmentKpis(allCancelled)).toMatchObject({ promiseKeptRate: null, escalationRate: 0 });
  });
});

describe('case KPIs, hand-computed (research A1)', () => {
  const cases: Array<['X' | 'Y', CaseRecord]> = [
    // the story: three inbound calls, the case bounced CARDS → LOANS → CARDS
    [
      'X',
      {
        openedAt: sh('2026-10-12T10:00:00'),
        inboundCustomerContacts: 3,
        handoffCount: handoffCount(['CARDS', 'LOANS', 'CARDS']),
      },
    ],
    ['X', { openedAt: sh('2026-10-13T10:00:00'), inboundCustomerContacts: 1, handoffCount: 1 }],
    ['Y', { openedAt: sh('2026-10-14T10:00:00'), inboundCustomerContacts: 2, handoffCount: 0 }],
    ['Y', { openedAt: sh('2026-10-18T23:59:00'), inboundCustomerContacts: 0, handoffCount: 3 }],
    ['Y', { openedAt: sh('2026-10-11T23:59:00'), inboundCustomerContacts: 5, handoffCount: 2 }], // the week before
  ];

  it('counts hand-offs as changes of the owning department', () => {
    expect(handoffCount(['CARDS', 'LOANS', 'CARDS'])).toBe(2);
    expect(handoffCount(['CARDS', 'CARDS', 'LOANS'])).toBe(1);
    expect(handoffCount(['CARDS'])).toBe(0);
    expect(handoffCount([])).toBe(0);
  });

  it('gives caseRepeatRate 2/4 and handoffRate 2/4 for the team, and the agents sum to it', () => {
    const team = caseTotals(
      cases.map(([, c]) => c),
      week,
    );
    expect(team).toEqual({ opened: 4, repeated: 2, bounced: 2, handoffs: 6 });
    expect(caseKpis(team)).toEqual({ caseRepeatRate: 0.5, handoffRate: 0.5, avgHandoffs: 1.5 });
    const x = caseTotals(byAgent(cases, 'X'), week);
    const y = caseTotals(byAgent(cases, 'Y'), week);
    expect(x).toEqual({ opened: 2, repeated: 1, bounced: 1, handoffs: 3 });
    expect(sumCaseTotals([x, y])).toEqual(team);
    expect(caseKpis(caseTotals([cases[0][1]], week))).toMatchObject({ caseRepeatRate: 1, handoffRate: 1 }); // A1
    expect(caseKpis(emptyCaseTotals())).toEqual({
      caseRepeatRate: null,
      handoffRate: null,
      avgHandoffs: null,
    });
  });

  it('puts the five catalog KPIs together by code', () => {
    const values = careKpiValues(
      commitmentTotals(
        promises.map(([, p]) => p),
        week,
        asOf,
      ),
      caseTotals(
        cases.map(([, c]) => c),
        week,
      ),
    );
    expect(Object.keys(values).sort()).toEqual([
      'CASE_REPEAT_RATE',
      'ESCALATION_RATE',
      'HANDOFF_RATE',
      'OVERDUE_COMMITMENTS',
      'PROMISE_KEPT_RATE',
    ]);
    expect(values.HANDOFF_RATE).toBe(0.5);
    expect(values.OVERDUE_COMMITMENTS).toBe(3);
  });
});

describe('case resolution time in business minutes', () => {
  const a2: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    periods: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' },
      { weekday, start: '13:30', end: '17:30' },
    ]),
    exceptions: [{ date: '2026-10-10', kind: 'WORKDAY', periods: [{ start: '09:00', end: '17:30' }] }],
  };

  it('gives mean and p90 (nearest rank) of the cases resolved in the period', () => {
    const times = caseResolutionBusinessMinutes(
      a2,
      [
        { openedAt: sh('2026-10-09T16:30:00'), resolvedAt: sh('2026-10-12T10:00:00') }, // 60 Fri + 510 Sat + 60 Mon
        { openedAt: sh('2026-10-12T09:00:00'), resolvedAt: sh('2026-10-12T12:00:00') }, // 180
        { openedAt: sh('2026-10-12T11:00:00'), resolvedAt: sh('2026-10-13T10:00:00') }, // 60 + 240 + 60
        { openedAt: sh('2026-10-12T11:00:00'), resolvedAt: null }, // not resolved
        { openedAt: sh('2026-10-01T11:00:00'), resolvedAt: sh('2026-10-09T10:00:00') }, // resolved the week before
      ],
      week,
    );
    expect(times).toEqual({ n: 3, sumMinutes: 630 + 180 + 360, mean: 390, p90: 630 });
    expect(caseResolutionBusinessMinutes(a2, [], week)).toEqual({
      n: 0,
      sumMinutes: 0,
      mean: null,
      p90: null,
    });
  });

  it('takes the 9th of 10 values as p90', () => {
    const cases = Array.from({ length: 10 }, (_, i) => ({
      openedAt: sh('2026-10-13T09:00:00'),
      resolvedAt: sh(`2026-10-13T09:${String(i + 1).padStart(2, '0')}:00`),
    }));
    expect(caseResolutionBusinessMinutes(a2, cases, week).p90).toBe(9);
  });
});

describe('per-agent totals always sum to the group total (property)', () => {
  const base = Date.parse('2026-10-05T00:00:00Z');
  const t = fc.integer({ min: 0, max: 21 * 24 * 60 }).map((m) => new Date(base + m * 60_000));
  const commitment = fc.record({
    agent: fc.constantFrom('a', 'b', 'c', 'd'),
    dueAt: t,
    fulfilledAt: fc.option(t),
    cancellation: fc.option(
      fc.record({ status: fc.constantFrom('CANCELLED_BY_CUSTOMER' as const, 'SUPERSEDED' as const), at: t }),
    ),
    escalations: fc.array(fc.record({ level: fc.nat(4), at: t }), { maxLength: 4 }),
  });
  const kase = fc.record({
    agent: fc.constantFrom('a', 'b', 'c'),
    openedAt: t,
    inboundCustomerContacts: fc.nat(5),
    handoffCount: fc.nat(4),
  });

  it('holds for commitments and cases', () => {
    fc.assert(
      fc.property(
        fc.array(commitment, { maxLength: 40 }),
        fc.array(kase, { maxLength: 40 }),
        t,
        (cs, ks, now) => {
          const agents = ['a', 'b', 'c', 'd'];
          const c = sumCommitmentTotals(
            agents.map((a) =>
              commitmentTotals(
                cs.filter((r) => r.agent === a),
                week,
                now,
              ),
            ),
          );
          const k = sumCaseTotals(
            agents.map((a) =>
              caseTotals(
                ks.filter((r) => r.agent === a),
                week,
              ),
            ),
          );
          return (
            JSON.stringify(c) === JSON.stringify(commitmentTotals(cs, week, now)) &&
            JSON.stringify(k) === JSON.stringify(caseTotals(ks, week))
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
