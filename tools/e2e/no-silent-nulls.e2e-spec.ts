import type { Identity } from '@switchboard/auth';
import { QaFactory, type Answers } from '@switchboard/qa/testing';
import { clientToken, postGraphQL, type GraphQLResponse } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Org {
  centers: { code: string; teams: { code: string; agents: { employeeNo: string }[] }[] }[];
}

interface EvaluationsPage {
  evaluations: {
    nodes: {
      id: string;
      agent: { employeeNo: string; displayName: string } | null;
      evaluator: { employeeNo: string; displayName: string } | null;
    }[];
  } | null;
}

const ANSWERS: Answers = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 };

/**
 * Issue 17 §2, no silent nulls: a row whose related entity is missing or out of the caller's scope
 * stays in its list; the field that could not be resolved is null and `errors` says why.
 */
describe('no silent nulls through the gateway', () => {
  let stack: TestStack;
  let agent: string;
  let team: string;
  let center: string;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const org = (
      await postGraphQL<Org>(stack.gatewayUrl, '{ centers { code teams { code agents { employeeNo } } } }')
    ).data as Org;
    const [home, other] = org.centers.filter((c) => c.teams.some((t) => t.agents.length > 0));
    const homeTeam = home.teams.find((t) => t.agents.length > 0);
    const evaluator = other.teams.find((t) => t.agents.length > 0)?.agents[0].employeeNo;
    if (!homeTeam || !evaluator) throw new Error('the staff demo has no two centers with agents');
    [agent, team, center] = [homeTeam.agents[0].employeeNo, homeTeam.code, home.code];
    // A contact the agent handled, scored by someone of the other center.
    const arrived = new Date(Date.now() - 3_600_000);
    const contact = { source: 'silent-nulls', externalId: `call-${agent}` };
    const ingest = await postGraphQL(
      stack.gatewayUrl,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          {
            ...contact,
            channel: 'VOICE',
            queue: 'SILENT-NULLS',
            agent,
            arrivedAt: arrived.toISOString(),
            answeredAt: new Date(arrived.getTime() + 8_000).toISOString(),
            endedAt: new Date(arrived.getTime() + 188_000).toISOString(),
            outcome: 'ANSWERED',
          },
        ],
      },
    );
    expect(ingest.errors).toBeUndefined();
    const factory = new QaFactory(stack.gatewayUrl);
    const scorecard = await factory.publishedScorecard();
    const created = await factory.mutate<{ id: string }>(
      'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
      {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: agent,
          evaluatorEmployeeNo: evaluator,
          contact,
          answers: Object.entries(ANSWERS).map(([criterionKey, v]) =>
            v === 'NA' ? { criterionKey, na: true } : { criterionKey, value: v },
          ),
        },
      },
    );
    evaluationId = created.id;
  });
  afterAll(() => stack.stop());

  const callers = (): [string, Identity][] => [
    ['the agent', { subject: 'agent', roles: ['AGENT'], centers: [], teams: [], employeeNo: agent }],
    ['their team lead', { subject: 'lead', roles: ['TEAM_LEAD'], centers: [], teams: [team] }],
    [
      'their center’s manager',
      { subject: 'manager', roles: ['CENTER_MANAGER'], centers: [center], teams: [] },
    ],
  ];

  it.each([0, 1, 2])(
    'keeps the evaluations list of caller %#, the evaluator of another center null with an error',
    async (i) => {
      const [, identity] = callers()[i];
      const answer: GraphQLResponse<EvaluationsPage> = await postGraphQL<EvaluationsPage>(
        stack.gatewayUrl,
        '{ evaluations(first: 50) { nodes { id agent { employeeNo displayName } evaluator { employeeNo displayName } } } }',
        undefined,
        { authorization: `Bearer ${await clientToken(identity)}` },
      );
      const nodes = answer.data?.evaluations?.nodes ?? [];
      const index = nodes.findIndex((n) => n.id === evaluationId);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(nodes[index].agent).toEqual({ employeeNo: agent, displayName: expect.any(String) });
      expect(nodes[index].evaluator).toBeNull();
      expect(answer.errors).toContainEqual(
        expect.objectContaining({
          path: ['evaluations', 'nodes', index, 'evaluator'],
          extensions: expect.objectContaining({ code: 'NOT_FOUND', serviceName: 'staff' }),
        }),
      );
      // The error names no key and nothing of the agent it could not show.
      const error = answer.errors?.find((e) => e.path?.join('.') === `evaluations.nodes.${index}.evaluator`);
      expect(error?.message).toBe('Agent: not found, or not visible to you');
    },
  );
});
