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
import { Case, CaseContact } from '../../case/case.entity';
import { careSubgraph } from '../../care.subgraph';
import { configureCare } from '../../care-services';
import { Commitment } from '../../commitment/commitment.entity';
import { EscalationRow } from '../../escalation/escalation.entity';

/*
 * Performance.customer on a hand-computed week (2027-03-01 to 03-08, asked on 03-10), teams PT1 (P1,
 * P2) and PT2 (Q1) of one center.
 * Commitments (made by the owner):
 *   P1: due 03-02 kept before due; due 03-03 kept 03-04 (late; escalated at due); due 03-04 never
 *       kept (escalated at due and after); due 03-20 (after the week)  -> due 3: kept 1, late 1, broken 1,
 *       escalated after due 2; overdue at the week's end 1
 *   P2: due 03-05 kept; due 02-20 never kept (before the week)            -> due 1, kept 1; overdue 1
 *   Q1: due 03-06 never kept, not escalated                               -> due 1, broken 1; overdue 1
 * Cases (owner, opened, inbound customer contacts, department changes):
 *   P1: 03-02, 2 inbound (+1 outbound), 2 changes; 03-03, 1 inbound, 1 change
 *   P2: 03-04, 3 inbound, 0 changes
 *   Q1: 03-05, 1 inbound, 3 changes; 02-25 (before the week), 4 inbound, 2 changes
 */
const HAND: Record<string, Record<string, number | null>> = {
  P1: {
    promiseKeptRate: 1 / 3,
    promiseOnTimeOrLateRate: 2 / 3,
    overdueCommitments: 1,
    escalationRate: 2 / 3,
    caseRepeatRate: 0.5,
    handoffRate: 0.5,
    avgHandoffs: 1.5,
    commitmentsDue: 3,
    fulfilled: 1,
    fulfilledLate: 1,
    broken: 1,
    casesOpened: 2,
  },
  P2: {
    promiseKeptRate: 1,
    promiseOnTimeOrLateRate: 1,
    overdueCommitments: 1,
    escalationRate: 0,
    caseRepeatRate: 1,
    handoffRate: 0,
    avgHandoffs: 0,
    commitmentsDue: 1,
    fulfilled: 1,
    fulfilledLate: 0,
    broken: 0,
    casesOpened: 1,
  },
  Q1: {
    promiseKeptRate: 0,
    promiseOnTimeOrLateRate: 0,
    overdueCommitments: 1,
    escalationRate: 0,
    caseRepeatRate: 0,
    handoffRate: 1,
    avgHandoffs: 3,
    commitmentsDue: 1,
    fulfilled: 0,
    fulfilledLate: 0,
    broken: 1,
    casesOpened: 1,
  },
  PT1: {
    promiseKeptRate: 0.5,
    promiseOnTimeOrLateRate: 0.75,
    overdueCommitments: 2,
    escalationRate: 0.5,
    caseRepeatRate: 2 / 3,
    handoffRate: 1 / 3,
    avgHandoffs: 1,
    commitmentsDue: 4,
    fulfilled: 2,
    fulfilledLate: 1,
    broken: 1,
    casesOpened: 3,
  },
  CENTER: {
    promiseKeptRate: 0.4,
    promiseOnTimeOrLateRate: 0.6,
    overdueCommitments: 3,
    escalationRate: 0.4,
    caseRepeatRate: 0.5,
    handoffRate: 0.5,
    avgHandoffs: 1.5,
    commitmentsDue: 5,
    fulfilled: 2,
    fulfilledLate: 1,
    broken: 2,
    casesOpened: 4,
  },
};
const FIELDS = Object.keys(HAND.P1).join(' ');
const WEEK = { from: '2027-03-01T00:00:00.000Z', to: '2027-03-08T00:00:00.000Z' };

const center = randomUUID();
const pt1 = randomUUID();
const pt2 = randomUUID();
const day = (d: string, hour = 8) => new Date(`2027-${d}T${String(hour).padStart(2, '0')}:00:00Z`);
let care: TestSubgraph;
let restore: () => void;

beforeAll(async () => {
  restore = configureCare({ clock: () => day('03-10') });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { PCT: { id: center, teams: ['PT1', 'PT2'] } },
      teams: { PT1: { id: pt1, employeeNos: ['P1', 'P2'] }, PT2: { id: pt2, employeeNos: ['Q1'] } },
    }),
  });
  const em = (care.orm.em as EntityManager).fork();
  const commitment = (
    owner: string,
    team: string,
    due: Date,
    fulfilledAt: Date | null,
    escalations: Array<[number, Date]> = [],
  ) => {
    const c = em.create(Commitment, {
      clientKey: randomUUID(),
      centerId: center,
      teamId: team,
      ownerEmployeeNo: owner,
      customerKey: 'perf-customer',
      contactSource: 'CTI',
      contactExternalId: randomUUID(),
      kind: 'CALL_BACK',
      channel: 'VOICE',
      madeAt: new Date(due.getTime() - 86_400_000 * 2),
      dueAt: due,
      dueBasis: 'EXACT',
      fulfilledAt,
      madeBy: owner,
    });
    for (const [level, at] of escalations)
      em.create(EscalationRow, { commitmentId: c.id, level, action: 'NOTIFY', dueToFireAt: at, firedAt: at });
  };
  commitment('P1', pt1, day('03-02'), day('03-01'));
  commitment('P1', pt1, day('03-03'), day('03-04'), [[1, day('03-03')]]);
  commitment('P1', pt1, day('03-04'), null, [
    [1, day('03-04')],
    [2, day('03-04', 9)],
  ]);
  commitment('P1', pt1, day('03-20'), null);
  commitment('P2', pt1, day('03-05'), day('03-05', 7));
  commitment('P2', pt1, day('02-20'), null);
  commitment('Q1', pt2, day('03-06'), null);

  const links: Array<() => void> = [];
  const caseOf = (owner: string, team: string, openedAt: Date, inbound: number, handoffs: number) => {
    const k = em.create(Case, {
      caseNo: `CP-${randomUUID()}`,
      customerKey: 'perf-customer',
      type: 'INQUIRY',
      taxonomyVersion: 1,
      categoryCode: 'OTHER',
      title: 'card not arrived',
      status: 'OPEN',
      priority: 3,
      ownerAgentNo: owner,
      ownerTeamId: team,
      ownerDepartment: 'CARDS',
      centerId: center,
      sourceContactSource: 'CTI',
      sourceContactExternalId: randomUUID(),
      openedAt,
      handoffCount: handoffs,
      createdBy: owner,
    });
    const link = (direction: string) =>
      em.create(CaseContact, {
        source: 'CTI',
        externalId: randomUUID(),
        caseId: k.id,
        channel: 'VOICE',
        direction,
        arrivedAt: openedAt,
        agentNo: owner,
        queueCode: null,
      });
    // linked once the cases are stored (the link's foreign key)
    links.push(() => {
      for (let i = 0; i < inbound; i++) link('INBOUND');
      link('OUTBOUND');
    });
  };
  caseOf('P1', pt1, day('03-02'), 2, 2);
  caseOf('P1', pt1, day('03-03'), 1, 1);
  caseOf('P2', pt1, day('03-04'), 3, 0);
  caseOf('Q1', pt2, day('03-05'), 1, 3);
  caseOf('Q1', pt2, day('02-25'), 4, 2);
  await em.flush();
  for (const link of links) link();
  await em.flush();
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

type Part = Record<string, number | null>;
const record = (scopeType: string, scopeId: string, employeeNos: string[], period = WEEK) => ({
  __typename: 'Performance',
  scopeType,
  scopeId,
  ...period,
  agentSet: { id: employeeNos.join(','), agents: employeeNos.map((employeeNo) => ({ employeeNo })) },
});
const entities = async (representations: unknown[], who: Identity = caller('ADMIN')) => {
  const token = await subgraphToken('care', who);
  return care.sql.count(() =>
    postGraphQL<{ _entities: { customer: Part | null }[] }>(
      care.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { customer { ${FIELDS} } } } }`,
      { r: representations },
      { authorization: `Bearer ${token}` },
    ),
  );
};
const parts = (answer: Awaited<ReturnType<typeof entities>>) => {
  expect(answer.result.errors).toBeUndefined();
  return (answer.result.data?._entities ?? []).map((e) => e.customer);
};

describe('Performance.customer', () => {
  it('per agent, team and center, as computed by hand; a queue has none', async () => {
    const [p1, p2, q1, team, whole, nobody, queue] = parts(
      await entities([
        record('AGENT', randomUUID(), ['P1']),
        record('AGENT', randomUUID(), ['P2']),
        record('AGENT', randomUUID(), ['Q1']),
        record('TEAM', pt1, ['P1', 'P2']),
        record('CENTER', center, ['P1', 'P2', 'Q1']),
        record('AGENT', randomUUID(), ['NOBODY']),
        record('QUEUE', randomUUID(), []),
      ]),
    );
    expect(p1).toEqual(HAND.P1);
    expect(p2).toEqual(HAND.P2);
    expect(q1).toEqual(HAND.Q1);
    expect(team).toEqual(HAND.PT1);
    expect(whole).toEqual(HAND.CENTER);
    expect(nobody).toEqual({
      ...Object.fromEntries(Object.keys(HAND.P1).map((k) => [k, null])),
      overdueCommitments: 0,
      commitmentsDue: 0,
      fulfilled: 0,
      fulfilledLate: 0,
      broken: 0,
      casesOpened: 0,
    });
    expect(queue).toBeNull();
  });

  it("the agents' counts sum to their team's, and the teams' to the center's", async () => {
    const [p1, p2, q1, team1, team2, whole] = parts(
      await entities([
        record('AGENT', randomUUID(), ['P1']),
        record('AGENT', randomUUID(), ['P2']),
        record('AGENT', randomUUID(), ['Q1']),
        record('TEAM', pt1, ['P1', 'P2']),
        record('TEAM', pt2, ['Q1']),
        record('CENTER', center, ['P1', 'P2', 'Q1']),
      ]),
    );
    for (const count of [
      'overdueCommitments',
      'commitmentsDue',
      'fulfilled',
      'fulfilledLate',
      'broken',
      'casesOpened',
    ]) {
      expect(Number(p1?.[count]) + Number(p2?.[count])).toBe(team1?.[count]);
      expect(Number(team1?.[count]) + Number(team2?.[count])).toBe(whole?.[count]);
      expect(Number(q1?.[count])).toBe(team2?.[count]);
    }
  });

  it('agrees with commitmentKpis per agent', async () => {
    const token = await subgraphToken('care', caller('ADMIN'));
    const own = await postGraphQL<{ commitmentKpis: Part[] }>(
      care.url,
      `query { commitmentKpis(groupBy: AGENT, from: "${WEEK.from}", to: "${WEEK.to}", centerId: "${center}") {
         key promiseKeptRate escalationRate overdueCommitments } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(own.errors).toBeUndefined();
    for (const row of own.data?.commitmentKpis ?? []) {
      const [part] = parts(await entities([record('AGENT', randomUUID(), [String(row.key)])]));
      expect({
        promiseKeptRate: part?.promiseKeptRate,
        escalationRate: part?.escalationRate,
        overdueCommitments: part?.overdueCommitments,
      }).toEqual({
        promiseKeptRate: row.promiseKeptRate,
        escalationRate: row.escalationRate,
        overdueCommitments: row.overdueCommitments,
      });
    }
    expect(own.data?.commitmentKpis.map((r) => r.key)).toEqual(['P1', 'P2', 'Q1']);
  });

  it('a day-by-day trend adds up to the week', async () => {
    const days = Array.from({ length: 7 }, (_, i) => {
      const from = new Date(Date.UTC(2027, 2, 1 + i));
      return record('TEAM', pt1, ['P1', 'P2'], {
        from: from.toISOString(),
        to: new Date(from.getTime() + 86_400_000).toISOString(),
      });
    });
    const perDay = parts(await entities(days));
    for (const count of ['commitmentsDue', 'fulfilled', 'fulfilledLate', 'broken', 'casesOpened']) {
      expect(perDay.reduce((sum, p) => sum + Number(p?.[count]), 0)).toBe(HAND.PT1[count]);
    }
    // overdue is a stock, not a flow: at the end of 03-07 it is the week's
    expect(perDay[6]?.overdueCommitments).toBe(HAND.PT1.overdueCommitments);
  });

  it('costs two statements for 3 records or 300 of many periods and agents', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const from = new Date(Date.UTC(2027, 1, 1 + (i % 60)));
        return record(i % 2 ? 'AGENT' : 'TEAM', randomUUID(), ['P1', `N${i}`], {
          from: from.toISOString(),
          to: new Date(from.getTime() + 7 * 86_400_000).toISOString(),
        });
      });
    const small = await entities(batch(3));
    const large = await entities(batch(300));
    expect(parts(large)).toHaveLength(300);
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
  });

  it('is null outside the caller’s scope: a lead sees the team and its agents, not the other team', async () => {
    const lead = caller('TEAM_LEAD', { teams: ['PT1'], employeeNo: 'P2' });
    const [team1, team2, p1, q1, whole] = parts(
      await entities(
        [
          record('TEAM', pt1, ['P1', 'P2']),
          record('TEAM', pt2, ['Q1']),
          record('AGENT', randomUUID(), ['P1']),
          record('AGENT', randomUUID(), ['Q1']),
          record('CENTER', center, ['P1', 'P2', 'Q1']),
        ],
        lead,
      ),
    );
    expect(team1).toEqual(HAND.PT1);
    expect(p1).toEqual(HAND.P1);
    expect([team2, q1, whole]).toEqual([null, null, null]);
    const agent = caller('AGENT', { employeeNo: 'Q1' });
    const [own, other] = parts(
      await entities([record('AGENT', randomUUID(), ['Q1']), record('AGENT', randomUUID(), ['P1'])], agent),
    );
    expect(own).toEqual(HAND.Q1);
    expect(other).toBeNull();
  });

  it('refuses a period that ends before it starts, naming it', async () => {
    const { result } = await entities([record('TEAM', pt1, ['P1'], { from: WEEK.to, to: WEEK.from })]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/to|from|period/);
  });
});
