import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

describe('teams and skills', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  let centerId: string;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    centerId = (await factory.center()).id;
  });
  afterAll(() => staff.stop());

  const gql = (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(staff.url, query, variables);
  const teamCount = async () => ((await gql('{ teams { id } }')).data?.teams as unknown[]).length;

  it('creates a team with its lead and lists it under its center', async () => {
    const lead = await factory.agent();
    const response = await gql(
      `mutation($input: CreateTeamInput!) { createTeam(input: $input) { code name center { id } lead { employeeNo } } }`,
      { input: { code: 'TEAM-LEAD-1', name: 'Cards', centerId, leadEmployeeNo: lead.employeeNo } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.createTeam).toEqual({
      code: 'TEAM-LEAD-1',
      name: 'Cards',
      center: { id: centerId },
      lead: { employeeNo: lead.employeeNo },
    });
    const center = await gql(`query($id: ID!) { center(id: $id) { teams { code } } }`, { id: centerId });
    expect(center.data?.center).toEqual({ teams: [{ code: 'TEAM-LEAD-1' }] });
  });

  it.each([
    ['centerId', { centerId: '00000000-0000-0000-0000-000000000000' }],
    ['centerId', { centerId: 'nope' }],
    ['code', { code: 'lower case' }],
    ['name', { name: '' }],
    ['leadEmployeeNo', { leadEmployeeNo: 'NO-SUCH-AGENT' }],
  ])('rejects a bad %s and writes nothing', async (field, bad) => {
    const before = await teamCount();
    const response = await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, {
      input: { code: 'TEAM-BAD', name: 'Bad', centerId, ...bad },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    expect(await teamCount()).toBe(before);
  });

  it('refuses a terminated lead and a duplicate team code', async () => {
    const gone = await factory.agent();
    await gql(
      `mutation($id: ID!) { terminateAgent(id: $id, input: { terminationDate: "2025-02-01" }) { id } }`,
      { id: gone.id },
    );
    const team = await factory.team(centerId);
    const lead = await gql(
      `mutation($id: ID!, $no: String) { updateTeam(id: $id, input: { leadEmployeeNo: $no }) { lead { employeeNo } } }`,
      {
        id: team.id,
        no: gone.employeeNo,
      },
    );
    expect(lead.errors?.[0].message).toMatch(/^leadEmployeeNo: .*terminated/);
    const duplicate = await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, {
      input: { code: team.code, name: 'Again', centerId },
    });
    expect(duplicate.errors?.[0].message).toMatch(/^code: /);
  });

  it('refuses a lead who works in another center, on create and update, and writes nothing (issue 17)', async () => {
    const elsewhere = await factory.team((await factory.center()).id);
    const outsider = await factory.agent({ teamId: elsewhere.id });
    const before = await teamCount();
    const created = await gql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`, {
      input: { code: 'TEAM-FOREIGN-LEAD', name: 'Foreign', centerId, leadEmployeeNo: outsider.employeeNo },
    });
    expect(created.errors?.[0]).toMatchObject({
      message: `leadEmployeeNo: agent "${outsider.employeeNo}" works in a team of another center and cannot lead a team of this one`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await teamCount()).toBe(before);
    const team = await factory.team(centerId);
    const updated = await gql(
      `mutation($id: ID!, $no: String) { updateTeam(id: $id, input: { leadEmployeeNo: $no }) { id } }`,
      { id: team.id, no: outsider.employeeNo },
    );
    expect(updated.errors?.[0].message).toMatch(/^leadEmployeeNo: .*another center/);
    const kept = await gql(`query($id: ID!) { team(id: $id) { lead { employeeNo } } }`, { id: team.id });
    expect(kept.data?.team).toEqual({ lead: null });
    // an agent of a team of the same center may lead it
    const colleague = await factory.agent({ teamId: team.id });
    const own = await gql(
      `mutation($id: ID!, $no: String) { updateTeam(id: $id, input: { leadEmployeeNo: $no }) { lead { employeeNo } } }`,
      { id: team.id, no: colleague.employeeNo },
    );
    expect(own.data?.updateTeam).toEqual({ lead: { employeeNo: colleague.employeeNo } });
  });

  it('sets and clears the lead; renames', async () => {
    const team = await factory.team(centerId);
    const lead = await factory.agent();
    const set = await gql(
      `mutation($id: ID!, $no: String) { updateTeam(id: $id, input: { leadEmployeeNo: $no, name: "Renamed" }) { name lead { employeeNo } } }`,
      {
        id: team.id,
        no: lead.employeeNo,
      },
    );
    expect(set.data?.updateTeam).toEqual({ name: 'Renamed', lead: { employeeNo: lead.employeeNo } });
    const cleared = await gql(
      `mutation($id: ID!) { updateTeam(id: $id, input: { leadEmployeeNo: null }) { lead { employeeNo } } }`,
      { id: team.id },
    );
    expect(cleared.data?.updateTeam).toEqual({ lead: null });
    const missing = await gql(
      `mutation { updateTeam(id: "00000000-0000-0000-0000-000000000000", input: { name: "x" }) { id } }`,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('creates skills and refuses a duplicate or malformed code', async () => {
    const created = await gql(
      `mutation { createSkill(input: { code: "VIP-BANKING", name: "VIP banking" }) { code name } }`,
    );
    expect(created.data?.createSkill).toEqual({ code: 'VIP-BANKING', name: 'VIP banking' });
    const again = await gql(
      `mutation { createSkill(input: { code: "VIP-BANKING", name: "Again" }) { code } }`,
    );
    expect(again.errors?.[0].message).toMatch(/^code: /);
    const malformed = await gql(
      `mutation { createSkill(input: { code: "vip banking", name: "x" }) { code } }`,
    );
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const skills = await gql('{ skills { code } }');
    expect(skills.data?.skills).toEqual([{ code: 'VIP-BANKING' }]);
  });

  it("lists today's agents of a team and of a center without arguments, for other subgraphs' @requires", async () => {
    const center = await factory.center();
    const [a, b] = [await factory.team(center.id), await factory.team(center.id)];
    const inA = [await factory.agent({ teamId: a.id }), await factory.agent({ teamId: a.id })];
    const inB = await factory.agent({ teamId: b.id });
    await factory.agent(); // in no team: in neither list
    const response = await gql(
      `query($a: ID!, $c: ID!) { team(id: $a) { agents { employeeNo } } center(id: $c) { agents { employeeNo } } }`,
      { a: a.id, c: center.id },
    );
    expect(response.errors).toBeUndefined();
    const numbers = (list: { employeeNo: string }[]) => list.map((agent) => agent.employeeNo);
    const data = response.data as {
      team: { agents: { employeeNo: string }[] };
      center: { agents: { employeeNo: string }[] };
    };
    expect(numbers(data.team.agents)).toEqual(inA.map((agent) => agent.employeeNo).sort());
    expect(numbers(data.center.agents)).toEqual([...inA, inB].map((agent) => agent.employeeNo).sort());
  });
});
