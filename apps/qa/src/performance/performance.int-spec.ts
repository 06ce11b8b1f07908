import { randomUUID } from 'node:crypto';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

interface PerformanceQa {
  score: number | null;
  qaScore: number | null;
  evaluations: number;
  autoFailed: number;
  criticalFailRate: number | null;
}

// Evaluations are submitted now: a period around now holds them all.
const FROM = new Date(Date.now() - 86_400_000).toISOString();
const TO = new Date(Date.now() + 86_400_000).toISOString();

/**
 * Performance.qa, fed as the gateway feeds it: the key and staff's agents (@requires). Hand-computed
 * with the standard scorecard: PQ1 scores 90 and 40 (HANDLING auto-failed), PQ2 0 (the evaluation
 * auto-failed), PQ3 nothing submitted.
 */
describe('Performance.qa', () => {
  let qa: TestSubgraph;
  const world = new QaWorldDouble().person(['PQ1', 'PQ2', 'PQ3']).evaluator('QA-1');

  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    const factory = new QaFactory(qa.url, world);
    const scorecard = await factory.publishedScorecard();
    await factory.submitted(scorecard.id, 'PQ1', {
      GREETING: 1,
      VERIFY: 1,
      LISTEN: 3,
      EMPATHY: 'NA',
      RESOLVED: 1,
    });
    await factory.submitted(scorecard.id, 'PQ1', {
      GREETING: 1,
      VERIFY: 1,
      LISTEN: 4,
      EMPATHY: 4,
      RESOLVED: 0,
    });
    await factory.submitted(scorecard.id, 'PQ2', {
      GREETING: 1,
      VERIFY: 0,
      LISTEN: 4,
      EMPATHY: 4,
      RESOLVED: 1,
    });
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  const record = (scopeType: string, employeeNos: string[], period = { from: FROM, to: TO }) => ({
    __typename: 'Performance',
    scopeType,
    scopeId: randomUUID(),
    ...period,
    agents: employeeNos.map((employeeNo) => ({ employeeNo })),
  });
  const entities = (representations: unknown[]) =>
    qa.sql.count(() =>
      postGraphQL<{ _entities: { qa: PerformanceQa | null }[] }>(
        qa.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
           qa { score qaScore evaluations autoFailed criticalFailRate } } } }`,
        { r: representations },
      ),
    );

  it('summarizes an agent’s, a team’s and a center’s evaluations; a queue has none (hand-computed)', async () => {
    const { result } = await entities([
      record('AGENT', ['PQ1']),
      record('TEAM', ['PQ1', 'PQ2', 'PQ3']),
      record('CENTER', ['PQ2']),
      record('TEAM', []),
      record('QUEUE', []),
    ]);
    expect(result.errors).toBeUndefined();
    const [agent, team, center, empty, queue] = (result.data?._entities ?? []).map((e) => e.qa);
    expect(agent).toEqual({
      score: expect.closeTo(65, 9), // (90 + 40) / 2
      qaScore: expect.closeTo(65, 9),
      evaluations: 2,
      autoFailed: 1,
      criticalFailRate: 0.5,
    });
    expect(team).toEqual({
      score: expect.closeTo(130 / 3, 9), // (90 + 40 + 0) / 3
      qaScore: expect.closeTo(130 / 3, 9),
      evaluations: 3,
      autoFailed: 2,
      criticalFailRate: expect.closeTo(2 / 3, 9),
    });
    expect(center).toEqual({ score: 0, qaScore: 0, evaluations: 1, autoFailed: 1, criticalFailRate: 1 });
    // no evaluations: zero counts, null rates (never 0 or NaN)
    expect(empty).toEqual({
      score: null,
      qaScore: null,
      evaluations: 0,
      autoFailed: 0,
      criticalFailRate: null,
    });
    expect(queue).toBeNull();
  });

  it('agrees with Agent.qaSummary', async () => {
    const own = await postGraphQL<{ _entities: { qaSummary: Omit<PerformanceQa, 'qaScore'> }[] }>(
      qa.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
         qaSummary(from: "${FROM}", to: "${TO}") { score evaluations autoFailed criticalFailRate } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: 'PQ1' }] },
    );
    const { result } = await entities([record('AGENT', ['PQ1'])]);
    expect(result.data?._entities[0].qa).toMatchObject(own.data?._entities[0].qaSummary ?? { missing: true });
  });

  it('leaves out evaluations outside the period', async () => {
    const lastYear = { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' };
    const { result } = await entities([record('AGENT', ['PQ1'], lastYear)]);
    expect(result.data?._entities[0].qa).toMatchObject({ evaluations: 0, score: null });
  });

  it('answers 3 or 30 records of a period with one statement', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => record(i % 2 ? 'AGENT' : 'TEAM', ['PQ1', `PX${i}`]));
    const small = await entities(batch(3));
    const large = await entities(batch(30));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?._entities).toHaveLength(30);
    expect(large.result.data?._entities.every((e) => e.qa?.evaluations === 2)).toBe(true);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(1);
  });

  it("answers a trend's buckets, each over its own period, with one statement and its agents once (issue 17)", async () => {
    // FROM to TO by the hour, and the whole: the agents sent once, as staff's agentSet does
    const start = Date.parse(FROM);
    const hours = Array.from({ length: 48 }, (_, i) => ({
      from: new Date(start + i * 3_600_000).toISOString(),
      to: new Date(start + (i + 1) * 3_600_000).toISOString(),
    }));
    const set = { id: 'set-pq1', agents: [{ employeeNo: 'PQ1' }] };
    const trend = [...hours, { from: FROM, to: TO }].map((period, i) => ({
      ...record('TEAM', [], period),
      agents: undefined,
      agentSet: i === 0 ? set : { id: set.id, agents: null },
    }));
    const { result, statements } = await entities(trend);
    expect(result.errors).toBeUndefined();
    const parts = (result.data?._entities ?? []).map((e) => e.qa as PerformanceQa);
    const whole = parts[48];
    expect(whole.evaluations).toBe(2);
    expect(parts.slice(0, 48).reduce((sum, p) => sum + p.evaluations, 0)).toBe(whole.evaluations);
    expect(statements).toHaveLength(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const { result } = await entities([record('TEAM', ['PQ1'], { from: TO, to: FROM })]);
    expect(result.errors?.[0]).toMatchObject({
      message: 'to: must be after from',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
