import type { Identity } from '@switchboard/auth';
import {
  accessMatrix,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  INJECTION_ATTEMPTS,
  type AccessCell,
} from '@switchboard/testing';
import type { TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, type ScorecardRef } from '../testing/qa-factories';
import { FULL_MARKS, qaAccessDirectory, submittedCalibration } from './access-fixture';

type Data = Record<string, unknown>;

const fixture = qaAccessDirectory('QAM');
const { agents, ids, callers } = fixture;
const ALL = [agents.a1, agents.a2, agents.b1];
const SHA = [agents.a1, agents.a2];

/** What each caller sees: agents, teams and centers (the access rule, written out by hand). */
const EXPECTED: { who: string; identity: Identity; agents: string[]; teams: string[]; centers: string[] }[] =
  [
    {
      who: 'ADMIN',
      identity: callers.admin,
      agents: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu],
    },
    {
      who: 'HR',
      identity: callers.hr,
      agents: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu],
    },
    {
      who: 'BI_READER',
      identity: callers.bi,
      agents: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu],
    },
    {
      who: 'TRAINER',
      identity: callers.trainer,
      agents: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu],
    },
    {
      who: 'QA_EVALUATOR',
      identity: callers.evaluator,
      agents: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu],
    },
    {
      who: 'QA_EVALUATOR of CTU-T1',
      identity: callers.evaluatorCtu,
      agents: [agents.b1],
      teams: [ids.teamB],
      centers: [ids.ctu],
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: callers.manager,
      agents: SHA,
      teams: [ids.teamA],
      centers: [ids.sha],
    },
    { who: 'TEAM_LEAD of SHA-CARDS-1', identity: callers.lead, agents: SHA, teams: [ids.teamA], centers: [] },
    { who: 'AGENT A1', identity: callers.agent, agents: [agents.a1], teams: [], centers: [] },
  ];

const sorted = (values: (string | null | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => !!v))].sort();
const PERIOD = {
  f: new Date(Date.now() - 200 * 86_400_000).toISOString(),
  t: new Date(Date.now() + 86_400_000).toISOString(),
};

describe('qa access: every role x every query and reference (allowed, denied, scoped down)', () => {
  let qa: TestSubgraph;
  let scorecard: ScorecardRef;
  const evaluations: Record<string, string> = {};
  const sessions: Record<string, string> = {};
  let planId = '';

  beforeAll(async () => {
    await fixture.world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph, { scopeSource: fixture.source });
    const factory = new QaFactory(qa.url, fixture.world);
    scorecard = await factory.publishedScorecard();
    for (const agent of ALL)
      evaluations[agent] = (await factory.submitted(scorecard.id, agent, FULL_MARKS)).id;
    sessions.a1 = await submittedCalibration(factory, scorecard, agents.a1, 'EV-A-QAM');
    sessions.b1 = await submittedCalibration(factory, scorecard, agents.b1, 'EV-B-QAM');
    planId = (
      await factory.mutate<{ id: string }>(
        'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
        {
          i: {
            code: factory.unique('PLAN'),
            name: 'Access',
            period: 'MONTH',
            evaluationsPerAgent: 2,
            assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: [agents.a1, agents.b1] }],
          },
        },
      )
    ).id;
  });
  afterAll(async () => {
    await qa.stop();
    await fixture.world.release();
  });

  const cells: AccessCell<Data>[] = EXPECTED.flatMap(({ who, identity, agents: seen, teams, centers }) => {
    const sees = (agent: string) => seen.includes(agent);
    const visible = (candidates: string[]) => candidates.filter(sees).sort();
    const base = { who, identity };
    return [
      {
        ...base,
        operation: 'scorecards (readable by all)',
        query: '{ scorecards { id } }',
        expect: { allow: true, check: (d: Data) => expect(JSON.stringify(d)).toContain(scorecard.id) },
      },
      {
        ...base,
        operation: "evaluation(id) of B1 (another center's agent)",
        query: 'query($id: ID!) { evaluation(id: $id) { id overallScore } }',
        variables: () => ({ id: evaluations[agents.b1] }),
        expect: sees(agents.b1)
          ? {
              allow: true,
              check: (d: Data) => expect(d.evaluation).toMatchObject({ id: evaluations[agents.b1] }),
            }
          : { deny: true },
        secrets: () => [evaluations[agents.b1]],
      },
      {
        ...base,
        operation: 'evaluation(id) of A1',
        query: 'query($id: ID!) { evaluation(id: $id) { id } }',
        variables: () => ({ id: evaluations[agents.a1] }),
        expect: sees(agents.a1) ? { allow: true } : { deny: true },
      },
      {
        ...base,
        operation: 'evaluations (every agent asked for)',
        query: `query($a: [String!]) { evaluations(filter: { agentEmployeeNos: $a }, first: 100) {
          nodes { agent { employeeNo } } } }`,
        variables: () => ({ a: ALL }),
        expect: {
          scoped: (d: Data) => {
            const nodes = (d.evaluations as { nodes: { agent: { employeeNo: string } }[] }).nodes;
            expect(sorted(nodes.map((n) => n.agent.employeeNo))).toEqual(visible(ALL));
          },
        },
      },
      {
        ...base,
        operation: 'calibrationSession(id) on B1',
        query: 'query($id: ID!) { calibrationSession(id: $id) { id results { score } } }',
        variables: () => ({ id: sessions.b1 }),
        expect: sees(agents.b1) ? { allow: true } : { deny: true },
        secrets: () => [sessions.b1],
      },
      {
        ...base,
        operation: 'calibrationSessions',
        query: 'query($f: DateTimeISO!, $t: DateTimeISO!) { calibrationSessions(from: $f, to: $t) { id } }',
        variables: () => PERIOD,
        expect: {
          scoped: (d: Data) => {
            const got = (d.calibrationSessions as { id: string }[]).map((s) => s.id);
            const mine = [sessions.a1, sessions.b1];
            const want = [
              ...(sees(agents.a1) ? [sessions.a1] : []),
              ...(sees(agents.b1) ? [sessions.b1] : []),
            ];
            expect(got.filter((id) => mine.includes(id)).sort()).toEqual(want.sort());
          },
        },
      },
      {
        ...base,
        operation: 'calibrationReport',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { calibrationReport(from: $f, to: $t) { evaluatorEmployeeNo } }`,
        variables: () => PERIOD,
        expect: {
          scoped: (d: Data) => {
            const got = (d.calibrationReport as { evaluatorEmployeeNo: string }[]).map(
              (r) => r.evaluatorEmployeeNo,
            );
            const want = [...(sees(agents.a1) ? ['EV-A-QAM'] : []), ...(sees(agents.b1) ? ['EV-B-QAM'] : [])];
            expect(got.filter((e) => e.endsWith('-QAM')).sort()).toEqual(want);
          },
        },
      },
      {
        ...base,
        operation: 'samplingPlans (plans for all, assignments scoped)',
        query: '{ samplingPlans { id assignments { agentEmployeeNos } } }',
        expect: {
          scoped: (d: Data) => {
            const plan = (
              d.samplingPlans as { id: string; assignments: { agentEmployeeNos: string[] }[] }[]
            ).find((p) => p.id === planId);
            expect(sorted(plan?.assignments.flatMap((a) => a.agentEmployeeNos) ?? [])).toEqual(
              visible([agents.a1, agents.b1]),
            );
          },
        },
      },
      {
        ...base,
        operation: 'evaluatorWorkload',
        query: 'query($p: ID!) { evaluatorWorkload(planId: $p) { agents { agent { employeeNo } } } }',
        variables: () => ({ p: planId }),
        expect: {
          scoped: (d: Data) => {
            const rows = d.evaluatorWorkload as { agents: { agent: { employeeNo: string } }[] }[];
            expect(sorted(rows.flatMap((w) => w.agents.map((a) => a.agent.employeeNo)))).toEqual(
              visible([agents.a1, agents.b1]),
            );
          },
        },
      },
      {
        ...base,
        operation: '_entities Evaluation (null out of scope)',
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Evaluation { id } } }',
        variables: () => ({ r: ALL.map((a) => ({ __typename: 'Evaluation', id: evaluations[a] })) }),
        expect: {
          scoped: (d: Data) =>
            expect((d._entities as ({ id: string } | null)[]).map((e) => e?.id ?? null)).toEqual(
              ALL.map((a) => (sees(a) ? evaluations[a] : null)),
            ),
        },
      },
      {
        ...base,
        operation: '_entities Agent.qaSummary (null out of scope)',
        query: `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
          ... on Agent { employeeNo qaSummary(from: $f, to: $t) { evaluations } } } }`,
        variables: () => ({ r: ALL.map((employeeNo) => ({ __typename: 'Agent', employeeNo })), ...PERIOD }),
        expect: {
          scoped: (d: Data) =>
            expect(
              (d._entities as { qaSummary: { evaluations: number } | null }[]).map(
                (e) => e.qaSummary?.evaluations ?? null,
              ),
            ).toEqual(ALL.map((a) => (sees(a) ? 1 : null))),
        },
      },
      {
        ...base,
        operation: '_entities Team.qaSummary and Center.qaSummary (@requires agents)',
        query: `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
          ... on Team { id qaSummary(from: $f, to: $t) { evaluations } }
          ... on Center { id qaSummary(from: $f, to: $t) { evaluations } } } }`,
        variables: () => ({
          r: [
            { __typename: 'Team', id: ids.teamA, agents: SHA.map((employeeNo) => ({ employeeNo })) },
            { __typename: 'Team', id: ids.teamB, agents: [{ employeeNo: agents.b1 }] },
            { __typename: 'Center', id: ids.sha, agents: SHA.map((employeeNo) => ({ employeeNo })) },
            { __typename: 'Center', id: ids.ctu, agents: [{ employeeNo: agents.b1 }] },
          ],
          ...PERIOD,
        }),
        expect: {
          scoped: (d: Data) => {
            const got = (d._entities as { id: string; qaSummary: { evaluations: number } | null }[]).map(
              (e) => e.qaSummary?.evaluations ?? null,
            );
            expect(got).toEqual([
              teams.includes(ids.teamA) ? 2 : null,
              teams.includes(ids.teamB) ? 1 : null,
              centers.includes(ids.sha) ? 2 : null,
              centers.includes(ids.ctu) ? 1 : null,
            ]);
          },
        },
      },
      {
        ...base,
        operation: '_entities Performance.qa (agent, team, center records)',
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { qa { evaluations } } } }`,
        variables: () => {
          const record = (scopeType: string, scopeId: string, members: string[]) => ({
            __typename: 'Performance',
            scopeType,
            scopeId,
            from: PERIOD.f,
            to: PERIOD.t,
            agents: members.map((employeeNo) => ({ employeeNo })),
          });
          return {
            r: [
              record('AGENT', 'agent-a1', [agents.a1]),
              record('AGENT', 'agent-b1', [agents.b1]),
              record('TEAM', ids.teamA, SHA),
              record('CENTER', ids.ctu, [agents.b1]),
            ],
          };
        },
        expect: {
          scoped: (d: Data) =>
            expect(
              (d._entities as { qa: { evaluations: number } | null }[]).map((e) => e.qa?.evaluations ?? null),
            ).toEqual([
              sees(agents.a1) ? 1 : null,
              sees(agents.b1) ? 1 : null,
              teams.includes(ids.teamA) ? 2 : null,
              centers.includes(ids.ctu) ? 1 : null,
            ]),
        },
      },
    ];
  });

  accessMatrix(() => qa.url, cells);

  it('costs a scoped caller the same SQL statements for 60 references as for 3 (scope checks add none per key)', async () => {
    const headers = { authorization: `Bearer ${await subgraphToken('qa', callers.manager)}` };
    const references = (n: number) =>
      Array.from({ length: n }, (_, i) => [
        { __typename: 'Agent', employeeNo: ALL[i % 3] + (i < 3 ? '' : `-${i}`) },
        { __typename: 'Evaluation', id: evaluations[ALL[i % 3]] },
      ]).flat();
    const ask = (n: number) =>
      qa.sql.count(() =>
        postGraphQL(
          qa.url,
          `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
            ... on Agent { qaSummary(from: $f, to: $t) { evaluations } } ... on Evaluation { id } } }`,
          { r: references(n), ...PERIOD },
          headers,
        ),
      );
    const small = await ask(3);
    const large = await ask(60);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });

  describe('injection attempts in filters and text arguments never widen the answer nor fail', () => {
    const as = async (identity: Identity, query: string, variables: Record<string, unknown>) =>
      postGraphQL<Data>(qa.url, query, variables, {
        authorization: `Bearer ${await subgraphToken('qa', identity)}`,
      });

    it.each(INJECTION_ATTEMPTS.map((text) => [text.slice(0, 20), text] as const))(
      '%s',
      async (_label, text) => {
        for (const identity of [callers.agent, callers.manager]) {
          const list = await as(
            identity,
            `query($a: [String!]) { evaluations(filter: { agentEmployeeNos: $a }) { nodes { id } } }`,
            { a: [text, agents.b1] },
          );
          expect(list.status).toBe(200);
          expect(list.data?.evaluations).toEqual({ nodes: [] });
          const workload = await as(
            identity,
            'query($p: ID!, $e: String) { evaluatorWorkload(planId: $p, evaluatorEmployeeNo: $e) { owed } }',
            {
              p: planId,
              e: text,
            },
          );
          expect(workload.data?.evaluatorWorkload).toEqual([]);
          const one = await as(
            identity,
            'query($id: ID!) { evaluation(id: $id) { id } calibrationSession(id: $id) { id } }',
            { id: text },
          );
          expect(one.errors).toBeUndefined();
          expect(one.data).toEqual({ evaluation: null, calibrationSession: null });
          const cards = await as(identity, 'query($c: String) { scorecards(code: $c) { id } }', { c: text });
          expect(cards.data?.scorecards).toEqual([]);
        }
      },
    );
  });
});
