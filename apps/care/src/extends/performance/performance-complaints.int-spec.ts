import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { Case, type CaseKind } from '../../case/case.entity';
import { careSubgraph } from '../../care.subgraph';
import { configureCare } from '../../care-services';
import { Complaint } from '../../complaint/complaint.entity';

/*
 * Performance.complaints on a hand-computed week (2027-03-01 to 03-08), center C with teams T1 (A1,
 * A2) and T2 (B1); center D elsewhere. Complaints (subject = complained about, handler; received,
 * closed, outcome; deadline received + 15 days unless said; case owner and opening):
 *   #1 A1 / B1: received 03-02, closed 03-05 UPHELD (timely); case of A1 opened 03-01 as an INQUIRY
 *   #2 A1 / B1: received 02-10, closed 03-03 NOT_UPHELD, deadline 02-25 (late); case of A1 opened 02-09
 *   #3 A2 / A1: received 03-04, open; case of A2 opened 03-04
 *   #4 B1 / A2: received 02-20, closed 03-06 WITHDRAWN, deadline 03-07 (timely); case of A2 opened 02-20
 *   #5 none / A1: received 03-03, closed 03-04 PARTIALLY_UPHELD (timely); case of A1 opened 03-03
 *   #6 A1 / A2: received 03-09 (after the week), open; case of A1 opened 03-09
 *   #7 in center D, Z9 / Z8: received 03-02, closed 03-04 UPHELD; case of Z8 opened 03-02
 * Cases without complaint: B1's opened 03-05, A1's opened 03-06.
 * Answered contacts (traffic's part of each record): A1 4,000, A2 2,000, B1 0, T1 6,000, C 10,000.
 */
const HAND: Record<string, Record<string, number | null>> = {
  A1: {
    complaintsPer10k: 2.5,
    complaintTimelyRate: 1,
    upheldRate: 0.5,
    escalatedToComplaintRate: 1 / 3,
    received: 1,
    closed: 1,
    closedTimely: 1,
    decided: 2,
    upheld: 1,
    casesOpened: 3,
    escalatedCases: 1,
    answeredContacts: 4000,
  },
  A2: {
    complaintsPer10k: 5,
    complaintTimelyRate: 1,
    upheldRate: null,
    escalatedToComplaintRate: 0,
    received: 1,
    closed: 1,
    closedTimely: 1,
    decided: 0,
    upheld: 0,
    casesOpened: 1,
    escalatedCases: 0,
    answeredContacts: 2000,
  },
  B1: {
    complaintsPer10k: null,
    complaintTimelyRate: 0.5,
    upheldRate: null,
    escalatedToComplaintRate: 0,
    received: 0,
    closed: 2,
    closedTimely: 1,
    decided: 0,
    upheld: 0,
    casesOpened: 1,
    escalatedCases: 0,
    answeredContacts: 0,
  },
  T1: {
    complaintsPer10k: 2 / 0.6,
    complaintTimelyRate: 1,
    upheldRate: 0.5,
    escalatedToComplaintRate: 0.25,
    received: 2,
    closed: 2,
    closedTimely: 2,
    decided: 2,
    upheld: 1,
    casesOpened: 4,
    escalatedCases: 1,
    answeredContacts: 6000,
  },
  C: {
    complaintsPer10k: 3,
    complaintTimelyRate: 0.75,
    upheldRate: 2 / 3,
    escalatedToComplaintRate: 0.2,
    received: 3,
    closed: 4,
    closedTimely: 3,
    decided: 3,
    upheld: 2,
    casesOpened: 5,
    escalatedCases: 1,
    answeredContacts: 10000,
  },
};
const FIELDS = Object.keys(HAND.A1).join(' ');
const WEEK = { from: '2027-03-01T00:00:00.000Z', to: '2027-03-08T00:00:00.000Z' };

const centerC = randomUUID();
const centerD = randomUUID();
const t1 = randomUUID();
const t2 = randomUUID();
const day = (d: string, hour = 8) => new Date(`2027-${d}T${String(hour).padStart(2, '0')}:00:00Z`);
const DAY = 86_400_000;
let care: TestSubgraph;
let restore: () => void;

beforeAll(async () => {
  restore = configureCare({ clock: () => day('03-10') });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { PCC: { id: centerC, teams: ['T1', 'T2'] }, PCD: { id: centerD, teams: [] } },
      teams: { T1: { id: t1, employeeNos: ['A1', 'A2'] }, T2: { id: t2, employeeNos: ['B1'] } },
    }),
  });
  const em = (care.orm.em as EntityManager).fork();
  const caseOf = (owner: string, team: string, center: string, openedAt: Date, type: CaseKind = 'INQUIRY') =>
    em.create(Case, {
      caseNo: `PC-${randomUUID()}`,
      customerKey: 'perf-complaint-customer',
      type,
      taxonomyVersion: 1,
      categoryCode: 'OTHER',
      title: 'fee charged twice',
      status: 'OPEN',
      priority: 3,
      ownerAgentNo: owner,
      ownerTeamId: team,
      ownerDepartment: 'CARDS',
      centerId: center,
      sourceContactSource: 'CTI',
      sourceContactExternalId: randomUUID(),
      openedAt,
      handoffCount: 0,
      createdBy: owner,
    });
  const complaints: Array<() => void> = [];
  const complaint = (
    c: { subject: string | null; handler: string; received: Date; escalatedFrom?: string },
    k: { owner: string; team: string; opened: Date; center?: string },
    closed: { at: Date; outcome: string; deadline?: Date } | null,
  ) => {
    const center = k.center ?? centerC;
    const kase = caseOf(k.owner, k.team, center, k.opened, 'COMPLAINT');
    const deadline = closed?.deadline ?? new Date(c.received.getTime() + 15 * DAY);
    // stored once the cases are (the complaint's foreign key)
    complaints.push(() =>
      em.create(Complaint, {
        caseId: kase.id,
        centerId: center,
        teamId: k.team,
        customerKey: 'perf-complaint-customer',
        receivedAt: c.received,
        taxonomyVersion: 1,
        channelCode: 'A01',
        businessCode: 'B01',
        reasonCode: 'C01',
        productCode: null,
        severity: 'NORMAL',
        source: c.escalatedFrom ? 'ESCALATED_FROM_CASE' : 'DIRECT',
        escalatedFromType: c.escalatedFrom ?? null,
        subjectAgentNo: c.subject,
        handlerAgentNo: c.handler,
        verbatimEnc: null,
        timeZone: 'Asia/Shanghai',
        deadlineBasis: 'DAYS_15',
        deadlineAt: deadline,
        deadlineDate: deadline.toISOString().slice(0, 10),
        closedAt: closed?.at ?? null,
        outcome: (closed?.outcome ?? null) as Complaint['outcome'],
      }),
    );
  };
  complaint(
    { subject: 'A1', handler: 'B1', received: day('03-02'), escalatedFrom: 'INQUIRY' },
    { owner: 'A1', team: t1, opened: day('03-01') },
    { at: day('03-05'), outcome: 'UPHELD' },
  );
  complaint(
    { subject: 'A1', handler: 'B1', received: day('02-10') },
    { owner: 'A1', team: t1, opened: day('02-09') },
    { at: day('03-03'), outcome: 'NOT_UPHELD', deadline: day('02-25') },
  );
  complaint(
    { subject: 'A2', handler: 'A1', received: day('03-04') },
    { owner: 'A2', team: t1, opened: day('03-04') },
    null,
  );
  complaint(
    { subject: 'B1', handler: 'A2', received: day('02-20') },
    { owner: 'A2', team: t1, opened: day('02-20') },
    { at: day('03-06'), outcome: 'WITHDRAWN', deadline: day('03-07') },
  );
  complaint(
    { subject: null, handler: 'A1', received: day('03-03') },
    { owner: 'A1', team: t1, opened: day('03-03') },
    { at: day('03-04'), outcome: 'PARTIALLY_UPHELD' },
  );
  complaint(
    { subject: 'A1', handler: 'A2', received: day('03-09') },
    { owner: 'A1', team: t1, opened: day('03-09') },
    null,
  );
  complaint(
    { subject: 'Z9', handler: 'Z8', received: day('03-02') },
    { owner: 'Z8', team: randomUUID(), opened: day('03-02'), center: centerD },
    { at: day('03-04'), outcome: 'UPHELD' },
  );
  caseOf('B1', t2, centerC, day('03-05'));
  caseOf('A1', t1, centerC, day('03-06'));
  await em.flush();
  for (const store of complaints) store();
  await em.flush();
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

type Part = Record<string, number | null>;
const record = (
  scopeType: string,
  scopeId: string,
  employeeNos: string[],
  answered: number | null,
  period = WEEK,
) => ({
  __typename: 'Performance',
  scopeType,
  scopeId,
  ...period,
  agentSet: { id: employeeNos.join(','), agents: employeeNos.map((employeeNo) => ({ employeeNo })) },
  traffic: answered === null ? null : { answered },
});
const entities = async (representations: unknown[], who: Identity = caller('ADMIN')) => {
  const token = await subgraphToken('care', who);
  return care.sql.count(() =>
    postGraphQL<{ _entities: { complaints: Part | null }[] }>(
      care.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { complaints { ${FIELDS} } } } }`,
      { r: representations },
      { authorization: `Bearer ${token}` },
    ),
  );
};
const parts = (answer: Awaited<ReturnType<typeof entities>>) => {
  expect(answer.result.errors).toBeUndefined();
  return (answer.result.data?._entities ?? []).map((e) => e.complaints);
};
const close = (actual: Part | null, expected: Part) => {
  expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect([key, actual?.[key]]).toEqual([key, null]);
    else expect([key, actual?.[key]]).toEqual([key, expect.closeTo(value, 10)]);
  }
};

describe('Performance.complaints (COMPLAINTS_PER_10K, COMPLAINT_TIMELY_RATE, UPHELD_RATE, ESCALATED_TO_COMPLAINT_RATE)', () => {
  it('per agent, team and center as computed by hand, over traffic’s answered contacts of the record', async () => {
    const [a1, a2, b1, team, center, queue] = parts(
      await entities([
        record('AGENT', randomUUID(), ['A1'], 4000),
        record('AGENT', randomUUID(), ['A2'], 2000),
        record('AGENT', randomUUID(), ['B1'], 0),
        record('TEAM', t1, ['A1', 'A2'], 6000),
        record('CENTER', centerC, ['A1', 'A2', 'B1'], 10000),
        record('QUEUE', randomUUID(), [], 500),
      ]),
    );
    close(a1, HAND.A1);
    close(a2, HAND.A2);
    close(b1, HAND.B1);
    close(team, HAND.T1);
    close(center, HAND.C);
    expect(queue).toBeNull();
  });

  it('without traffic’s part (traffic down or out of scope) per 10k is null and the rest stands', async () => {
    const [a1, nowhere] = parts(
      await entities([
        record('AGENT', randomUUID(), ['A1'], null),
        record('CENTER', 'not-a-center', [], 100),
      ]),
    );
    close(a1, { ...HAND.A1, complaintsPer10k: null, answeredContacts: null });
    expect(nowhere).toMatchObject({ received: 0, closed: 0, casesOpened: 0, complaintsPer10k: 0 });
  });

  it('complaintTotals: the same counts and rates without traffic’s part, for kpi to divide (one wave less)', async () => {
    const token = await subgraphToken('care', caller('ADMIN'));
    // no traffic in the representations: complaintTotals requires none, and waits on no other subgraph
    const answer = await postGraphQL<{ _entities: { complaintTotals: Part | null }[] }>(
      care.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { complaintTotals { ${FIELDS} } } } }`,
      {
        r: [
          record('AGENT', randomUUID(), ['A1'], null),
          record('CENTER', centerC, ['A1', 'A2', 'B1'], null),
        ].map(({ traffic: _traffic, ...rest }) => rest),
      },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.errors).toBeUndefined();
    const [a1, center] = (answer.data?._entities ?? []).map((e) => e.complaintTotals);
    close(a1, { ...HAND.A1, complaintsPer10k: null, answeredContacts: null });
    close(center, { ...HAND.C, complaintsPer10k: null, answeredContacts: null });
  });

  it('one statement for 3 records or 300 of many periods and agents, and a day-by-day trend adds up', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const from = new Date(Date.UTC(2027, 1, 1 + (i % 60)));
        return record(
          ['AGENT', 'TEAM', 'CENTER'][i % 3],
          i % 3 === 2 ? centerC : randomUUID(),
          ['A1', `N${i}`],
          100,
          { from: from.toISOString(), to: new Date(from.getTime() + 7 * DAY).toISOString() },
        );
      });
    const small = await entities(batch(3));
    const large = await entities(batch(300));
    expect(parts(large)).toHaveLength(300);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(1);

    const days = parts(
      await entities(
        Array.from({ length: 7 }, (_, i) => {
          const from = new Date(Date.UTC(2027, 2, 1 + i));
          return record('CENTER', centerC, [], 1, {
            from: from.toISOString(),
            to: new Date(from.getTime() + DAY).toISOString(),
          });
        }),
      ),
    );
    for (const count of [
      'received',
      'closed',
      'closedTimely',
      'decided',
      'upheld',
      'casesOpened',
      'escalatedCases',
    ])
      expect([count, days.reduce((sum, p) => sum + Number(p?.[count]), 0)]).toEqual([count, HAND.C[count]]);
  });

  it('is null outside the caller’s scope: a lead sees the team and its agents, not the other team or the center', async () => {
    const lead = caller('TEAM_LEAD', { teams: ['T1'], employeeNo: 'A2' });
    const [team1, a1, b1, center] = parts(
      await entities(
        [
          record('TEAM', t1, ['A1', 'A2'], 6000),
          record('AGENT', randomUUID(), ['A1'], 4000),
          record('AGENT', randomUUID(), ['B1'], 0),
          record('CENTER', centerC, ['A1', 'A2', 'B1'], 10000),
        ],
        lead,
      ),
    );
    close(team1, HAND.T1);
    close(a1, HAND.A1);
    expect([b1, center]).toEqual([null, null]);
  });

  it('agrees with complaintKpis for the center', async () => {
    const token = await subgraphToken('care', caller('ADMIN'));
    const own = await postGraphQL<{ complaintStats: Part[] }>(
      care.url,
      `query { complaintStats(from: "${WEEK.from}", to: "${WEEK.to}", centerIds: ["${centerC}"]) {
         received closed closedTimely decided upheld complaintTimelyRate upheldRate } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(own.errors).toBeUndefined();
    const [center] = parts(await entities([record('CENTER', centerC, [], 10000)]));
    const [row] = own.data?.complaintStats ?? [];
    for (const key of Object.keys(row ?? {})) expect([key, center?.[key]]).toEqual([key, row[key]]);
  });

  it('refuses a period that ends before it starts, naming it', async () => {
    const { result } = await entities([record('TEAM', t1, ['A1'], 1, { from: WEEK.to, to: WEEK.from })]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/to|from|period/);
  });
});
