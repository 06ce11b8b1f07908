import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { rebuildSurveyRollup } from '../rollup/survey-rollup.writer';
import { SurveyInvitation } from '../survey/survey-invitation.entity';
import { SurveyResponse } from '../survey/survey-response.entity';
import { vocSubgraph } from '../voc.subgraph';

const centerA = randomUUID();
const centerB = randomUUID();
const teamA = randomUUID();
const teamB = randomUUID();
const TEAM_OF: Record<string, string> = { E1: teamA, E2: teamA, E9: teamB };
const STATS = `query($g: [SurveyGroup!]!, $min: Int! = 30) {
  surveyStats(groupBy: $g, from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", minResponses: $min) {
    agentEmployeeNo teamId centerId queueCode month insufficientSample rank optedOut
    csat { value n low high } nps { value n low high marginOfError } ces { value n low high }
    responseRate { value n low high } } }`;

interface Value {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
}
interface Stats {
  agentEmployeeNo: string | null;
  teamId: string | null;
  centerId: string | null;
  queueCode: string | null;
  month: string | null;
  insufficientSample: boolean;
  rank: number | null;
  optedOut: number;
  csat: Value;
  nps: Value & { marginOfError: number | null };
  ces: Value;
  responseRate: Value;
}

describe('surveyStats', () => {
  let voc: TestSubgraph;

  /** Answered invitations of one agent in a center, written directly (the import has its own spec). */
  const answered = async (
    centerId: string,
    agent: string,
    kind: 'CSAT' | 'NPS' | 'CES',
    scores: number[],
    arrivedAt = '2026-11-10T09:00:00Z',
  ) => {
    const em = voc.orm.em.fork();
    for (const score of scores) {
      const invitation = em.create(SurveyInvitation, {
        invitationKey: `inv-${randomUUID()}`,
        formId: randomUUID(),
        centerId,
        contactSource: 'pbx',
        contactExternalId: `call-${randomUUID()}`,
        contactArrivedAt: new Date(arrivedAt),
        contactEndedAt: new Date(arrivedAt),
        agentEmployeeNo: agent,
        teamId: TEAM_OF[agent] ?? null,
        queueCode: 'CARDS',
        sentAt: new Date(arrivedAt),
        status: 'FINISHED',
      });
      em.persist(invitation);
      em.persist(
        em.create(SurveyResponse, {
          invitationId: invitation.id,
          kind,
          score,
          topBox: kind === 'CSAT' ? score >= 4 : null,
          answeredAt: new Date(arrivedAt),
          centerId,
          agentEmployeeNo: agent,
          teamId: TEAM_OF[agent] ?? null,
          queueCode: 'CARDS',
          contactArrivedAt: new Date(arrivedAt),
        }),
      );
    }
    await em.flush();
  };
  const unanswered = async (
    centerId: string,
    agent: string,
    statuses: ('SENT' | 'EXPIRED' | 'OPTED_OUT')[],
  ) => {
    const em = voc.orm.em.fork();
    for (const status of statuses)
      em.persist(
        em.create(SurveyInvitation, {
          invitationKey: `inv-${randomUUID()}`,
          formId: randomUUID(),
          centerId,
          contactSource: 'pbx',
          contactExternalId: `call-${randomUUID()}`,
          contactArrivedAt: new Date('2026-11-10T09:00:00Z'),
          contactEndedAt: new Date('2026-11-10T09:00:00Z'),
          agentEmployeeNo: agent,
          teamId: TEAM_OF[agent] ?? null,
          queueCode: 'CARDS',
          sentAt: new Date('2026-11-10T09:10:00Z'),
          status,
        }),
      );
    await em.flush();
  };

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { CA: { id: centerA, teams: ['TA'] }, CB: { id: centerB, teams: ['TB'] } },
        teams: {
          TA: { id: teamA, employeeNos: ['E1', 'E2', 'LEAD'] },
          TB: { id: teamB, employeeNos: ['E9'] },
        },
      }),
    });
    // the hand fixtures, for E1 in center A
    await answered(centerA, 'E1', 'NPS', [10, 10, 9, 9, 8, 7, 6, 3, 0, 10]);
    await answered(centerA, 'E1', 'CSAT', [5, 5, 4, 3, 2, 5, 4, 1]);
    await answered(centerA, 'E1', 'CES', [2, 3, 4, 5, 6]);
    await unanswered(centerA, 'E1', ['SENT', 'EXPIRED', 'EXPIRED', 'OPTED_OUT']);
    // E2: 12 CSAT responses, all satisfied; E9 in center B: 40, all satisfied
    await answered(centerA, 'E2', 'CSAT', Array(12).fill(5));
    await answered(centerB, 'E9', 'CSAT', Array(40).fill(4));
    // outside the period
    await answered(centerA, 'E1', 'CSAT', Array(5).fill(1), '2026-12-02T09:00:00Z');
    // written row by row above: the rollup the import keeps is built here from them
    await rebuildSurveyRollup(voc.orm.em.fork());
  });
  afterAll(() => voc.stop());

  const stats = async (groupBy: string[], who?: Identity, min?: number) => {
    const headers: Record<string, string> = who
      ? { authorization: `Bearer ${await subgraphToken('voc', who)}` }
      : {};
    const answer = await postGraphQL<{ surveyStats: Stats[] }>(voc.url, STATS, { g: groupBy, min }, headers);
    if (!answer.data?.surveyStats) throw new Error(JSON.stringify(answer.errors));
    return answer.data.surveyStats;
  };

  it('gives the hand fixtures from SQL: NPS 20 ± 54.0 on 10, CSAT 0.625 (0.306, 0.863) on 8', async () => {
    const e1 = (await stats(['AGENT', 'MONTH'])).find((r) => r.agentEmployeeNo === 'E1');
    expect(e1?.month).toBe('2026-11');
    expect(e1?.nps.n).toBe(10);
    expect(e1?.nps.value).toBeCloseTo(20, 10);
    expect(e1?.nps.marginOfError?.toFixed(1)).toBe('54.0');
    expect(e1?.csat.n).toBe(8);
    expect(e1?.csat.value).toBe(0.625);
    expect(e1?.csat.low?.toFixed(3)).toBe('0.306');
    expect(e1?.csat.high?.toFixed(3)).toBe('0.863');
    expect(e1?.ces).toMatchObject({ value: 4, n: 5 });
    // 23 answered; 1 sent and 2 expired unanswered; the opt-out counted apart
    expect(e1?.responseRate.n).toBe(26);
    expect(e1?.responseRate.value).toBeCloseTo(23 / 26, 10);
    expect(e1?.optedOut).toBe(1);
  });

  it('leaves agents below the minimum sample out of the ranking and flags them', async () => {
    const byAgent = await stats(['AGENT']);
    const of = (no: string) => byAgent.find((r) => r.agentEmployeeNo === no);
    expect(of('E2')).toMatchObject({ insufficientSample: true, rank: null });
    expect(of('E1')).toMatchObject({ insufficientSample: true, rank: null });
    expect(of('E9')).toMatchObject({ insufficientSample: false, rank: 1 });
    const lower = await stats(['AGENT'], undefined, 8);
    expect(lower.find((r) => r.agentEmployeeNo === 'E2')?.rank).toBe(2); // a tie at 1.0 with E9: the larger sample first
    expect(lower.find((r) => r.agentEmployeeNo === 'E1')?.rank).toBe(3);
  });

  it('answers rows by center, then rank (unranked last), then agent; ranks agents within each center', async () => {
    const rows = await stats(['AGENT', 'CENTER'], undefined, 1);
    expect(new Set(rows.map((r) => r.centerId)).size).toBe(2);
    expect(rows.filter((r) => r.centerId === centerA).length).toBeGreaterThan(1);
    const key = (r: Stats) => [
      r.centerId ?? '',
      String(r.rank ?? Infinity).padStart(12, '0'),
      r.agentEmployeeNo ?? '',
    ];
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] !== y[0]
        ? x[0] < y[0]
          ? -1
          : 1
        : x[1] !== y[1]
          ? x[1] < y[1]
            ? -1
            : 1
          : x[2] < y[2]
            ? -1
            : 1;
    });
    expect(rows).toEqual(sorted);
    for (const center of new Set(rows.map((r) => r.centerId))) {
      const peers = rows.filter((r) => r.centerId === center && r.csat.n >= 1 && r.agentEmployeeNo !== null);
      // the best CSAT first; ties: the larger sample, then the employee number
      const expected = [...peers].sort(
        (a, b) =>
          b.csat.value! - a.csat.value! ||
          b.csat.n - a.csat.n ||
          (a.agentEmployeeNo! < b.agentEmployeeNo! ? -1 : 1),
      );
      expect(peers.map((r) => [r.agentEmployeeNo, r.rank])).toEqual(
        expected.map((r, i) => [r.agentEmployeeNo, i + 1]),
      );
    }
  });

  it('sums counts for a center, never averages rates', async () => {
    const byCenter = await stats(['CENTER']);
    const a = byCenter.find((r) => r.centerId === centerA);
    expect(a?.csat).toMatchObject({ n: 20, value: 17 / 20 });
    expect(a?.agentEmployeeNo).toBeNull();
  });

  it('groups by the team of the response, summing counts', async () => {
    const byTeam = await stats(['TEAM']);
    expect(byTeam.map((r) => [r.teamId, r.csat.n, r.csat.value])).toEqual(
      expect.arrayContaining([
        [teamA, 20, 17 / 20],
        [teamB, 40, 1],
      ]),
    );
    expect(byTeam).toHaveLength(2);
  });

  it('answers the same over an unaligned period: partial days raw, whole days and months rolled up', async () => {
    const STATS_AT = STATS.replace('"2026-11-01T00:00:00Z"', '$from')
      .replace('"2026-12-01T00:00:00Z"', '$to')
      .replace('query($g', 'query($from: DateTimeISO!, $to: DateTimeISO!, $g');
    const at = async (from: string, to: string) => {
      const answer = await postGraphQL<{ surveyStats: Stats[] }>(voc.url, STATS_AT, {
        g: ['AGENT'],
        from,
        to,
      });
      return answer.data?.surveyStats.map((r) => [r.agentEmployeeNo, r.csat.n, r.nps.n, r.responseRate.n]);
    };
    const whole = await at('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(whole).toEqual(expect.arrayContaining([['E1', 8, 10, 26]]));
    // 10th 08:30 to 10th 09:30 (raw only), and 10-30 08:30 to 12-02 08:00 (raw, days, a month)
    expect(await at('2026-11-10T08:30:00Z', '2026-11-10T09:30:00Z')).toEqual(whole);
    expect(await at('2026-10-30T08:30:00Z', '2026-12-02T08:00:00Z')).toEqual(whole);
    // the 2nd of December from 08:00: E1's five later answers, read raw
    expect(await at('2026-12-02T08:00:00Z', '2026-12-03T00:00:00Z')).toEqual([['E1', 5, 0, 5]]);
  });

  it('reads the rollup in one statement whatever the grouping and period', async () => {
    const month = await voc.sql.count(() => stats(['AGENT', 'MONTH']));
    const all = await voc.sql.count(() => stats(['AGENT', 'TEAM', 'CENTER', 'QUEUE', 'MONTH']));
    const surveyStatements = (list: string[]) => list.filter((q) => /voc_survey_rollup/.test(q));
    expect(surveyStatements(month.statements)).toHaveLength(1);
    expect(surveyStatements(all.statements)).toHaveLength(1);
    expect(all.statements.length).toBe(month.statements.length);
    expect(month.statements.some((q) => /from voc_survey_response/.test(q))).toBe(false); // aligned: no raw rows
    // by agent and month: the agents' months as they are; with team or queue: the finer months
    expect(surveyStatements(month.statements)[0]).toContain("grain = 'AGENT_MONTH'");
    expect(surveyStatements(all.statements)[0]).not.toContain('AGENT_MONTH');
  });

  it('is scoped: a manager sees their center, a lead their team, an agent themself', async () => {
    const manager = await stats(['AGENT'], caller('CENTER_MANAGER', { centers: ['CA'] }));
    expect(manager.map((r) => r.agentEmployeeNo).sort()).toEqual(['E1', 'E2']);
    const lead = await stats(['AGENT'], caller('TEAM_LEAD', { teams: ['TB'], employeeNo: 'LEADB' }));
    expect(lead.map((r) => r.agentEmployeeNo)).toEqual(['E9']);
    const agent = await stats(['AGENT'], caller('AGENT', { employeeNo: 'E2' }));
    expect(agent.map((r) => r.agentEmployeeNo)).toEqual(['E2']);
    const none = await stats(['CENTER'], caller('AGENT', { employeeNo: 'NOBODY' }));
    expect(none).toEqual([]);
  });

  it('refuses a period longer than allowed and a minimum below 1', async () => {
    const answer = await postGraphQL(
      voc.url,
      '{ surveyStats(groupBy: [AGENT], from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { n: rank } }',
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const min = await postGraphQL(
      voc.url,
      '{ surveyStats(groupBy: [AGENT], from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", minResponses: 0) { rank } }',
    );
    expect(min.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
