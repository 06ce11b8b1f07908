import { QaFactory } from '@switchboard/qa/testing';
import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Drawn {
  contact: { source: string; externalId: string };
  agent: { employeeNo: string };
  evaluatorEmployeeNo: string;
  draw: number;
  evaluationId: string | null;
}

const DRAW = `mutation($p: ID!, $at: DateTimeISO) { drawSample(planId: $p, at: $at) { periodStart added
  contacts { contact { source externalId } agent { employeeNo } evaluatorEmployeeNo draw evaluationId } } }`;

/** Demo agents E10007..E10009 (S1..S3) each answer 12 contacts in the week of Monday 2026-05-04 (voice and chat), one more the week after. */
function contacts() {
  const rows = [];
  for (const agent of ['E10007', 'E10008', 'E10009']) {
    for (let i = 0; i < 13; i += 1) {
      const arrived = new Date(Date.UTC(2026, 4, i === 12 ? 11 : 4 + (i % 5), 2, i));
      rows.push({
        source: 'qa-sample',
        externalId: `${agent}-${i}`,
        channel: i % 3 === 0 ? 'CHAT' : 'VOICE',
        queue: i % 3 === 0 ? 'QS-CHAT' : 'QS-VOICE',
        agent,
        arrivedAt: arrived.toISOString(),
        answeredAt: new Date(arrived.getTime() + 5_000).toISOString(),
        endedAt: new Date(arrived.getTime() + 200_000).toISOString(),
        outcome: 'ANSWERED',
      });
    }
  }
  return rows;
}

// Staff's demo people (issue 17: a plan names real agents, and QA evaluators E10002 and E10022).
/**
 * Sampling: QA draws contacts from the traffic subgraph through the gateway (SWITCHBOARD_GATEWAY_URL),
 * never from traffic's tables.
 */
describe('sampling plans', () => {
  let stack: TestStack;
  let factory: QaFactory;
  let scorecard: { id: string };
  beforeAll(async () => {
    stack = await startTestStack();
    process.env.SWITCHBOARD_GATEWAY_URL = stack.gatewayUrl;
    factory = new QaFactory(stack.gatewayUrl);
    scorecard = await factory.publishedScorecard();
    const ingest = await postGraphQL(
      stack.gatewayUrl,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: contacts(),
      },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 39 } });
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await stack.stop();
  });

  const plan = (code: string, extra: Record<string, unknown> = {}) =>
    factory.mutate<{ id: string; seed: string }>(
      'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id seed } }',
      {
        i: {
          code,
          name: 'Weekly voice',
          period: 'WEEK',
          evaluationsPerAgent: 2,
          seed: 'fixed-seed',
          assignments: [
            { evaluatorEmployeeNo: 'E10002', agentEmployeeNos: ['E10007', 'E10008'] },
            { evaluatorEmployeeNo: 'E10022', agentEmployeeNos: ['E10009'] },
          ],
          ...extra,
        },
      },
    );
  const draw = async (planId: string, at = '2026-05-06T12:00:00Z') => {
    const response = await postGraphQL<{
      drawSample: { periodStart: string; added: number; contacts: Drawn[] };
    }>(stack.gatewayUrl, DRAW, { p: planId, at });
    expect(response.errors).toBeUndefined();
    return response.data?.drawSample as { periodStart: string; added: number; contacts: Drawn[] };
  };

  it('draws N contacts per agent of the week, reproducibly, each owed by the assigned evaluator', async () => {
    const weekly = await plan(factory.unique('W'));
    const first = await draw(weekly.id);
    expect(first.periodStart).toBe('2026-05-04');
    expect(first.added).toBe(6);
    expect(first.contacts.map((c) => [c.agent.employeeNo, c.draw, c.evaluatorEmployeeNo])).toEqual([
      ['E10007', 1, 'E10002'],
      ['E10007', 2, 'E10002'],
      ['E10008', 1, 'E10002'],
      ['E10008', 2, 'E10002'],
      ['E10009', 1, 'E10022'],
      ['E10009', 2, 'E10022'],
    ]);
    // Only the week's contacts (number 12 arrived the week after).
    expect(first.contacts.some((c) => c.contact.externalId.endsWith('-12'))).toBe(false);
    // Again: nothing added, the same contacts.
    const again = await draw(weekly.id, '2026-05-10T23:00:00Z');
    expect(again.added).toBe(0);
    expect(again.contacts).toEqual(first.contacts);
    // Another plan with the same seed draws the same contacts; another seed, others.
    const twin = await draw((await plan(factory.unique('W'))).id);
    expect(twin.contacts).toEqual(first.contacts);
    const other = await draw((await plan(factory.unique('W'), { seed: 'another-seed' })).id);
    expect(other.contacts.map((c) => c.contact.externalId)).not.toEqual(
      first.contacts.map((c) => c.contact.externalId),
    );
  });

  it('filters by channel; the next week is a different draw', async () => {
    const chat = await plan(factory.unique('C'), { channels: ['CHAT'], evaluationsPerAgent: 10 });
    const drawn = await draw(chat.id);
    // Contacts 0, 3, 6, 9 of each agent are chats in that week.
    expect(drawn.contacts).toHaveLength(12);
    expect(drawn.contacts.every((c) => Number(c.contact.externalId.split('-')[1]) % 3 === 0)).toBe(true);
    const next = await draw(chat.id, '2026-05-12T00:00:00Z');
    expect(next.periodStart).toBe('2026-05-11');
    expect(next.contacts.map((c) => c.contact.externalId)).toEqual(['E10007-12', 'E10008-12', 'E10009-12']);
  });

  it('lists what each evaluator still owes, counting evaluations of the drawn contacts', async () => {
    const weekly = await plan(factory.unique('O'));
    const drawn = await draw(weekly.id);
    const target = drawn.contacts[0];
    const evaluation = await factory.mutate<{ id: string }>(
      'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
      {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: target.agent.employeeNo,
          evaluatorEmployeeNo: 'E10002',
          contact: target.contact,
          answers: [
            { criterionKey: 'GREETING', value: 1 },
            { criterionKey: 'VERIFY', value: 1 },
            { criterionKey: 'LISTEN', value: 4 },
            { criterionKey: 'EMPATHY', na: true },
            { criterionKey: 'RESOLVED', value: 1 },
          ],
        },
      },
    );
    await factory.mutate('mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: evaluation.id });
    const workload = await postGraphQL<{
      evaluatorWorkload: {
        evaluatorEmployeeNo: string;
        required: number;
        done: number;
        owed: number;
        agents: { agent: { employeeNo: string }; done: number; owed: number }[];
        pending: { contact: { externalId: string } }[];
      }[];
    }>(
      stack.gatewayUrl,
      `query($p: ID!) { evaluatorWorkload(planId: $p, at: "2026-05-08T00:00:00Z") { evaluatorEmployeeNo required done owed
        agents { agent { employeeNo } done owed } pending { contact { externalId } } } }`,
      { p: weekly.id },
    );
    expect(workload.errors).toBeUndefined();
    const [a, b] = workload.data?.evaluatorWorkload ?? [];
    expect(a).toMatchObject({ evaluatorEmployeeNo: 'E10002', required: 4, done: 1, owed: 3 });
    expect(a.agents).toEqual([
      { agent: { employeeNo: 'E10008' }, done: 0, owed: 2 },
      { agent: { employeeNo: 'E10007' }, done: 1, owed: 1 },
    ]);
    expect(a.pending.map((p) => p.contact.externalId)).not.toContain(target.contact.externalId);
    expect(a.pending).toHaveLength(3);
    expect(b).toMatchObject({ evaluatorEmployeeNo: 'E10022', required: 2, done: 0, owed: 2 });
    expect(b.pending).toHaveLength(2);
  });

  it('rejects an agent assigned twice, and says when traffic cannot be reached', async () => {
    const twice = await postGraphQL(
      stack.gatewayUrl,
      'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
      {
        i: {
          code: factory.unique('X'),
          name: 'x',
          period: 'MONTH',
          evaluationsPerAgent: 1,
          assignments: [
            { evaluatorEmployeeNo: 'E10002', agentEmployeeNos: ['E10007'] },
            { evaluatorEmployeeNo: 'E10022', agentEmployeeNos: ['E10007'] },
          ],
        },
      },
    );
    expect(twice.errors?.[0]).toMatchObject({
      message: 'assignments: agent "E10007" is assigned more than once',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const monthly = await plan(factory.unique('M'), { period: 'MONTH' });
    process.env.SWITCHBOARD_GATEWAY_URL = 'http://127.0.0.1:9/graphql';
    try {
      const response = await postGraphQL(stack.gatewayUrl, DRAW, {
        p: monthly.id,
        at: '2026-05-06T00:00:00Z',
      });
      expect(response.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(response.errors?.[0].message).toMatch(
        /^contact sample: the gateway at http:\/\/127.0.0.1:9\/graphql did not answer/,
      );
    } finally {
      process.env.SWITCHBOARD_GATEWAY_URL = stack.gatewayUrl;
    }
  });
});
