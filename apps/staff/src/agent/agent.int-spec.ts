import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

const AGENT_FIELDS = `id employeeNo displayName role careerLevel status hireDate terminationDate email
  team { code } center { code } skills { skill { code } proficiency } teamHistory { validFrom validTo }`;

describe('agents', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  let centerId: string;
  let teamA: { id: string; code: string };
  let teamB: { id: string; code: string };
  let skill: { code: string };

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    centerId = (await factory.center()).id;
    teamA = await factory.team(centerId);
    teamB = await factory.team(centerId);
    skill = await factory.skill();
  });
  afterAll(() => staff.stop());

  const gql = (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(staff.url, query, variables);
  const agentCount = async () =>
    ((await gql('{ agents(first: 1) { totalCount } }')).data?.agents as { totalCount: number }).totalCount;

  it('hires an agent into a team with skills and a first team assignment', async () => {
    const response = await gql(
      `mutation($input: HireAgentInput!) { hireAgent(input: $input) { ${AGENT_FIELDS} } }`,
      {
        input: {
          employeeNo: 'H-1001',
          displayName: '  Li Na ',
          teamId: teamA.id,
          role: 'SENIOR_AGENT',
          careerLevel: 3,
          hireDate: '2024-03-04',
          email: 'li.na@bank.example',
          skills: [{ skillCode: skill.code, proficiency: 4 }],
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.hireAgent).toMatchObject({
      employeeNo: 'H-1001',
      displayName: 'Li Na',
      role: 'SENIOR_AGENT',
      status: 'ACTIVE',
      team: { code: teamA.code },
      skills: [{ skill: { code: skill.code }, proficiency: 4 }],
      teamHistory: [{ validFrom: '2024-03-04', validTo: null }],
    });
  });

  it.each([
    ['employeeNo', { employeeNo: 'has space' }],
    ['careerLevel', { careerLevel: 11 }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: 'call me' }],
    ['proficiency', { skills: [{ skillCode: 'CARDS', proficiency: 9 }] }],
    ['skills', { skills: [{ skillCode: 'NO-SUCH-SKILL', proficiency: 3 }] }],
    ['teamId', { teamId: '00000000-0000-0000-0000-000000000000' }],
    ['teamId', { teamId: 'not-a-uuid' }],
    ['hireDate', { hireDate: '2024-13-01' }],
  ])('rejects a bad %s with BAD_USER_INPUT and writes nothing', async (field, bad) => {
    const before = await agentCount();
    const response = await gql(`mutation($input: HireAgentInput!) { hireAgent(input: $input) { id } }`, {
      input: { employeeNo: 'BAD-1', displayName: 'Bad', hireDate: '2024-01-02', ...bad },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    expect(await agentCount()).toBe(before);
  });

  it('rejects a duplicate employee number and a skill listed twice', async () => {
    const existing = await factory.agent();
    const duplicate = await gql(`mutation($input: HireAgentInput!) { hireAgent(input: $input) { id } }`, {
      input: { employeeNo: existing.employeeNo, displayName: 'Again', hireDate: '2024-01-02' },
    });
    expect(duplicate.errors?.[0].message).toMatch(/^employeeNo: /);
    const twice = await gql(`mutation($input: HireAgentInput!) { hireAgent(input: $input) { id } }`, {
      input: {
        employeeNo: 'TWICE-1',
        displayName: 'Twice',
        hireDate: '2024-01-02',
        skills: [
          { skillCode: skill.code, proficiency: 2 },
          { skillCode: skill.code, proficiency: 3 },
        ],
      },
    });
    expect(twice.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].message).toContain('skills');
  });

  it('transfers an agent and keeps the dated history for past-period queries', async () => {
    const agent = await factory.agent({ teamId: teamA.id, hireDate: '2025-01-06' });
    const moved = await gql(
      `mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { team { code } teamHistory { validFrom validTo team { code } } } }`,
      { id: agent.id, input: { teamId: teamB.id, effectiveDate: '2025-06-01' } },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.transferAgent).toEqual({
      team: { code: teamB.code },
      teamHistory: [
        { validFrom: '2025-01-06', validTo: '2025-06-01', team: { code: teamA.code } },
        { validFrom: '2025-06-01', validTo: null, team: { code: teamB.code } },
      ],
    });
    const members = await gql(
      `query($a: ID!, $b: ID!) { a: team(id: $a) { may: members(asOf: "2025-05-31") { employeeNo } june: members(asOf: "2025-06-01") { employeeNo } }
        b: team(id: $b) { may: members(asOf: "2025-05-31") { employeeNo } june: members(asOf: "2025-06-01") { employeeNo } } }`,
      { a: teamA.id, b: teamB.id },
    );
    const numbers = (list: { employeeNo: string }[]) => list.map((m) => m.employeeNo);
    const data = members.data as Record<string, Record<string, { employeeNo: string }[]>>;
    expect(numbers(data.a.may)).toContain(agent.employeeNo);
    expect(numbers(data.a.june)).not.toContain(agent.employeeNo);
    expect(numbers(data.b.may)).not.toContain(agent.employeeNo);
    expect(numbers(data.b.june)).toContain(agent.employeeNo);
    const teamOn = await gql(
      `query($id: ID!) { agent(id: $id) { before: teamOn(date: "2025-05-31") { code } after: teamOn(date: "2025-06-01") { code } } }`,
      {
        id: agent.id,
      },
    );
    expect(teamOn.data?.agent).toEqual({ before: { code: teamA.code }, after: { code: teamB.code } });
  });

  it.each([
    ['a date before the current assignment', { effectiveDate: '2024-12-31' }, 'effectiveDate'],
    ['a date in the future', { effectiveDate: '2999-01-01' }, 'effectiveDate'],
    ['the same team', { sameTeam: true }, 'teamId'],
  ])('refuses a transfer to %s and changes nothing', async (_label, change, field) => {
    const agent = await factory.agent({ teamId: teamA.id, hireDate: '2025-01-06' });
    const input = {
      teamId: 'sameTeam' in change ? teamA.id : teamB.id,
      effectiveDate: 'effectiveDate' in change ? change.effectiveDate : '2025-07-01',
    };
    const response = await gql(
      `mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { id } }`,
      {
        id: agent.id,
        input,
      },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    const after = await gql(`query($id: ID!) { agent(id: $id) { team { code } teamHistory { validTo } } }`, {
      id: agent.id,
    });
    expect(after.data?.agent).toEqual({ team: { code: teamA.code }, teamHistory: [{ validTo: null }] });
  });

  it('terminates an agent, closing the assignment after the last working day', async () => {
    const agent = await factory.agent({ teamId: teamA.id, hireDate: '2025-01-06' });
    const response = await gql(
      `mutation($id: ID!) { terminateAgent(id: $id, input: { terminationDate: "2025-09-30" }) { status terminationDate teamHistory { validTo } } }`,
      { id: agent.id },
    );
    expect(response.data?.terminateAgent).toEqual({
      status: 'TERMINATED',
      terminationDate: '2025-09-30',
      teamHistory: [{ validTo: '2025-10-01' }],
    });
    const again = await gql(
      `mutation($id: ID!) { terminateAgent(id: $id, input: { terminationDate: "2025-10-30" }) { status } }`,
      {
        id: agent.id,
      },
    );
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const reactivate = await gql(
      `mutation($id: ID!) { updateAgent(id: $id, input: { status: ACTIVE }) { status } }`,
      { id: agent.id },
    );
    expect(reactivate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('updates fields and replaces skills; refuses TERMINATED through updateAgent', async () => {
    const agent = await factory.agent({ skills: [{ skillCode: skill.code, proficiency: 1 }] });
    const other = await factory.skill();
    const response = await gql(
      `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { displayName careerLevel status skills { skill { code } proficiency } } }`,
      {
        id: agent.id,
        input: {
          displayName: 'Renamed',
          careerLevel: 4,
          status: 'ON_LEAVE',
          skills: [{ skillCode: other.code, proficiency: 5 }],
        },
      },
    );
    expect(response.data?.updateAgent).toEqual({
      displayName: 'Renamed',
      careerLevel: 4,
      status: 'ON_LEAVE',
      skills: [{ skill: { code: other.code }, proficiency: 5 }],
    });
    const terminated = await gql(
      `mutation($id: ID!) { updateAgent(id: $id, input: { status: TERMINATED }) { status } }`,
      { id: agent.id },
    );
    expect(terminated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(terminated.errors?.[0].message).toContain('status');
  });

  it('filters and pages through agents with stable cursors', async () => {
    const team = await factory.team(centerId);
    const searched = await factory.skill();
    for (let i = 0; i < 7; i += 1) {
      await factory.agent({
        employeeNo: `PG-${i}`,
        displayName: i % 2 ? `Zhou 50%_${i}` : `Wu ${i}`,
        teamId: team.id,
        skills: i < 3 ? [{ skillCode: searched.code, proficiency: 3 }] : [],
      });
    }
    const page = (after: string | null) =>
      gql(
        `query($f: AgentFilter, $after: String) { agents(filter: $f, first: 3, after: $after) { nodes { employeeNo } pageInfo { endCursor hasNextPage } totalCount } }`,
        {
          f: { teamIds: [team.id] },
          after,
        },
      );
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 5; guard += 1) {
      const response = await page(after);
      const connection = response.data?.agents as {
        nodes: { employeeNo: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
        totalCount: number;
      };
      expect(connection.totalCount).toBe(7);
      seen.push(...connection.nodes.map((n) => n.employeeNo));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(['PG-0', 'PG-1', 'PG-2', 'PG-3', 'PG-4', 'PG-5', 'PG-6']);
    const bySkill = await gql(`query($f: AgentFilter) { agents(filter: $f) { totalCount } }`, {
      f: { skillCodes: [searched.code] },
    });
    expect(bySkill.errors).toBeUndefined();
    expect(bySkill.data?.agents).toEqual({ totalCount: 3 });
    const byName = await gql(`query($f: AgentFilter) { agents(filter: $f) { nodes { employeeNo } } }`, {
      f: { teamIds: [team.id], nameContains: '50%_' },
    });
    expect((byName.data?.agents as { nodes: unknown[] }).nodes).toHaveLength(3);
    const byCenter = await gql(`query($f: AgentFilter) { agents(filter: $f) { totalCount } }`, {
      f: { centerIds: [centerId], teamIds: [team.id] },
    });
    expect(byCenter.data?.agents).toEqual({ totalCount: 7 });
  });

  it.each([
    ['a page size of 0', { first: 0 }, 'first'],
    ['a page size over 500', { first: 501 }, 'first'],
    ['a forged cursor', { after: 'not-a-cursor' }, 'after'],
  ])('rejects %s', async (_label, args, field) => {
    const response = await gql(
      `query($first: Int!, $after: String) { agents(first: $first, after: $after) { totalCount } }`,
      {
        first: 10,
        ...args,
      },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
  });
});
