import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { postGraphQL, startTestSubgraph, subgraphToken, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, type ScorecardRef } from '../testing/qa-factories';
import { draftEvaluation, FULL_MARKS, qaAccessDirectory } from './access-fixture';

const fixture = qaAccessDirectory('QAL');
const { agents, callers } = fixture;

const M = {
  acknowledge: 'mutation($id: ID!, $e: String!) { acknowledgeEvaluation(id: $id, employeeNo: $e) { id } }',
  dispute:
    'mutation($id: ID!, $e: String!) { disputeEvaluation(id: $id, employeeNo: $e, reason: "no") { id } }',
  submit: 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }',
  update: 'mutation($id: ID!) { updateEvaluation(id: $id, input: { comment: "x" }) { id } }',
  draw: 'mutation($id: ID!) { drawSample(planId: $id) { added } }',
};

/**
 * Issue 17 §2: a caller outside a record's scope gets exactly the answer they get for a record that
 * does not exist, decided before anything about the record is checked, and never told whose it is.
 */
describe('qa: errors reveal nothing outside the caller’s scope', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;

  beforeAll(async () => {
    await fixture.world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph, { scopeSource: fixture.source });
    factory = new QaFactory(qa.url, fixture.world);
    scorecard = await factory.publishedScorecard();
  });
  afterAll(async () => {
    await qa.stop();
    await fixture.world.release();
  });

  const as = async (identity: Identity, query: string, variables: Record<string, unknown>) => {
    const answer = await postGraphQL(qa.url, query, variables, {
      authorization: `Bearer ${await subgraphToken('qa', identity)}`,
    });
    return {
      data: answer.data,
      errors: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })),
    };
  };

  /** The answer for `id`, and for an id that does not exist, with the ids taken out. */
  const bothAnswers = async (
    identity: Identity,
    query: string,
    id: string,
    extra: Record<string, unknown> = {},
  ) => {
    const missing = randomUUID();
    const existing = await as(identity, query, { id, ...extra });
    const none = await as(identity, query, { id: missing, ...extra });
    return {
      existing: JSON.parse(JSON.stringify(existing).replaceAll(id, '<id>')) as unknown,
      none: JSON.parse(JSON.stringify(none).replaceAll(missing, '<id>')) as unknown,
    };
  };

  it.each(['acknowledge', 'dispute'] as const)(
    "%s of another agent's evaluation: the answer for a missing one, naming no one",
    async (step) => {
      const other = await factory.submitted(scorecard.id, agents.b1, FULL_MARKS);
      const { existing, none } = await bothAnswers(callers.agent, M[step], other.id, { e: agents.a1 });
      expect(existing).toEqual(none);
      expect(existing).toMatchObject({ data: null, errors: [{ code: 'FORBIDDEN' }] });
      expect(JSON.stringify(existing)).not.toContain(agents.b1);
      // Untouched: the evaluated agent can still acknowledge it.
      const own = await as(caller(agents.b1), M.acknowledge, { id: other.id, e: agents.b1 });
      expect(own.errors).toBeUndefined();
    },
  );

  it.each(['submit', 'update'] as const)(
    '%s of an evaluation outside a limited evaluator’s scope: the answer for a missing one',
    async (step) => {
      const id = await draftEvaluation(factory, scorecard, agents.a1);
      const { existing, none } = await bothAnswers(callers.evaluatorCtu, M[step], id);
      expect(existing).toEqual(none);
      expect(existing).toMatchObject({ errors: [{ code: 'FORBIDDEN' }] });
    },
  );

  it('drawSample of a plan outside a limited evaluator’s scope: the answer for a missing one', async () => {
    const plan = await factory.mutate<{ id: string }>(
      'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
      {
        i: {
          code: factory.unique('SP'),
          name: 'Out of scope',
          period: 'WEEK',
          evaluationsPerAgent: 1,
          assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: [agents.a1] }],
        },
      },
    );
    const { existing, none } = await bothAnswers(callers.evaluatorCtu, M.draw, plan.id);
    expect(existing).toEqual(none);
    expect(existing).toMatchObject({ errors: [{ code: 'FORBIDDEN' }] });
  });

  it('drawSample of a plan partly in a limited evaluator’s scope: draws and shows only their agents', async () => {
    const plan = await factory.mutate<{ id: string }>(
      'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
      {
        i: {
          code: factory.unique('SP'),
          name: 'Both centers',
          period: 'WEEK',
          evaluationsPerAgent: 1,
          assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: [agents.a1, agents.b1] }],
        },
      },
    );
    const asked = fixture.world.requests.length;
    const answer = await as(
      callers.evaluatorCtu,
      'mutation($id: ID!) { drawSample(planId: $id) { added contacts { evaluatorEmployeeNo } } }',
      { id: plan.id },
    );
    expect(answer.errors).toBeUndefined();
    const sampleRequests = fixture.world.requests
      .slice(asked)
      .filter((r) => r.query.includes('contactSample'));
    expect(sampleRequests.map((r) => (r.variables?.f as { employeeNos: string[] }).employeeNos)).toEqual([
      [agents.b1],
    ]);
  });
});

function caller(employeeNo: string): Identity {
  return { subject: `agent-${employeeNo}`, roles: ['AGENT'], centers: [], teams: [], employeeNo };
}
