import { randomUUID } from 'node:crypto';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { agent, P1, P2, P3, Q1, seedHandComputed, TEAM_1 } from '../../testing/training-data-set';
import { trainingSubgraph } from '../../training.subgraph';

const FIELDS = 'completionRate overdue firstAttemptPassRate passRate averageScore certificationCoverage';
// The first quarter of 2026, in UTC and in Asia/Shanghai: the same days.
const UTC = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const SHANGHAI = { from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };

/**
 * Performance.training, fed as the gateway feeds it: the key and staff's agents with their role and
 * skills (@requires), against the hand-computed data set of testing/training-data-set.ts.
 */
describe('Performance.training', () => {
  let training: TestSubgraph;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    await seedHandComputed(training);
  });
  afterAll(() => training.stop());

  const record = (scopeType: string, agents: unknown[], period = UTC) => ({
    __typename: 'Performance',
    scopeType,
    scopeId: randomUUID(),
    ...period,
    agents,
  });
  const entities = (representations: unknown[]) =>
    training.sql.count(() =>
      postGraphQL<{ _entities: { training: Record<string, number | null> | null }[] }>(
        training.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { training { ${FIELDS} } } } }`,
        { r: representations },
      ),
    );

  it('summarizes a team’s, an agent’s and a center’s training; a queue has none (hand-computed)', async () => {
    const { result } = await entities([
      record('TEAM', [P1, P2, P3]),
      record('AGENT', [Q1]),
      record('CENTER', [P1, P2, P3, Q1], SHANGHAI),
      record('TEAM', []),
      record('QUEUE', []),
    ]);
    expect(result.errors).toBeUndefined();
    const [team, q1, center, empty, queue] = (result.data?._entities ?? []).map((e) => e.training);
    expect(team).toEqual({
      completionRate: 0.5, // 2 of 4 due completed on time
      overdue: 1,
      firstAttemptPassRate: 1 / 3,
      passRate: 0.4, // 2 of 5 attempts
      averageScore: 68,
      certificationCoverage: 1 / 3, // 1 of the 3 agents needing a certification, on 2026-03-31
    });
    expect(q1).toEqual({
      completionRate: 1,
      overdue: 0,
      firstAttemptPassRate: 1,
      passRate: 1,
      averageScore: 95,
      certificationCoverage: 0,
    });
    // the Shanghai quarter is the same days: the whole data set
    expect(center).toEqual({
      completionRate: 0.6,
      overdue: 1,
      firstAttemptPassRate: 0.5,
      passRate: 0.5,
      averageScore: 72.5,
      certificationCoverage: 0.25,
    });
    expect(empty).toEqual({
      completionRate: null,
      overdue: 0,
      firstAttemptPassRate: null,
      passRate: null,
      averageScore: null,
      certificationCoverage: null,
    });
    expect(queue).toBeNull();
  });

  it('agrees with Team.trainingSummary', async () => {
    const own = await postGraphQL<{ _entities: { trainingSummary: Record<string, number | null> }[] }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Team {
         trainingSummary(from: "2026-01-01", to: "2026-04-01") { ${FIELDS} } } } }`,
      { r: [{ __typename: 'Team', id: TEAM_1, agents: [P1, P2, P3] }] },
    );
    const { result } = await entities([record('TEAM', [P1, P2, P3])]);
    expect(result.data?._entities[0].training).toEqual(own.data?._entities[0].trainingSummary);
  });

  it('answers 3 or 30 records of a period with one statement', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        record(i % 2 ? 'AGENT' : 'TEAM', [P1, agent(`N${i}`, 'AGENT', ['CARDS'])]),
      );
    const small = await entities(batch(3));
    const large = await entities(batch(30));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?._entities).toHaveLength(30);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(1);
  });

  it('answers a trend (a record per day, each its own period) with one statement, each day its own figures (issue 17)', async () => {
    const day = (i: number) => {
      const from = new Date(Date.UTC(2026, 0, 1 + i));
      return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
    };
    const days = Array.from({ length: 90 }, (_, i) => record('TEAM', [P1, P2, P3], day(i)));
    const { result, statements } = await entities(days);
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    // the days' attempts add up to the quarter's, as one record of the quarter counts them
    const quarter = await entities([record('TEAM', [P1, P2, P3])]);
    const perDay = result.data?._entities.map((e) => e.training) ?? [];
    expect(perDay.filter((t) => t?.passRate !== null).length).toBeGreaterThan(0);
    expect(quarter.result.data?._entities[0].training?.passRate).toBe(0.4);
  });
});
