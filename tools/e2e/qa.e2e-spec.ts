import { QaFactory, type Answers } from '@switchboard/qa/testing';
import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Member {
  employeeNo: string;
  role: string;
}

const HIGH: Answers = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 }; // 100
const LOW: Answers = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 4, RESOLVED: 0 }; // 40, auto-failed

/** Staff, QA and traffic answering one query through the real gateway. */
describe('QA through the gateway', () => {
  let stack: TestStack;
  let factory: QaFactory;
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  beforeAll(async () => {
    stack = await startTestStack();
    factory = new QaFactory(stack.gatewayUrl);
  });
  afterAll(() => stack.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);

  it('answers agents with staff, QA and traffic fields in one query', async () => {
    const teams = await gql<{ teams: { id: string; code: string; agents: Member[] }[] }>(
      '{ teams { id code agents { employeeNo role } } }',
    );
    const team = teams.data?.teams[0];
    // two agents of the team, evaluated by a QA evaluator (issue 17: evaluators are evaluators)
    const [first, second] = (team?.agents ?? []).filter(
      (a) => a.role === 'AGENT' || a.role === 'SENIOR_AGENT',
    );
    const evaluators = await gql<{ agents: { nodes: Member[] } }>(
      '{ agents(first: 1, filter: { roles: [QA_EVALUATOR], statuses: [ACTIVE] }) { nodes { employeeNo role } } }',
    );
    const evaluator = evaluators.data?.agents.nodes[0]?.employeeNo;
    expect(evaluator).toBeDefined();
    const scorecard = await factory.publishedScorecard();
    // One answered call per agent, each evaluated.
    const arrived = new Date(Date.now() - 3_600_000);
    const call = (agent: string) => ({
      source: 'qa-e2e',
      externalId: `call-${agent}`,
      channel: 'VOICE',
      queue: 'QA-E2E',
      agent,
      arrivedAt: arrived.toISOString(),
      answeredAt: new Date(arrived.getTime() + 8_000).toISOString(),
      endedAt: new Date(arrived.getTime() + 188_000).toISOString(),
      outcome: 'ANSWERED',
    });
    const ingest = await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [call(first.employeeNo), call(second.employeeNo)],
    });
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 2 } });
    const evaluate = async (agent: string, answers: Answers) => {
      const created = await factory.mutate<{ id: string }>(
        'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
        {
          i: {
            scorecardId: scorecard.id,
            agentEmployeeNo: agent,
            evaluatorEmployeeNo: evaluator,
            contact: { source: 'qa-e2e', externalId: `call-${agent}` },
            answers: Object.entries(answers).map(([criterionKey, v]) =>
              v === 'NA' ? { criterionKey, na: true } : { criterionKey, value: v },
            ),
          },
        },
      );
      await factory.mutate('mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: created.id });
      return created.id;
    };
    const evaluationId = await evaluate(first.employeeNo, HIGH);
    await evaluate(second.employeeNo, LOW);

    const response = await gql<{
      agent: {
        employeeNo: string;
        displayName: string;
        team: { code: string };
        qaSummary: { score: number; evaluations: number; criticalFailRate: number };
        trafficSummary: { answered: number; ahtSeconds: number };
      };
      team: { code: string; qaSummary: { score: number; evaluations: number; autoFailed: number } };
      evaluation: {
        overallScore: number;
        agent: { displayName: string };
        contact: { channel: string; queueCode: string; agent: { employeeNo: string } };
      };
    }>(
      `query($e: String!, $team: ID!, $id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
        agent(employeeNo: $e) {
          employeeNo displayName team { code }
          qaSummary(from: $from, to: $to) { score evaluations criticalFailRate }
          trafficSummary(from: $from, to: $to) { answered ahtSeconds }
        }
        team(id: $team) { code qaSummary(from: $from, to: $to) { score evaluations autoFailed } }
        evaluation(id: $id) {
          overallScore agent { displayName }
          contact { channel queueCode agent { employeeNo } }
        }
      }`,
      {
        e: first.employeeNo,
        team: team?.id,
        id: evaluationId,
        from: new Date(Math.floor(Date.now() / 86_400_000 - 1) * 86_400_000).toISOString(),
        to: new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000).toISOString(),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.agent).toMatchObject({
      employeeNo: first.employeeNo,
      team: { code: team?.code },
      qaSummary: { score: 100, evaluations: 1, criticalFailRate: 0 },
      trafficSummary: { answered: 1, ahtSeconds: 180 },
    });
    expect(response.data?.agent.displayName).toEqual(expect.any(String));
    expect(response.data?.team).toEqual({
      code: team?.code,
      qaSummary: { score: 70, evaluations: 2, autoFailed: 1 }, // (100 + 40) / 2
    });
    expect(response.data?.evaluation).toEqual({
      overallScore: 100,
      agent: { displayName: response.data?.agent.displayName },
      contact: { channel: 'VOICE', queueCode: 'QA-E2E', agent: { employeeNo: first.employeeNo } },
    });
  });

  it('summarises every team and center with one QA statement per batch', async () => {
    const qa = stack.subgraphs.qa;
    const { result, statements } = await qa.sql.count(() =>
      gql<{
        centers: {
          code: string;
          qaSummary: { evaluations: number };
          teams: { qaSummary: { evaluations: number } }[];
        }[];
      }>(
        `query($from: DateTimeISO!, $to: DateTimeISO!) { centers { code
          qaSummary(from: $from, to: $to) { evaluations }
          teams { code qaSummary(from: $from, to: $to) { evaluations score } } } }`,
        { from, to },
      ),
    );
    expect(result.errors).toBeUndefined();
    const centers = result.data?.centers ?? [];
    expect(centers.flatMap((c) => c.teams)).toHaveLength(10);
    const teamTotal = centers.flatMap((c) => c.teams).reduce((n, t) => n + t.qaSummary.evaluations, 0);
    const centerTotal = centers.reduce((n, c) => n + c.qaSummary.evaluations, 0);
    expect(teamTotal).toBe(2);
    expect(centerTotal).toBe(2);
    // Centers and their teams come to QA in two _entities batches: one summary statement each.
    expect(statements.length).toBeLessThanOrEqual(2);
    expect(statements.every((s) => s.includes('jsonb_to_recordset'))).toBe(true);
  });
});
