import type { Identity } from '@switchboard/auth';
import { QaFactory, standardScorecard } from '@switchboard/qa/testing';
import { caller, checkOutcome, clientToken, postGraphQL, type AccessCell } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

type Data = Record<string, unknown>;
/** A cell whose caller is known only once the stack is up (the demo's team codes). */
type GatewayCell = Omit<AccessCell<Data>, 'identity'> & { identity: () => Identity };
interface DemoTeam {
  id: string;
  code: string;
  center: { id: string; code: string };
  agents: { employeeNo: string }[];
}

const FULL = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 4, RESOLVED: 1 };
const QUARTER_HOUR = 900_000;
/** When the matrix's calls arrived: an hour ago. */
const ARRIVED = Date.now() - 3_600_000;
const now = Math.floor(Date.now() / QUARTER_HOUR) * QUARTER_HOUR;
const from = new Date(now - 2 * 86_400_000).toISOString();
const to = new Date(now + 86_400_000).toISOString();

/**
 * The access rule end to end, through the real gateway with client tokens, on the demo roster
 * (centers SHA-01 and CTU-T1): traffic and QA rows of each center, reached from federated queries
 * that also walk staff's entities. Staff, training and kpi scoping have their own matrices.
 */
describe('access matrix through the gateway (demo roster)', () => {
  let stack: TestStack;
  const demo = { sha: '', ctu: '', shaTeam: '', shaAgent: '', shaMate: '', ctuAgent: '' };
  const queueIds: Record<string, string> = {};
  const evaluations: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    const gql = <T>(query: string, variables?: Record<string, unknown>) =>
      postGraphQL<T>(stack.gatewayUrl, query, variables);
    const teams = (
      await gql<{ teams: DemoTeam[] }>('{ teams { id code center { id code } agents { employeeNo } } }')
    ).data?.teams as DemoTeam[];
    const shaTeam = teams.find((t) => t.center.code === 'SHA-01' && t.agents.length >= 2) as DemoTeam;
    const ctuTeam = teams.find((t) => t.center.code === 'CTU-T1' && t.agents.length >= 1) as DemoTeam;
    Object.assign(demo, {
      sha: shaTeam.center.id,
      ctu: ctuTeam.center.id,
      shaTeam: shaTeam.code,
      shaAgent: shaTeam.agents[0].employeeNo,
      shaMate: shaTeam.agents[1].employeeNo,
      ctuAgent: ctuTeam.agents[0].employeeNo,
    });
    // One answered call per agent, on a queue of the agent's center, and one evaluation of it.
    const arrived = ARRIVED;
    const call = (agent: string, queue: string) => ({
      source: 'access-e2e',
      externalId: `call-${agent}`,
      channel: 'VOICE',
      queue,
      agent,
      arrivedAt: new Date(arrived).toISOString(),
      answeredAt: new Date(arrived + 8_000).toISOString(),
      endedAt: new Date(arrived + 188_000).toISOString(),
      outcome: 'ANSWERED',
    });
    const ingest = await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [call(demo.shaAgent, 'ACC-SHA'), call(demo.shaMate, 'ACC-SHA'), call(demo.ctuAgent, 'ACC-CTU')],
    });
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 3 } });
    const queues =
      (await gql<{ queues: { id: string; code: string }[] }>('{ queues { id code } }')).data?.queues ?? [];
    for (const [code, centerId] of [
      ['ACC-SHA', demo.sha],
      ['ACC-CTU', demo.ctu],
    ]) {
      const id = queues.find((q) => q.code === code)?.id as string;
      queueIds[code] = id;
      await gql('mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }', {
        id,
        c: centerId,
      });
    }
    // Each agent's call, evaluated by a QA evaluator of the demo who is none of them (issue 17).
    const factory = new QaFactory(stack.gatewayUrl, {
      contact: (agent) => ({ source: 'access-e2e', externalId: `call-${agent}` }),
    });
    const scorecard = await factory.publishedScorecard();
    const evaluators = await gql<{ agents: { nodes: { employeeNo: string }[] } }>(
      '{ agents(filter: { roles: [QA_EVALUATOR], statuses: [ACTIVE] }) { nodes { employeeNo } } }',
    );
    const evaluated = [demo.shaAgent, demo.shaMate, demo.ctuAgent];
    const evaluator = evaluators.data?.agents.nodes.find(
      (a) => !evaluated.includes(a.employeeNo),
    )?.employeeNo;
    for (const agent of evaluated)
      evaluations[agent] = (await factory.submitted(scorecard.id, agent, FULL, evaluator)).id;
  });
  afterAll(() => stack.stop());

  /** Traffic rows by agent and evaluations, each agent walked to staff's team and center and back. */
  const FEDERATED = `query($f: DateTimeISO!, $t: DateTimeISO!) {
    trafficStats(filter: { from: $f, to: $t }, granularity: TOTAL, groupBy: [AGENT]) {
      employeeNo answered agent { team { code center { code } } } }
    evaluations(first: 100) { nodes { agent { employeeNo
      qaSummary(from: $f, to: $t) { evaluations } trafficSummary(from: $f, to: $t) { answered } } } }
  }`;
  const visibleAgents = (d: Data) => ({
    traffic: (d.trafficStats as { employeeNo: string }[]).map((r) => r.employeeNo).sort(),
    qa: (d.evaluations as { nodes: { agent: { employeeNo: string } }[] }).nodes
      .map((n) => n.agent.employeeNo)
      .sort(),
  });
  const onlySha = (d: Data, agents: string[]) => {
    expect(visibleAgents(d)).toEqual({ traffic: [...agents].sort(), qa: [...agents].sort() });
    for (const row of d.trafficStats as {
      answered: number;
      agent: { team: { center: { code: string } } };
    }[]) {
      expect(row.answered).toBe(1);
      expect(row.agent.team.center.code).toBe('SHA-01');
    }
    for (const node of (d.evaluations as { nodes: { agent: Data }[] }).nodes)
      expect(node.agent).toMatchObject({ qaSummary: { evaluations: 1 }, trafficSummary: { answered: 1 } });
  };
  const vars = () => ({ f: from, t: to });
  const manager = (): Identity => caller('CENTER_MANAGER', { centers: ['SHA-01'] });
  const lead = (): Identity => caller('TEAM_LEAD', { teams: [demo.shaTeam] });
  const agent = (): Identity => caller('AGENT', { employeeNo: demo.shaAgent });
  const queueStats = `query($c: String, $f: DateTimeISO!, $t: DateTimeISO!) { queue(code: $c) { code stats(from: $f, to: $t) { answered } } }`;

  /** A queue's plan a week after the calls (UTC): its intervals, forecast from the calls' day. */
  const STAFFING_PLAN = `query($q: ID!, $d: String!) { staffingPlan(queueId: $q, day: $d, weeks: 1) {
    intervals { forecastCalls } } }`;
  const planDay = new Date(ARRIVED + 7 * 86_400_000).toISOString().slice(0, 10);
  const planOf = (d: Data) => {
    const intervals = (d.staffingPlan as { intervals: { forecastCalls: number }[] }).intervals;
    return {
      intervals: intervals.length,
      forecastCalls: intervals.reduce((sum, i) => sum + i.forecastCalls, 0),
    };
  };

  const cells: GatewayCell[] = [
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: manager,
      operation: 'traffic + QA + staff in one query',
      query: FEDERATED,
      variables: vars,
      expect: { scoped: (d) => onlySha(d, [demo.shaAgent, demo.shaMate]) },
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: manager,
      operation: 'an evaluation of a CTU-T1 agent',
      query: 'query($id: ID!) { evaluation(id: $id) { id agent { employeeNo } } }',
      variables: () => ({ id: evaluations[demo.ctuAgent] }),
      expect: { deny: true },
      secrets: () => [demo.ctuAgent],
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: manager,
      operation: "queue stats: their center's queue, not CTU-T1's",
      query: `query($f: DateTimeISO!, $t: DateTimeISO!) {
        sha: queue(code: "ACC-SHA") { stats(from: $f, to: $t) { answered } }
        ctu: queue(code: "ACC-CTU") { stats(from: $f, to: $t) { answered } } }`,
      variables: vars,
      expect: { scoped: (d) => expect(d).toEqual({ sha: { stats: { answered: 2 } }, ctu: { stats: null } }) },
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: manager,
      operation: "staffingPlan of their center's queue",
      query: STAFFING_PLAN,
      variables: () => ({ q: queueIds['ACC-SHA'], d: planDay }),
      expect: { allow: true, check: (d) => expect(planOf(d)).toEqual({ intervals: 48, forecastCalls: 2 }) },
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: manager,
      operation: "staffingPlan of CTU-T1's queue",
      query: STAFFING_PLAN,
      variables: () => ({ q: queueIds['ACC-CTU'], d: planDay }),
      expect: { deny: true },
    },
    {
      who: 'TEAM_LEAD of an SHA-01 team',
      identity: lead,
      operation: "staffingPlan of their center's queue (a plan is a center's)",
      query: STAFFING_PLAN,
      variables: () => ({ q: queueIds['ACC-SHA'], d: planDay }),
      expect: { deny: true },
    },
    {
      who: 'BI_READER',
      identity: () => caller('BI_READER'),
      operation: "staffingPlan of CTU-T1's queue (every center)",
      query: STAFFING_PLAN,
      variables: () => ({ q: queueIds['ACC-CTU'], d: planDay }),
      expect: { allow: true, check: (d) => expect(planOf(d)).toEqual({ intervals: 48, forecastCalls: 1 }) },
    },
    {
      who: 'TEAM_LEAD of an SHA-01 team',
      identity: lead,
      operation: 'traffic + QA + staff in one query',
      query: FEDERATED,
      variables: vars,
      expect: { scoped: (d) => onlySha(d, [demo.shaAgent, demo.shaMate]) },
    },
    {
      who: 'TEAM_LEAD of an SHA-01 team',
      identity: lead,
      operation: 'queue-level stats (not theirs: a queue serves other teams too)',
      query: queueStats,
      variables: () => ({ c: 'ACC-SHA', ...vars() }),
      expect: { scoped: (d) => expect(d).toEqual({ queue: { code: 'ACC-SHA', stats: null } }) },
    },
    {
      who: 'AGENT',
      identity: agent,
      operation: 'traffic + QA + staff in one query: themself only',
      query: FEDERATED,
      variables: vars,
      expect: { scoped: (d) => onlySha(d, [demo.shaAgent]) },
    },
    {
      who: 'AGENT',
      identity: agent,
      operation: "a teammate's evaluation",
      query: 'query($id: ID!) { evaluation(id: $id) { id overallScore } }',
      variables: () => ({ id: evaluations[demo.shaMate] }),
      expect: { deny: true },
      secrets: () => [evaluations[demo.shaMate]],
    },
    {
      who: 'BI_READER',
      identity: () => caller('BI_READER'),
      operation: 'traffic + QA + staff in one query: every center',
      query: FEDERATED,
      variables: vars,
      expect: {
        allow: true,
        check: (d) =>
          expect(visibleAgents(d).qa).toEqual([demo.shaAgent, demo.shaMate, demo.ctuAgent].sort()),
      },
    },
    {
      who: 'BI_READER',
      identity: () => caller('BI_READER'),
      operation: 'createScorecard (no mutation for BI)',
      query: 'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }',
      variables: () => ({ i: standardScorecard('BI-NO') }),
      expect: { deny: true },
    },
    {
      who: 'BI_READER',
      identity: () => caller('BI_READER'),
      operation: 'ingestContacts (no mutation for BI)',
      query: 'mutation { ingestContacts(contacts: []) { inserted } }',
      expect: { deny: true },
    },
  ];

  it.each(cells.map((cell) => [`${cell.operation} as ${cell.who}`, cell] as const))(
    '%s',
    async (_label, cell) => {
      const response = await postGraphQL<Data>(stack.gatewayUrl, cell.query, cell.variables?.(), {
        authorization: `Bearer ${await clientToken(cell.identity())}`,
      });
      checkOutcome(response, cell);
    },
  );

  it("gives a manager of SHA-01 their center's performance record from every subgraph, and no CTU-T1 traffic or QA", async () => {
    const PERFORMANCE = `query($id: ID!, $f: DateTimeISO!, $t: DateTimeISO!) {
      performance(scope: { type: CENTER, id: $id }, from: $f, to: $t) {
        agents { employeeNo } traffic { answered } qa { evaluations } training { completionRate } kpis { code } } }`;
    const headers = { authorization: `Bearer ${await clientToken(manager())}` };
    const ask = (id: string) =>
      postGraphQL<{ performance: Data | null }>(stack.gatewayUrl, PERFORMANCE, { id, ...vars() }, headers);
    const sha = await ask(demo.sha);
    expect(sha.errors).toBeUndefined();
    expect(sha.data?.performance).toMatchObject({ traffic: { answered: 2 }, qa: { evaluations: 2 } });
    expect(sha.data?.performance?.training).not.toBeNull();
    expect((sha.data?.performance?.agents as { employeeNo: string }[]).map((a) => a.employeeNo)).toContain(
      demo.shaAgent,
    );
    // CTU-T1's record: refused as a whole, or without its traffic and QA parts; never their figures.
    const ctu = await ask(demo.ctu);
    expect(ctu.data?.performance?.traffic ?? null).toBeNull();
    expect(ctu.data?.performance?.qa ?? null).toBeNull();
    expect(ctu.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('refuses a contact file from BI_READER at the gateway route, storing nothing', async () => {
    const response = await fetch(new URL('/import/contacts?format=csv', stack.gatewayUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${await clientToken(caller('BI_READER'))}` },
      body: 'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code\n',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
