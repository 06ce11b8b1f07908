import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare } from '../care-services';
import { EscalationRow } from '../escalation/escalation.entity';
import { Commitment } from './commitment.entity';

/*
 * Commitment KPIs on a hand-computed week (2027-03-01 to 03-08, asked on 03-10):
 *   A1 (team T1): due 3 — kept on time 1, kept late 1 (escalated at due), broken 1 (escalated), and one
 *                 due after the week; overdue at the week's end 1 (the broken one)
 *   A2 (team T1): due 1 — kept; one due before the week and never kept: overdue 1
 *   B1 (team T2): due 1 — broken, not escalated; overdue 1
 * PROMISE_KEPT_RATE A1 1/3, A2 1, B1 0, T1 2/4, T2 0, center 2/5; ESCALATION_RATE A1 2/3, T1 2/4,
 * center 2/5; OVERDUE_COMMITMENTS A1 1, A2 1, T1 2, center 3.
 */
const center = randomUUID();
const t1 = randomUUID();
const t2 = randomUUID();
const day = (d: string, hour = 8) => new Date(`2027-${d}T${String(hour).padStart(2, '0')}:00:00Z`);
let care: TestSubgraph;
let restore: () => void;

beforeAll(async () => {
  restore = configureCare({ clock: () => day('03-10') });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { KPI: { id: center, teams: ['KT1', 'KT2'] } },
      teams: { KT1: { id: t1, employeeNos: ['A1', 'A2'] }, KT2: { id: t2, employeeNos: ['B1'] } },
    }),
  });
  const em = (care.orm.em as EntityManager).fork();
  const make = (
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
      customerKey: 'k',
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
    for (const [level, at] of escalations) {
      em.create(EscalationRow, { commitmentId: c.id, level, action: 'NOTIFY', dueToFireAt: at, firedAt: at });
    }
  };
  make('A1', t1, day('03-02'), day('03-01'));
  make('A1', t1, day('03-03'), day('03-04'), [[1, day('03-03')]]);
  make('A1', t1, day('03-04'), null, [
    [1, day('03-04')],
    [2, day('03-04', 9)],
  ]);
  make('A1', t1, day('03-20'), null);
  make('A2', t1, day('03-05'), day('03-05', 7));
  make('A2', t1, day('02-20'), null);
  make('B1', t2, day('03-06'), null);
  await em.flush();
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

type Row = {
  key: string;
  due: number;
  promiseKeptRate: number | null;
  escalationRate: number | null;
  overdueCommitments: number;
};
const kpis = async (groupBy: string, who = caller('ADMIN')) => {
  const token = await subgraphToken('care', who);
  const answer = await postGraphQL<{ commitmentKpis: Row[] }>(
    care.url,
    `query($g: CommitmentGrouping!) { commitmentKpis(groupBy: $g, from: "2027-03-01T00:00:00Z", to: "2027-03-08T00:00:00Z") {
      key due promiseKeptRate escalationRate overdueCommitments } }`,
    { g: groupBy },
    { authorization: `Bearer ${token}` },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.commitmentKpis ?? [];
};

describe('commitment KPIs', () => {
  it('per agent, as computed by hand', async () => {
    expect(await kpis('AGENT')).toEqual([
      { key: 'A1', due: 3, promiseKeptRate: 1 / 3, escalationRate: 2 / 3, overdueCommitments: 1 },
      { key: 'A2', due: 1, promiseKeptRate: 1, escalationRate: 0, overdueCommitments: 1 },
      { key: 'B1', due: 1, promiseKeptRate: 0, escalationRate: 0, overdueCommitments: 1 },
    ]);
  });

  it("per team and center, from summed counts; the agents' rows sum to their team's", async () => {
    const teams = await kpis('TEAM');
    expect(teams).toEqual(
      [
        { key: t1, due: 4, promiseKeptRate: 0.5, escalationRate: 0.5, overdueCommitments: 2 },
        { key: t2, due: 1, promiseKeptRate: 0, escalationRate: 0, overdueCommitments: 1 },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const agents = await kpis('AGENT');
    const t1Row = teams.find((t) => t.key === t1);
    const a = agents.filter((r) => r.key.startsWith('A'));
    expect(a.reduce((s, r) => s + r.due, 0)).toBe(t1Row?.due);
    expect(a.reduce((s, r) => s + r.overdueCommitments, 0)).toBe(t1Row?.overdueCommitments);
    expect(await kpis('CENTER')).toEqual([
      { key: center, due: 5, promiseKeptRate: 0.4, escalationRate: 0.4, overdueCommitments: 3 },
    ]);
  });

  it("an agent's KPIs are their own only", async () => {
    expect((await kpis('AGENT', caller('AGENT', { employeeNo: 'A2' }))).map((r) => r.key)).toEqual(['A2']);
  });
});
