import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import {
  agent,
  CENTER,
  P1,
  P2,
  P3,
  Q1,
  seedHandComputed,
  SUMMARY_FIELDS,
  TEAM_1,
  TEAM_2,
  TEAM_EMPTY,
} from '../../testing/training-data-set';
import { trainingSubgraph } from '../../training.subgraph';

/** Team and Center summaries against the hand-computed data set of testing/training-data-set.ts. */
describe('training summaries (METRICS.md, Training) through federation', () => {
  let training: TestSubgraph;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    await seedHandComputed(training);
  });
  afterAll(() => training.stop());

  const entities = <T>(representations: unknown[], selection: string) =>
    postGraphQL<{ _entities: T[] }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
    );

  it('summarizes teams and a center from the agents staff sends, against hand-computed values', async () => {
    const response = await entities<{ trainingSummary: Record<string, number | null> }>(
      [
        { __typename: 'Team', id: TEAM_1, agents: [P1, P2, P3] },
        { __typename: 'Team', id: TEAM_2, agents: [Q1] },
        { __typename: 'Team', id: TEAM_EMPTY, agents: [] },
        { __typename: 'Center', id: CENTER, agents: [P1, P2, P3, Q1] },
      ],
      `... on Team { trainingSummary(from: "2026-01-01", to: "2026-04-01") { ${SUMMARY_FIELDS} } }
       ... on Center { trainingSummary(from: "2026-01-01", to: "2026-04-01") { ${SUMMARY_FIELDS} } }`,
    );
    expect(response.errors).toBeUndefined();
    const [team1, team2, empty, center] = response.data?._entities.map((e) => e.trainingSummary) ?? [];
    expect(team1).toEqual({
      assignmentsDue: 4,
      completedOnTime: 2,
      completionRate: 0.5,
      overdue: 1,
      attempts: 5,
      attemptsPassed: 2,
      passRate: 0.4,
      firstAttempts: 3,
      firstAttemptsPassed: 1,
      firstAttemptPassRate: 1 / 3,
      averageScore: 68,
      agentsNeedingCertification: 3,
      agentsCertified: 1,
      certificationCoverage: 1 / 3,
    });
    expect(team2).toEqual({
      assignmentsDue: 1,
      completedOnTime: 1,
      completionRate: 1,
      overdue: 0,
      attempts: 1,
      attemptsPassed: 1,
      passRate: 1,
      firstAttempts: 1,
      firstAttemptsPassed: 1,
      firstAttemptPassRate: 1,
      averageScore: 95,
      agentsNeedingCertification: 1,
      agentsCertified: 0,
      certificationCoverage: 0,
    });
    expect(empty).toMatchObject({
      assignmentsDue: 0,
      completionRate: null,
      passRate: null,
      firstAttemptPassRate: null,
      averageScore: null,
      certificationCoverage: null,
    });
    expect(center).toMatchObject({
      assignmentsDue: 5,
      completedOnTime: 3,
      completionRate: 0.6,
      overdue: 1,
      attempts: 6,
      passRate: 0.5,
      firstAttemptPassRate: 0.5,
      averageScore: 72.5,
      agentsNeedingCertification: 4,
      agentsCertified: 1,
      certificationCoverage: 0.25,
    });
  });

  it('measures coverage on the last day of the period: P3 was certified until 2026-03-15', async () => {
    const response = await entities<{ trainingSummary: { agentsCertified: number } }>(
      [{ __typename: 'Team', id: TEAM_1, agents: [P1, P2, P3] }],
      `... on Team { trainingSummary(from: "2026-01-01", to: "2026-03-01") { agentsCertified } }`,
    );
    // On 2026-02-28: P1 holds AML but CARDS-PK only from 2026-03-05; P3 holds AML.
    expect(response.data?._entities[0].trainingSummary.agentsCertified).toBe(1);
  });

  it('answers a batch of teams with the same number of SQL statements, whatever its size', async () => {
    const teams = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        __typename: 'Team',
        id: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
        agents: Array.from({ length: 20 }, (__, j) => agent(`N${i}-${j}`, 'AGENT', ['CARDS'])),
      }));
    const selection = '... on Team { trainingSummary(from: "2026-01-01", to: "2026-04-01") { passRate } }';
    const small = await training.sql.count(() => entities(teams(3), selection));
    const large = await training.sql.count(() => entities(teams(30), selection));
    expect(large.result.data?._entities).toHaveLength(30);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(small.statements.length);
  });

  it('rejects a period that ends before it starts', async () => {
    const response = await entities(
      [{ __typename: 'Team', id: TEAM_1, agents: [P1] }],
      '... on Team { trainingSummary(from: "2026-04-01", to: "2026-01-01") { passRate } }',
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/^to: /);
  });
});
