import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface CenterTree {
  centers: {
    code: string;
    name: string;
    teams: { name: string; members: { employeeNo: string; displayName: string }[] }[];
  }[];
}

describe('through the gateway', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('answers the demo query: centers, teams, members', async () => {
    const response = await postGraphQL<CenterTree>(
      stack.gatewayUrl,
      '{ centers { code name teams { name members { employeeNo displayName } } } }',
    );
    expect(response.errors).toBeUndefined();
    const centers = response.data?.centers ?? [];
    expect(centers.map((c) => c.code)).toEqual(['CTU-T1', 'SHA-01']);
    expect(centers.flatMap((c) => c.teams)).toHaveLength(10);
    const members = centers.flatMap((c) => c.teams.flatMap((t) => t.members));
    expect(members.length).toBeGreaterThan(150);
    expect(new Set(members.map((m) => m.employeeNo)).size).toBe(members.length);
  });

  it('lists 200 agents with team and center in a constant number of SQL statements', async () => {
    const staff = stack.subgraphs.staff;
    const query = (first: number) =>
      staff.sql.count(() =>
        postGraphQL<{ agents: { nodes: { team: { center: { code: string } } | null }[] } }>(
          stack.gatewayUrl,
          `{ agents(first: ${first}) { nodes { employeeNo team { name center { code timeZone } } } } }`,
        ),
      );
    const all = await query(200);
    const few = await query(3);
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data?.agents.nodes).toHaveLength(200);
    expect(all.statements.length).toBe(few.statements.length);
  });

  it('passes a subgraph validation error through with its code and field', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'mutation { createCenter(input: { code: "x", name: "n", timeZone: "UTC" }) { id } }',
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('code');
  });

  it('hides field suggestions and serves /health', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ centres { code } }');
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    const health = await fetch(stack.gatewayUrl.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });

  it('joins staff and traffic in one query: stats rows name their agents, agents carry their traffic', async () => {
    const agents = await postGraphQL<{ agents: { nodes: { employeeNo: string }[] } }>(
      stack.gatewayUrl,
      '{ agents(first: 2) { nodes { employeeNo } } }',
    );
    const [first, second] = agents.data?.agents.nodes ?? [];
    const contact = (externalId: string, agent: string, waited: number) => ({
      source: 'e2e',
      externalId,
      channel: 'VOICE',
      queue: 'E2E-CARDS',
      agent,
      arrivedAt: '2026-04-01T02:00:00Z',
      answeredAt: new Date(Date.parse('2026-04-01T02:00:00Z') + waited * 1000).toISOString(),
      endedAt: '2026-04-01T02:10:00Z',
      outcome: 'ANSWERED',
    });
    const ingested = await postGraphQL(
      stack.gatewayUrl,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          contact('a', first.employeeNo, 10),
          contact('b', first.employeeNo, 30),
          contact('c', second.employeeNo, 5),
        ],
      },
    );
    expect(ingested.data).toEqual({ ingestContacts: { inserted: 3 } });
    const period = { from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' };
    const joined = await postGraphQL<{
      agents: {
        nodes: {
          employeeNo: string;
          displayName: string;
          team: { name: string } | null;
          trafficSummary: { answered: number; asaSeconds: number | null };
        }[];
      };
      trafficStats: { employeeNo: string; answered: number; agent: { displayName: string } }[];
    }>(
      stack.gatewayUrl,
      `query($from: DateTimeISO!, $to: DateTimeISO!, $f: StatsFilter!) {
        agents(first: 2) { nodes { employeeNo displayName team { name } trafficSummary(from: $from, to: $to) { answered asaSeconds } } }
        trafficStats(filter: $f, granularity: TOTAL, groupBy: [AGENT]) { employeeNo answered agent { displayName } }
      }`,
      { ...period, f: period },
    );
    expect(joined.errors).toBeUndefined();
    const [a, b] = joined.data?.agents.nodes ?? [];
    expect(a.trafficSummary).toEqual({ answered: 2, asaSeconds: 20 });
    expect(b.trafficSummary).toEqual({ answered: 1, asaSeconds: 5 });
    expect(joined.data?.trafficStats.map((r) => [r.employeeNo, r.answered, r.agent.displayName])).toEqual([
      [a.employeeNo, 2, a.displayName],
      [b.employeeNo, 1, b.displayName],
    ]);
  });
});

describe('traffic summaries through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('sums an agent over queues with different service-level variants, and a center over its queues', async () => {
    const gql = <T>(query: string, variables?: Record<string, unknown>) =>
      postGraphQL<T>(stack.gatewayUrl, query, variables);
    const centers = await gql<{ centers: { id: string; code: string }[] }>('{ centers { id code } }');
    const sha = centers.data?.centers.find((c) => c.code === 'SHA-01');
    const call = (externalId: string, queue: string, waited: number, outcome = 'ANSWERED') => ({
      source: 'sum',
      externalId,
      channel: 'VOICE',
      queue,
      agent: outcome === 'ANSWERED' ? 'E10007' : null,
      arrivedAt: '2026-04-02T01:00:00Z',
      answeredAt:
        outcome === 'ANSWERED'
          ? new Date(Date.parse('2026-04-02T01:00:00Z') + waited * 1000).toISOString()
          : null,
      endedAt: '2026-04-02T01:05:00Z',
      outcome,
    });
    await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [call('1', 'SUM-A', 10), call('2', 'SUM-B', 30), call('3', 'SUM-B', 0, 'ABANDONED')],
    });
    const queues = await gql<{ queues: { id: string; code: string }[] }>('{ queues { id code } }');
    for (const queue of queues.data?.queues.filter((q) => q.code.startsWith('SUM-')) ?? []) {
      const variant = queue.code === 'SUM-B' ? 'ANSWERED_ONLY' : 'EXCLUDE_SHORT_ABANDONS';
      const updated = await gql(
        `mutation($id: ID!, $input: UpdateQueueInput!) { updateQueue(id: $id, input: $input) { id } }`,
        { id: queue.id, input: { centerId: sha?.id, serviceLevelVariant: variant } },
      );
      expect(updated.errors).toBeUndefined();
    }
    const period = { from: '2026-04-02T00:00:00Z', to: '2026-04-03T00:00:00Z' };
    const result = await gql<{
      agent: { trafficSummary: { answered: number; asaSeconds: number } };
      center: { code: string; trafficSummary: { offered: number; answered: number; serviceLevel: number } };
    }>(
      `query($from: DateTimeISO!, $to: DateTimeISO!) {
        agent(employeeNo: "E10007") { trafficSummary(from: $from, to: $to) { answered asaSeconds } }
        center(code: "SHA-01") { code trafficSummary(from: $from, to: $to) { offered answered serviceLevel } }
      }`,
      period,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.agent.trafficSummary).toEqual({ answered: 2, asaSeconds: 20 });
    // center: offered 3, within 20 s: 1 of (3 - 0 short) with the default variant
    expect(result.data?.center).toEqual({
      code: 'SHA-01',
      trafficSummary: { offered: 3, answered: 2, serviceLevel: 1 / 3 },
    });
  });
});
