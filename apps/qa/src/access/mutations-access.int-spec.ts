import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import {
  accessMatrix,
  everyMutationRefused,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type AccessCell,
  type MutationCall,
  type TestSubgraph,
} from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, standardScorecard, toAnswerInputs, type ScorecardRef } from '../testing/qa-factories';
import { draftEvaluation, FULL_MARKS, qaAccessDirectory } from './access-fixture';

const fixture = qaAccessDirectory('QAW');
const { agents, callers } = fixture;

const answers = toAnswerInputs(FULL_MARKS);
const code = () => `AC-${randomUUID().slice(0, 8).toUpperCase()}`;

describe('qa mutations: QA evaluators and ADMIN write, on agents in their scope', () => {
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

  /** Every mutation with input that passes validation: only the role check can refuse it. */
  const calls: Record<string, MutationCall> = {
    createScorecard: {
      query: 'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }',
      variables: () => ({ i: standardScorecard(code()) }),
    },
    updateScorecardDraft: {
      query: 'mutation($id: ID!, $i: ScorecardInput!) { updateScorecardDraft(id: $id, input: $i) { id } }',
      variables: () => ({ id: randomUUID(), i: standardScorecard(code()) }),
    },
    publishScorecard: {
      query: 'mutation($id: ID!) { publishScorecard(id: $id) { id } }',
      variables: () => ({ id: randomUUID() }),
    },
    createEvaluation: {
      query: 'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
      variables: () => ({
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: agents.b1,
          evaluatorEmployeeNo: 'QA-1',
          contact: fixture.world.contact(agents.b1),
        },
      }),
    },
    updateEvaluation: {
      query: 'mutation($id: ID!, $i: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $i) { id } }',
      variables: () => ({ id: randomUUID(), i: { answers } }),
    },
    submitEvaluation: {
      query: 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }',
      variables: () => ({ id: randomUUID() }),
    },
    // Self-service for the evaluated agent only: here someone else's employee number.
    acknowledgeEvaluation: {
      query: 'mutation($id: ID!, $e: String!) { acknowledgeEvaluation(id: $id, employeeNo: $e) { id } }',
      variables: () => ({ id: randomUUID(), e: agents.b1 }),
    },
    disputeEvaluation: {
      query:
        'mutation($id: ID!, $e: String!) { disputeEvaluation(id: $id, employeeNo: $e, reason: "no") { id } }',
      variables: () => ({ id: randomUUID(), e: agents.b1 }),
    },
    resolveDispute: {
      query: 'mutation($id: ID!, $i: ResolveDisputeInput!) { resolveDispute(id: $id, input: $i) { id } }',
      variables: () => ({ id: randomUUID(), i: { resolution: 'UPHELD', reason: 'stands' } }),
    },
    createCalibrationSession: {
      query: 'mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }',
      variables: () => ({
        i: {
          scorecardId: scorecard.id,
          contact: fixture.world.contact(agents.b1),
          agentEmployeeNo: agents.b1,
          calibratorEmployeeNo: 'CAL-1',
          evaluatorEmployeeNos: ['EV-1'],
        },
      }),
    },
    createSamplingPlan: {
      query: 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
      variables: () => ({
        i: {
          code: code(),
          name: 'Refused',
          period: 'WEEK',
          evaluationsPerAgent: 1,
          assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: [agents.b1] }],
        },
      }),
    },
    drawSample: {
      query: 'mutation($id: ID!) { drawSample(planId: $id) { added } }',
      variables: () => ({ id: randomUUID() }),
    },
  };

  describe('no mutation for BI_READER, nor for an AGENT (bar their own acknowledgement or dispute)', () => {
    everyMutationRefused(
      () => qa.url,
      () => calls,
      [
        { who: 'BI_READER', identity: callers.bi },
        { who: 'AGENT', identity: callers.agent },
        { who: 'CENTER_MANAGER', identity: callers.manager },
        { who: 'TEAM_LEAD', identity: callers.lead },
        { who: 'HR', identity: callers.hr },
        { who: 'TRAINER', identity: callers.trainer },
      ],
    );
  });

  const evaluate = (who: string, identity: Identity, agent: string, allowed: boolean): AccessCell => ({
    who,
    identity,
    operation: `createEvaluation of ${agent}`,
    query: calls.createEvaluation.query,
    variables: () => ({
      i: {
        scorecardId: scorecard.id,
        agentEmployeeNo: agent,
        // the evaluator is the caller; only ADMIN names one
        evaluatorEmployeeNo: identity.employeeNo ? undefined : 'QA-1',
        contact: fixture.world.contact(agent),
        answers,
      },
    }),
    expect: allowed ? { allow: true } : { deny: true },
  });

  describe('writers within their scope', () => {
    accessMatrix(
      () => qa.url,
      [
        evaluate('ADMIN', callers.admin, agents.a1, true),
        evaluate('QA_EVALUATOR', callers.evaluator, agents.a1, true),
        evaluate('QA_EVALUATOR of CTU-T1', callers.evaluatorCtu, agents.b1, true),
        evaluate('QA_EVALUATOR of CTU-T1', callers.evaluatorCtu, agents.a1, false),
        {
          who: 'QA_EVALUATOR of CTU-T1',
          identity: callers.evaluatorCtu,
          operation: 'createSamplingPlan naming an agent of SHA-01',
          query: calls.createSamplingPlan.query,
          variables: () => ({
            i: {
              code: code(),
              name: 'Too wide',
              period: 'WEEK',
              evaluationsPerAgent: 1,
              assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: [agents.b1, agents.a1] }],
            },
          }),
          expect: { deny: true },
        },
      ],
    );

    it("refuses a limited evaluator's workflow step on an agent outside their scope, and changes nothing", async () => {
      const id = await draftEvaluation(factory, scorecard, agents.a1, callers.evaluator.employeeNo);
      const asCtu = { authorization: `Bearer ${await subgraphToken('qa', callers.evaluatorCtu)}` };
      const submit = await postGraphQL(qa.url, calls.submitEvaluation.query, { id }, asCtu);
      expect(submit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const after = await postGraphQL<{ evaluation: { status: string } }>(
        qa.url,
        'query($id: ID!) { evaluation(id: $id) { status } }',
        { id },
      );
      expect(after.data?.evaluation.status).toBe('DRAFT');
      const asWriter = { authorization: `Bearer ${await subgraphToken('qa', callers.evaluator)}` };
      const ok = await postGraphQL(qa.url, calls.submitEvaluation.query, { id }, asWriter);
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('self-service: the evaluated agent acknowledges or disputes their own evaluation', () => {
    it('lets agent A1 acknowledge their own evaluation, and not one of B1 as B1', async () => {
      const own = await factory.submitted(scorecard.id, agents.a1, FULL_MARKS);
      const other = await factory.submitted(scorecard.id, agents.b1, FULL_MARKS);
      const asAgent = { authorization: `Bearer ${await subgraphToken('qa', callers.agent)}` };
      const acknowledge = calls.acknowledgeEvaluation.query;
      const ok = await postGraphQL<{ acknowledgeEvaluation: { id: string } }>(
        qa.url,
        acknowledge,
        { id: own.id, e: agents.a1 },
        asAgent,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.acknowledgeEvaluation.id).toBe(own.id);
      const refused = await postGraphQL(qa.url, acknowledge, { id: other.id, e: agents.b1 }, asAgent);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const wrongAgent = await postGraphQL(qa.url, acknowledge, { id: other.id, e: agents.a1 }, asAgent);
      expect(wrongAgent.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(wrongAgent.data ?? null).toBeNull();
      const dispute = await postGraphQL(
        qa.url,
        'mutation($id: ID!, $e: String!) { disputeEvaluation(id: $id, employeeNo: $e, reason: "unfair") { status } }',
        { id: (await factory.submitted(scorecard.id, agents.a1, FULL_MARKS)).id, e: agents.a1 },
        asAgent,
      );
      expect(dispute.data).toEqual({ disputeEvaluation: { status: 'DISPUTED' } });
    });
  });
});
