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
});
