import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, standardScorecard } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

const ALL_YES = { GREETING: 1, VERIFY: 1, LISTEN: 3, EMPATHY: 'NA', RESOLVED: 1 } as const;

describe('scorecard versions', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  const world = new QaWorldDouble().person(['E1', 'E9']).evaluator('QA-1');
  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(qa.url, query, variables);
  const create = (input: unknown) =>
    gql<{ createScorecard: { id: string; version: number; status: string } }>(
      'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id version status } }',
      { i: input },
    );
  const publish = (id: string) =>
    gql<{ publishScorecard: { status: string } }>(
      'mutation($id: ID!) { publishScorecard(id: $id) { status } }',
      {
        id,
      },
    );

  it('a new version never changes the scores already given; the old version is retired', async () => {
    const code = factory.unique('VER');
    const v1 = await factory.publishedScorecard(standardScorecard(code));
    // OPENING 20/20 = 100 %, HANDLING (15 + 10) / 30 = 83.33 %: (40 × 100 + 60 × 83.33) / 100 = 90
    const first = await factory.submitted(v1.id, 'E1', ALL_YES);
    expect(first.overallScore).toBeCloseTo(90, 9);

    const v2 = await create(standardScorecard(code, { openingWeight: 0 }));
    expect(v2.data?.createScorecard).toMatchObject({ version: 2, status: 'DRAFT' });
    // A second draft of the same code is refused while one exists.
    const again = await create(standardScorecard(code));
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(again.errors?.[0].message).toMatch(/version 2 is still a draft/);
    // A draft cannot be evaluated on.
    const onDraft = await gql(`mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }`, {
      i: {
        scorecardId: v2.data?.createScorecard.id,
        agentEmployeeNo: 'E1',
        evaluatorEmployeeNo: 'QA-1',
        contact: { source: 'pbx', externalId: 'x' },
      },
    });
    expect(onDraft.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(onDraft.errors?.[0].message).toMatch(/^scorecardId: .* is DRAFT/);

    expect((await publish(v2.data?.createScorecard.id as string)).data?.publishScorecard.status).toBe(
      'PUBLISHED',
    );
    const second = await factory.submitted(v2.data?.createScorecard.id as string, 'E1', ALL_YES);
    expect(second.overallScore).toBeCloseTo(83.333333, 5); // OPENING has weight 0 now

    const versions = await gql<{ scorecards: { version: number; status: string }[] }>(
      'query($c: String) { scorecards(code: $c) { version status } }',
      { c: code },
    );
    expect(versions.data?.scorecards).toEqual([
      { version: 1, status: 'RETIRED' },
      { version: 2, status: 'PUBLISHED' },
    ]);
    const kept = await gql<{ evaluation: { overallScore: number; scorecard: { version: number } } }>(
      'query($id: ID!) { evaluation(id: $id) { overallScore scorecard { version } } }',
      { id: first.id },
    );
    expect(kept.data?.evaluation).toEqual({ overallScore: first.overallScore, scorecard: { version: 1 } });
  });

  it('of drafts created at the same moment, one is stored and the others are told a draft exists', async () => {
    const code = factory.unique('RACE');
    const answers = await Promise.all([1, 2, 3, 4].map(() => create(standardScorecard(code))));
    const created = answers.filter((a) => a.data?.createScorecard);
    expect(created.map((a) => a.data?.createScorecard)).toEqual([expect.objectContaining({ version: 1 })]);
    expect(answers.filter((a) => a.errors).map((a) => a.errors?.[0].extensions?.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
    ]);
  });

  it('a published version never changes', async () => {
    const v1 = await factory.publishedScorecard();
    const response = await gql(
      'mutation($id: ID!, $i: ScorecardInput!) { updateScorecardDraft(id: $id, input: $i) { id } }',
      { id: v1.id, i: standardScorecard(v1.code, { openingWeight: 1 }) },
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(response.errors?.[0].message).toMatch(/is PUBLISHED: published versions never change/);
    expect((await publish(v1.id)).errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('rejects inconsistent sections naming each field, and writes nothing', async () => {
    const code = factory.unique('BAD');
    const input = standardScorecard(code);
    input.sections[0].weight = -1;
    delete (input.sections[1].criteria[0] as { scaleMax?: number }).scaleMax;
    input.sections[1].criteria[1] = { ...input.sections[1].criteria[1], key: 'GREETING' };
    const response = await create(input);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'sections[0].weight', message: 'must be a number >= 0 and <= 1000' },
        { field: 'sections[1].criteria[0].scaleMax', message: 'is required for SCALE: an integer 1-10' },
        { field: 'sections[1].criteria[1].key', message: '"GREETING" is used twice in the scorecard' },
      ],
    });
    const stored = await gql<{ scorecards: unknown[] }>('query($c: String) { scorecards(code: $c) { id } }', {
      c: code,
    });
    expect(stored.data?.scorecards).toEqual([]);
    const zero = standardScorecard(factory.unique('ZERO'), { openingWeight: 0 });
    zero.sections[1].weight = 0;
    expect((await create(zero)).errors?.[0].message).toBe(
      'sections: at least one section must have a weight > 0',
    );
  });

  it('resolves Scorecard and Evaluation references in one statement per batch', async () => {
    const scorecards = await Promise.all([1, 2, 3].map(() => factory.publishedScorecard()));
    const evaluations = await Promise.all(scorecards.map((s) => factory.submitted(s.id, 'E9', ALL_YES)));
    const { result, statements } = await qa.sql.count(() =>
      gql<{ _entities: ({ id: string; version?: number; overallScore?: number } | null)[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Scorecard { id version } ... on Evaluation { id overallScore } } }`,
        {
          r: [
            ...scorecards.map((s) => ({ __typename: 'Scorecard', id: s.id })),
            ...evaluations.map((e) => ({ __typename: 'Evaluation', id: e.id })),
            { __typename: 'Scorecard', id: 'not-a-uuid' },
          ],
        },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      ...scorecards.map((s) => ({ id: s.id, version: 1 })),
      ...evaluations.map((e) => ({ id: e.id, overallScore: expect.closeTo(90, 9) })),
      null,
    ]);
    expect(statements).toHaveLength(2); // one for scorecards, one for evaluations
  });
});
