import {
  authorizationFor,
  caller,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from './staff.subgraph';

interface AgentRow {
  id: string;
  employeeNo: string;
}

/** The federation keys of the staff subgraph, resolved in batches: one SQL statement per key kind. */
describe('staff entities and batching', () => {
  let staff: TestSubgraph;
  let agents: AgentRow[];

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph, { seedDemo: true });
    const response = await postGraphQL<{ agents: { nodes: AgentRow[] } }>(
      staff.url,
      '{ agents(first: 500) { nodes { id employeeNo } } }',
    );
    agents = response.data?.agents.nodes ?? [];
  });
  afterAll(() => staff.stop());

  const entities = (representations: Record<string, string>[], selection: string) =>
    postGraphQL<{ _entities: (Record<string, unknown> | null)[] }>(
      staff.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
    );

  it('seeds the demo roster: 200 agents', () => {
    expect(agents).toHaveLength(200);
  });

  it('resolves Agent by id and by employeeNo, unknown keys as null', async () => {
    const [first, second] = agents;
    const response = await entities(
      [
        { __typename: 'Agent', id: first.id },
        { __typename: 'Agent', employeeNo: second.employeeNo },
        { __typename: 'Agent', id: '00000000-0000-0000-0000-000000000000' },
        { __typename: 'Agent', id: 'not-a-uuid' },
        { __typename: 'Agent', employeeNo: 'NOBODY' },
      ],
      '... on Agent { id employeeNo }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: first.id, employeeNo: first.employeeNo },
      { id: second.id, employeeNo: second.employeeNo },
      null,
      null,
      null,
    ]);
  });

  it('resolves Center and Team by id', async () => {
    const tree = await postGraphQL<{
      centers: { id: string; code: string; teams: { id: string; code: string }[] }[];
    }>(staff.url, '{ centers { id code teams { id code } } }');
    const center = tree.data?.centers[0];
    const team = center?.teams[0];
    const response = await entities(
      [
        { __typename: 'Center', id: center?.id ?? '' },
        { __typename: 'Team', id: team?.id ?? '' },
      ],
      '... on Center { code } ... on Team { code }',
    );
    expect(response.data?._entities).toEqual([{ code: center?.code }, { code: team?.code }]);
  });

  const agentTreeStatements = async (count: number, key: 'id' | 'employeeNo') => {
    const representations = agents.slice(0, count).map((a) => ({ __typename: 'Agent', [key]: a[key] }));
    const { result, statements } = await staff.sql.count(() =>
      entities(
        representations,
        '... on Agent { employeeNo team { code center { code timeZone } } skills { proficiency skill { code } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.filter(Boolean)).toHaveLength(count);
    return statements.length;
  };

  it('resolves 200 agent references with their team, center and skills in a constant number of statements', async () => {
    const for200 = await agentTreeStatements(200, 'id');
    const for10 = await agentTreeStatements(10, 'id');
    const byNumber = await agentTreeStatements(200, 'employeeNo');
    // agents, teams, centers, skills: one statement each whatever the batch size
    expect(for200).toBe(4);
    expect(for10).toBe(for200);
    // by employee number (the agent page's key) teams and centers come joined in: agents, skills (issue 23)
    expect(byNumber).toBe(2);
    expect(await agentTreeStatements(10, 'employeeNo')).toBe(byNumber);
  });

  it("scopes a center manager's batch with one statement more (the roster version), whatever the batch size", async () => {
    const manager = caller('CENTER_MANAGER', { centers: ['SHA-01'] });
    const authorization = await authorizationFor(staff.url, manager);
    const run = async (count: number) => {
      const representations = agents.slice(0, count).map((a) => ({ __typename: 'Agent', id: a.id }));
      const { result, statements } = await staff.sql.count(() =>
        postGraphQL<{ _entities: ({ team: { center: { code: string } } } | null)[] }>(
          staff.url,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent { team { center { code } } skills { proficiency } } } }',
          { r: representations },
          authorization,
        ),
      );
      expect(result.errors).toBeUndefined();
      const seen = (result.data?._entities ?? []).filter(Boolean);
      expect(seen.every((a) => a?.team.center.code === 'SHA-01')).toBe(true);
      return { statements: statements.length, seen: seen.length, hidden: count - seen.length };
    };
    const [for200, for10, again200] = [await run(200), await run(10), await run(200)];
    expect(for200.seen).toBeGreaterThan(0);
    expect(for200.hidden).toBeGreaterThan(0);
    // the roster version and, the first time, the caller's scope; then agents, teams, centers, skills
    expect(for200.statements).toBe(6);
    // the scope is kept while the roster version holds (issue 23): the version read only
    expect(for10.statements).toBe(5);
    expect(again200.statements).toBe(for10.statements);
  });

  it('lists 200 agents with team and center in a constant number of statements', async () => {
    const run = (first: number) =>
      staff.sql.count(() =>
        postGraphQL(
          staff.url,
          `{ agents(first: ${first}) { nodes { employeeNo team { name center { code } } } } }`,
        ),
      );
    const big = await run(200);
    const small = await run(5);
    expect(big.result.errors).toBeUndefined();
    expect(big.statements.length).toBe(small.statements.length);
    expect(big.statements.length).toBeLessThanOrEqual(4);
  });

  it('answers the centers -> teams -> members tree in a constant number of statements', async () => {
    const { result, statements } = await staff.sql.count(() =>
      postGraphQL<{ centers: { code: string; teams: { members: { employeeNo: string }[] }[] }[] }>(
        staff.url,
        '{ centers { code name teams { name lead { displayName } members { employeeNo displayName } } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    const members = result.data?.centers.flatMap((c) => c.teams.flatMap((t) => t.members)) ?? [];
    expect(members.length).toBeGreaterThan(150);
    expect(result.data?.centers.map((c) => c.code)).toEqual(['CTU-T1', 'SHA-01']);
    // centers, teams, members' ids, the members (with the leads: one agent lookup)
    expect(statements.length).toBe(5);
  });
});
