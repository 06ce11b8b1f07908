import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, toAnswerInputs, type ScorecardRef } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

interface EvaluationView {
  id: string;
  status: string;
  overallScore: number | null;
  autoFailed: boolean;
  sectionScores: { key: string; score: number | null; autoFailed: boolean }[];
  categoryScores: { category: string; score: number }[];
  resolution: string | null;
  resolutionReason: string | null;
  scoreBeforeResolution: number | null;
}

const FIELDS = `id status overallScore autoFailed sectionScores { key score autoFailed }
  categoryScores { category score } resolution resolutionReason scoreBeforeResolution`;

describe('evaluation workflow', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  const world = new QaWorldDouble().person(['E100', 'E-BAD']).evaluator('QA-7', 'QA-8');
  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
    scorecard = await factory.publishedScorecard();
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(qa.url, query, variables);
  const draft = async (answers: Record<string, number | 'NA'>): Promise<string> => {
    const response = await gql<{ createEvaluation: { id: string; status: string } }>(
      `mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id status } }`,
      {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: 'E100',
          evaluatorEmployeeNo: 'QA-7',
          contact: world.contact('E100'),
          answers: toAnswerInputs(answers),
          comment: 'good call',
        },
      },
    );
    expect(response.data?.createEvaluation.status).toBe('DRAFT');
    return response.data?.createEvaluation.id as string;
  };
  const step = async (mutation: string, variables: Record<string, unknown>) => {
    const response = await gql<Record<string, EvaluationView>>(
      `mutation${mutation} ${FIELDS} } }`,
      variables,
    );
    return { evaluation: response.data ? Object.values(response.data)[0] : null, errors: response.errors };
  };
  const submit = (id: string) => step('($id: ID!) { submitEvaluation(id: $id) {', { id });
  const acknowledge = (id: string, employeeNo = 'E100') =>
    step('($id: ID!, $e: String!) { acknowledgeEvaluation(id: $id, employeeNo: $e) {', { id, e: employeeNo });
  const dispute = (id: string) =>
    step('($id: ID!) { disputeEvaluation(id: $id, employeeNo: "E100", reason: "the customer hung up") {', {
      id,
    });
  const resolve = (id: string, input: Record<string, unknown>) =>
    step('($id: ID!, $i: ResolveDisputeInput!) { resolveDispute(id: $id, input: $i) {', { id, i: input });

  it('DRAFT -> SUBMITTED computes and stores the scores; the agent acknowledges', async () => {
    const id = await draft({ GREETING: 1, VERIFY: 1, LISTEN: 2 });
    // Incomplete: submitting names what is missing and changes nothing.
    const incomplete = await submit(id);
    expect(incomplete.errors?.[0]).toMatchObject({
      message: 'answers: criteria not answered: EMPATHY, RESOLVED',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const updated = await step(
      '($id: ID!, $i: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $i) {',
      {
        id,
        i: { answers: toAnswerInputs({ GREETING: 1, VERIFY: 1, LISTEN: 2, EMPATHY: 4, RESOLVED: 0 }) },
      },
    );
    expect(updated.evaluation?.status).toBe('DRAFT');
    const submitted = await submit(id);
    // OPENING 100 %; HANDLING auto-failed (RESOLVED is SECTION-critical) = 0; (40 × 100) / 100 = 40
    expect(submitted.evaluation).toMatchObject({
      status: 'SUBMITTED',
      overallScore: 40,
      autoFailed: true,
      sectionScores: [
        { key: 'OPENING', score: 100, autoFailed: false },
        { key: 'HANDLING', score: 0, autoFailed: true },
      ],
    });
    expect(submitted.evaluation?.categoryScores).toEqual([
      { category: 'COMPLIANCE', score: 100 },
      { category: 'COURTESY', score: 100 },
      { category: 'EMPATHY', score: 0 },
      { category: 'LISTENING', score: 0 },
      { category: 'PROBLEM_SOLVING', score: 0 },
    ]);
    const notAgent = await acknowledge(id, 'E999');
    expect(notAgent.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // Names no one (issue 17): the message is the same whoever the evaluated agent is.
    expect(notAgent.errors?.[0].message).toBe(
      'employeeNo: is not the evaluated agent; only they can do this',
    );
    expect((await acknowledge(id)).evaluation?.status).toBe('ACKNOWLEDGED');
  });

  it('rejects illegal transitions with a CONFLICT saying why, changing nothing', async () => {
    const id = await draft({ GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 });
    const early = await acknowledge(id);
    expect(early.errors?.[0]).toMatchObject({
      message:
        'status: cannot acknowledge an evaluation that is DRAFT: only a SUBMITTED evaluation can be acknowledged',
      extensions: { code: 'CONFLICT' },
    });
    await submit(id);
    expect((await submit(id)).errors?.[0].message).toBe(
      'status: cannot submit an evaluation that is SUBMITTED: only a DRAFT evaluation can be submitted',
    );
    const edit = await step('($id: ID!) { updateEvaluation(id: $id, input: { comment: "later" }) {', { id });
    expect(edit.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    await acknowledge(id);
    expect((await dispute(id)).errors?.[0].message).toBe(
      'status: cannot dispute an evaluation that is ACKNOWLEDGED: only a SUBMITTED evaluation can be disputed',
    );
    const stored = await gql<{ evaluation: { status: string; comment: string } }>(
      'query($id: ID!) { evaluation(id: $id) { status comment } }',
      { id },
    );
    expect(stored.data?.evaluation).toEqual({ status: 'ACKNOWLEDGED', comment: 'good call' });
  });

  it('DISPUTED -> RESOLVED upheld keeps the scores; re-scored keeps the score before and the reason', async () => {
    const upheldId = await draft({ GREETING: 0, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 });
    await submit(upheldId);
    expect((await dispute(upheldId)).evaluation?.status).toBe('DISPUTED');
    const withAnswers = await resolve(upheldId, {
      resolution: 'UPHELD',
      reason: 'x',
      answers: toAnswerInputs({ GREETING: 1 }),
    });
    expect(withAnswers.errors?.[0].message).toBe(
      'input.answers: must be empty when the resolution is UPHELD',
    );
    const upheld = await resolve(upheldId, { resolution: 'UPHELD', reason: 'greeting was missing' });
    // OPENING 10/20 = 50 %, HANDLING 30/30: (40 × 50 + 60 × 100) / 100 = 80
    expect(upheld.evaluation).toMatchObject({
      status: 'RESOLVED',
      overallScore: 80,
      resolution: 'UPHELD',
      resolutionReason: 'greeting was missing',
      scoreBeforeResolution: null,
    });

    const rescoredId = await draft({ GREETING: 0, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 });
    await submit(rescoredId);
    await dispute(rescoredId);
    expect((await resolve(rescoredId, { resolution: 'RESCORED', reason: 'x' })).errors?.[0].message).toBe(
      'input.answers: are required when the resolution is RESCORED',
    );
    const rescored = await resolve(rescoredId, {
      resolution: 'RESCORED',
      reason: 'the greeting was in the IVR recording',
      answers: toAnswerInputs({ GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 }),
    });
    expect(rescored.evaluation).toMatchObject({
      status: 'RESOLVED',
      overallScore: 100,
      resolution: 'RESCORED',
      resolutionReason: 'the greeting was in the IVR recording',
      scoreBeforeResolution: 80,
    });
    expect((await resolve(rescoredId, { resolution: 'UPHELD', reason: 'again' })).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('rejects bad answers naming the field: unknown criterion, range, N/A not allowed', async () => {
    const response = await gql(
      `mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }`,
      {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: 'E-BAD',
          evaluatorEmployeeNo: 'QA-7',
          contact: { source: 'pbx', externalId: 'bad-answers' },
          answers: toAnswerInputs({ NOPE: 1, GREETING: 2, LISTEN: 5, VERIFY: 'NA' }),
        },
      },
    );
    expect(response.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.answers[0].criterionKey', message: '"NOPE" is not a criterion of the scorecard' },
        { field: 'input.answers[1].value', message: 'must be 1 (yes) or 0 (no)' },
        { field: 'input.answers[2].value', message: 'must be an integer 0-4' },
        { field: 'input.answers[3].na', message: 'criterion VERIFY does not allow N/A' },
      ],
    });
    const listed = await gql<{ evaluations: { nodes: unknown[] } }>(
      '{ evaluations(filter: { agentEmployeeNos: ["E-BAD"] }) { nodes { id } } }',
    );
    expect(listed.data?.evaluations.nodes).toHaveLength(0);
  });

  it('an EVALUATION-critical failure scores 0; evaluations page newest first', async () => {
    const id = await draft({ GREETING: 1, VERIFY: 0, LISTEN: 4, EMPATHY: 4, RESOLVED: 1 });
    expect((await submit(id)).evaluation).toMatchObject({ overallScore: 0, autoFailed: true });
    const first = await gql<{
      evaluations: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(
      '{ evaluations(filter: { agentEmployeeNos: ["E100"] }, first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }',
    );
    expect(first.data?.evaluations.nodes[0].id).toBe(id);
    expect(first.data?.evaluations.pageInfo.hasNextPage).toBe(true);
    const next = await gql<{ evaluations: { nodes: { id: string }[] } }>(
      'query($a: String) { evaluations(filter: { agentEmployeeNos: ["E100"] }, first: 500, after: $a) { nodes { id } } }',
      { a: first.data?.evaluations.pageInfo.endCursor },
    );
    const seen = [...(first.data?.evaluations.nodes ?? []), ...(next.data?.evaluations.nodes ?? [])].map(
      (n) => n.id,
    );
    expect(new Set(seen).size).toBe(seen.length);
  });
});
