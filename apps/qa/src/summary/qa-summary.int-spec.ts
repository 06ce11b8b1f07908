import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaWorldDouble } from '../testing/qa-world-double';
import { QaFactory, type ScorecardRef } from '../testing/qa-factories';
import { QaSummaryService } from './qa-summary.service';

interface Summary {
  score: number | null;
  evaluations: number;
  autoFailed: number;
  criticalFailRate: number | null;
  categories: { category: string; score: number; evaluations: number }[];
}

// Evaluations are submitted now: a period around now holds them all.
const FROM = new Date(Date.now() - 86_400_000);
const TO = new Date(Date.now() + 86_400_000);
const SUMMARY = `qaSummary(from: "${FROM.toISOString()}", to: "${TO.toISOString()}") {
  score evaluations autoFailed criticalFailRate categories { category score evaluations } }`;

describe('QA summaries of agents, teams and centers', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  const world = new QaWorldDouble().person(['A1', 'A2', 'A3']).evaluator('QA-1');
  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
    scorecard = await factory.publishedScorecard();
    // A1: 90 (no fail) and 40 (HANDLING auto-failed); A2: 0 (evaluation auto-failed); A3: a draft only.
    await factory.submitted(scorecard.id, 'A1', {
      GREETING: 1,
      VERIFY: 1,
      LISTEN: 3,
      EMPATHY: 'NA',
      RESOLVED: 1,
    });
    await factory.submitted(scorecard.id, 'A1', {
      GREETING: 1,
      VERIFY: 1,
      LISTEN: 4,
      EMPATHY: 4,
      RESOLVED: 0,
    });
    await factory.submitted(scorecard.id, 'A2', {
      GREETING: 1,
      VERIFY: 0,
      LISTEN: 4,
      EMPATHY: 4,
      RESOLVED: 1,
    });
    await factory.mutate('mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }', {
      i: {
        scorecardId: scorecard.id,
        agentEmployeeNo: 'A3',
        evaluatorEmployeeNo: 'QA-1',
        contact: world.contact('A3'),
      },
    });
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  const entities = (representations: Record<string, unknown>[]) =>
    qa.sql.count(() =>
      postGraphQL<{ _entities: ({ qaSummary: Summary } | null)[] }>(
        qa.url,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Agent { employeeNo ${SUMMARY} } ... on Team { id ${SUMMARY} } ... on Center { id ${SUMMARY} } } }`,
        { r: representations },
      ),
    );

  it('Agent.qaSummary: mean overall %, critical-fail rate and per-category averages of submitted evaluations', async () => {
    const { result } = await entities([
      { __typename: 'Agent', employeeNo: 'A1' },
      { __typename: 'Agent', employeeNo: 'A3' },
    ]);
    expect(result.errors).toBeUndefined();
    const [a1, a3] = result.data?._entities ?? [];
    expect(a1?.qaSummary).toEqual({
      score: expect.closeTo(65, 9), // (90 + 40) / 2
      evaluations: 2,
      autoFailed: 1,
      criticalFailRate: 0.5,
      categories: [
        { category: 'COMPLIANCE', score: 100, evaluations: 2 },
        { category: 'COURTESY', score: 100, evaluations: 2 },
        { category: 'EMPATHY', score: 0, evaluations: 1 }, // N/A in the first
        { category: 'LISTENING', score: expect.closeTo(37.5, 9), evaluations: 2 }, // (75 + 0) / 2
        { category: 'PROBLEM_SOLVING', score: 50, evaluations: 2 },
      ],
    });
    expect(a3?.qaSummary).toEqual({
      score: null,
      evaluations: 0,
      autoFailed: 0,
      criticalFailRate: null,
      categories: [],
    });
  });

  it('200 agents cost the same single statement as 2', async () => {
    const agents = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'Agent', employeeNo: i === 0 ? 'A1' : `N${i}` }));
    const few = await entities(agents(2));
    const many = await entities(agents(200));
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data?._entities).toHaveLength(200);
    expect(many.result.data?._entities[0]?.qaSummary.evaluations).toBe(2);
    expect(few.statements).toHaveLength(1);
    expect(many.statements).toHaveLength(1);
  });

  it('Team and Center summaries over the members staff provides (@requires), one statement per batch', async () => {
    const team = (id: string, members: string[]) => ({
      __typename: 'Team',
      id,
      agents: members.map((employeeNo) => ({ employeeNo })),
    });
    const small = await entities([
      team('t1', ['A1', 'A2', 'A3']),
      { __typename: 'Center', id: 'c1', agents: [{ employeeNo: 'A2' }] },
      { __typename: 'Agent', employeeNo: 'A2' },
    ]);
    expect(small.result.errors).toBeUndefined();
    const [t1, c1, a2] = small.result.data?._entities ?? [];
    expect(t1?.qaSummary).toMatchObject({
      score: expect.closeTo(130 / 3, 9), // (90 + 40 + 0) / 3
      evaluations: 3,
      autoFailed: 2,
      criticalFailRate: expect.closeTo(2 / 3, 9),
    });
    expect(c1?.qaSummary).toEqual(a2?.qaSummary);
    expect(c1?.qaSummary).toMatchObject({ score: 0, evaluations: 1, criticalFailRate: 1 });
    expect(small.statements).toHaveLength(1);

    // 40 teams of 50 agents (2,000 employee numbers) cost the same single statement.
    const many = await entities(
      Array.from({ length: 40 }, (_, t) =>
        team(
          `t${t}`,
          Array.from({ length: 50 }, (_, a) => (a === 0 ? 'A1' : `X${t}-${a}`)),
        ),
      ),
    );
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data?._entities.every((e) => e?.qaSummary.evaluations === 2)).toBe(true);
    expect(many.statements).toHaveLength(1);
  });

  it('summarize() is reusable: groups in order, unknown and empty groups with zero evaluations', async () => {
    const em = qa.orm.em.fork();
    const summaries = await new QaSummaryService().summarize(
      em,
      [
        { key: 'empty', employeeNos: [] },
        { key: 'both', employeeNos: ['A1', 'A2', 'A1'] },
        { key: 'nobody', employeeNos: ['Z'] },
      ],
      FROM,
      TO,
    );
    expect(summaries.map((s) => s.evaluations)).toEqual([0, 3, 0]);
    expect(summaries[1].score).toBeCloseTo(130 / 3, 9);
  });

  it('rejects a period that ends before it starts', async () => {
    const response = await postGraphQL(
      qa.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
        qaSummary(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { score } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: 'A1' }] },
    );
    expect(response.errors?.[0]).toMatchObject({
      message: 'to: must be after from',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
