import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Identity } from '@switchboard/auth';
import { QaFactory, toAnswerInputs } from '@switchboard/qa/testing';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Org {
  centers: {
    id: string;
    code: string;
    teams: { id: string; code: string; agents: { id: string; employeeNo: string }[] }[];
  }[];
}

/** One mutation on a record of another center, as a caller limited to the home center. */
interface LeakCase {
  name: string;
  caller: () => Identity;
  query: string;
  /** The record outside the caller's scope. */
  id: () => string;
  /** The other arguments: valid ones and ones that fail validation (authorization must come first). */
  others: () => Record<string, unknown>[];
}

const FULL_MARKS = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 4, RESOLVED: 1 };
const today = new Date().toISOString().slice(0, 10);

/**
 * Issue 17 §2, authorization before validation, as a property over the mutations of every subgraph
 * that take the id of a scoped record: a caller limited to one center gets, for a record of another
 * center, exactly the answer they get for an id that does not exist, whatever else the request holds
 * (valid or invalid: a check of the input's shape may come first, since it says nothing about the
 * record), through the real gateway.
 */
describe('out-of-scope records answer as missing ones, in every subgraph', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  const home = { center: '', team: '', agent: '' };

  const admin = (query: string, variables: Record<string, unknown>) =>
    new QaFactory(stack.gatewayUrl).mutate<{ id: string }>(query, variables);

  beforeAll(async () => {
    stack = await startTestStack();
    const org = (
      await postGraphQL<Org>(
        stack.gatewayUrl,
        '{ centers { id code teams { id code agents { id employeeNo } } } }',
      )
    ).data as Org;
    const [a, b] = org.centers.filter((c) => c.teams.some((t) => t.agents.length > 1));
    const teamA = a.teams.find((t) => t.agents.length > 1);
    const teamB = b.teams.find((t) => t.agents.length > 1);
    if (!teamA || !teamB) throw new Error('the staff demo has no two centers with agents');
    Object.assign(home, { center: a.code, team: teamA.id, agent: teamA.agents[0].employeeNo });
    const other = teamB.agents[0];
    Object.assign(ids, { agent: other.id, team: teamB.id, center: b.id });
    const qa = new QaFactory(stack.gatewayUrl);
    const scorecard = await qa.publishedScorecard();
    const evaluation = async () => {
      const externalId = randomUUID();
      const arrived = new Date(Date.now() - 3_600_000);
      await postGraphQL(
        stack.gatewayUrl,
        'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
        {
          c: [
            {
              source: 'leaks',
              externalId,
              channel: 'VOICE',
              queue: 'LEAKS',
              agent: other.employeeNo,
              arrivedAt: arrived.toISOString(),
              answeredAt: new Date(arrived.getTime() + 5_000).toISOString(),
              endedAt: new Date(arrived.getTime() + 90_000).toISOString(),
              outcome: 'ANSWERED',
            },
          ],
        },
      );
      return admin('mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }', {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: other.employeeNo,
          evaluatorEmployeeNo: teamB.agents[1].employeeNo,
          contact: { source: 'leaks', externalId },
          answers: toAnswerInputs(FULL_MARKS),
        },
      });
    };
    ids.draft = (await evaluation()).id;
    ids.submitted = (await evaluation()).id;
    await admin('mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: ids.submitted });
    ids.plan = (
      await admin('mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }', {
        i: {
          code: qa.unique('LEAK'),
          name: 'Other center',
          period: 'WEEK',
          evaluationsPerAgent: 1,
          assignments: [
            { evaluatorEmployeeNo: teamB.agents[1].employeeNo, agentEmployeeNos: [other.employeeNo] },
          ],
        },
      })
    ).id;
    const course = await admin('mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }', {
      i: { code: qa.unique('LEAK'), title: 'Leaks', category: 'COMPLIANCE', hours: 1 },
    });
    const assigned = await new QaFactory(stack.gatewayUrl).mutate<{ assignments: { id: string }[] }>(
      'mutation($i: AssignCourseInput!) { assignCourse(input: $i) { assignments { id } } }',
      { i: { courseId: course.id, target: { employeeNos: [other.employeeNo] }, dueDate: '2030-01-01' } },
    );
    ids.assignment = assigned.assignments[0].id;
    ids.target = (
      await admin('mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }', {
        i: { kpiCode: 'AHT', scope: { type: 'TEAM', id: teamB.id }, target: 300, amberBand: 30 },
      })
    ).id;
  });
  afterAll(() => stack.stop());

  const limited = (role: string) => (): Identity => ({
    subject: `limited-${role}`,
    roles: [role as Identity['roles'][number]],
    centers: [home.center],
    teams: [],
  });
  const agent = (): Identity => ({
    subject: 'agent',
    roles: ['AGENT'],
    centers: [],
    teams: [],
    employeeNo: home.agent,
  });
  const badAnswers = [{ criterionKey: 'NO_SUCH', value: 99 }];

  const CASES: LeakCase[] = [
    {
      name: 'qa updateEvaluation',
      caller: limited('QA_EVALUATOR'),
      id: () => ids.draft,
      query: 'mutation($id: ID!, $i: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $i) { id } }',
      others: () => [{ i: { comment: 'x' } }, { i: { answers: badAnswers } }],
    },
    {
      name: 'qa submitEvaluation',
      caller: limited('QA_EVALUATOR'),
      id: () => ids.draft,
      query: 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }',
      others: () => [{}],
    },
    {
      name: 'qa resolveDispute',
      caller: limited('QA_EVALUATOR'),
      id: () => ids.submitted,
      query: 'mutation($id: ID!, $i: ResolveDisputeInput!) { resolveDispute(id: $id, input: $i) { id } }',
      others: () => [
        { i: { resolution: 'UPHELD', reason: 'r' } },
        { i: { resolution: 'RESCORED', reason: 'r', answers: badAnswers } },
      ],
    },
    {
      name: 'qa acknowledgeEvaluation',
      caller: agent,
      id: () => ids.submitted,
      query: 'mutation($id: ID!, $e: String!) { acknowledgeEvaluation(id: $id, employeeNo: $e) { id } }',
      others: () => [{ e: home.agent }],
    },
    {
      name: 'qa disputeEvaluation',
      caller: agent,
      id: () => ids.submitted,
      query:
        'mutation($id: ID!, $e: String!, $r: String!) { disputeEvaluation(id: $id, employeeNo: $e, reason: $r) { id } }',
      others: () => [{ e: home.agent, r: 'unfair' }],
    },
    {
      name: 'qa drawSample',
      caller: limited('QA_EVALUATOR'),
      id: () => ids.plan,
      query: 'mutation($id: ID!) { drawSample(planId: $id) { added } }',
      others: () => [{}],
    },
    {
      name: 'training startAssignment',
      caller: limited('TRAINER'),
      id: () => ids.assignment,
      query: 'mutation($id: ID!) { startAssignment(id: $id) { id } }',
      others: () => [{}],
    },
    {
      name: 'training completeAssignment',
      caller: limited('TRAINER'),
      id: () => ids.assignment,
      query: 'mutation($id: ID!, $d: LocalDate) { completeAssignment(id: $id, completedOn: $d) { id } }',
      others: () => [{ d: null }, { d: '2099-01-01' }],
    },
    {
      name: 'kpi removeKpiTarget',
      caller: limited('CENTER_MANAGER'),
      id: () => ids.target,
      query: 'mutation($id: ID!) { removeKpiTarget(id: $id) }',
      others: () => [{}],
    },
    {
      name: 'staff updateAgent',
      caller: limited('HR'),
      id: () => ids.agent,
      query: 'mutation($id: ID!, $i: UpdateAgentInput!) { updateAgent(id: $id, input: $i) { id } }',
      others: () => [{ i: { displayName: 'Renamed' } }, { i: { displayName: '' } }],
    },
    {
      name: 'staff transferAgent',
      caller: limited('HR'),
      id: () => ids.agent,
      query: 'mutation($id: ID!, $i: TransferAgentInput!) { transferAgent(id: $id, input: $i) { id } }',
      others: () => [
        { i: { teamId: home.team, effectiveDate: today } },
        { i: { teamId: home.team, effectiveDate: '2099-01-01' } },
      ],
    },
    {
      name: 'staff terminateAgent',
      caller: limited('HR'),
      id: () => ids.agent,
      query: 'mutation($id: ID!, $i: TerminateAgentInput!) { terminateAgent(id: $id, input: $i) { id } }',
      others: () => [{ i: { terminationDate: today } }, { i: { terminationDate: '1990-01-01' } }],
    },
    {
      name: 'staff updateTeam',
      caller: limited('HR'),
      id: () => ids.team,
      query: 'mutation($id: ID!, $i: UpdateTeamInput!) { updateTeam(id: $id, input: $i) { id } }',
      others: () => [{ i: { name: 'Renamed' } }, { i: { name: '' } }],
    },
    {
      name: 'staff updateCenter',
      caller: limited('HR'),
      id: () => ids.center,
      query: 'mutation($id: ID!, $i: UpdateCenterInput!) { updateCenter(id: $id, input: $i) { id } }',
      others: () => [{ i: { name: 'Renamed' } }, { i: { timeZone: 'Mars/Olympus' } }],
    },
  ];

  const answer = async (c: LeakCase, id: string, others: Record<string, unknown>) => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      c.query,
      { id, ...others },
      { authorization: `Bearer ${await clientToken(c.caller())}` },
    );
    return JSON.stringify({
      data: response.data,
      errors: response.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })),
    }).replaceAll(id, '<id>');
  };

  it('answers every out-of-scope record exactly as a missing one, refused', async () => {
    const cases = fc
      .constantFrom(...CASES)
      .chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...c.others())));
    await fc.assert(
      fc.asyncProperty(cases, async ([c, others]) => {
        const outside = await answer(c, c.id(), others);
        const missing = await answer(c, randomUUID(), others);
        expect({ mutation: c.name, others, outside }).toEqual({ mutation: c.name, others, outside: missing });
        // Refused (a check of the input's shape may come first: it says nothing about the record).
        expect({ mutation: c.name, outside, refused: outside.includes('"errors":[') }).toEqual({
          mutation: c.name,
          outside,
          refused: true,
        });
      }),
      { numRuns: 80, seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_207) },
    );
  }, 180_000);
});
