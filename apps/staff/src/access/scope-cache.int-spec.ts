import type { Identity } from '@switchboard/auth';
import { postGraphQL, startTestSubgraph, subgraphToken, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';
import { todayUtc } from '../common/validation';

// the statement that resolves a scope's members (membersOfScope), and the version read before it
const RESOLVES_MEMBERS = (sql: string) => sql.includes('from team_membership m join agent a');
const READS_VERSION = (sql: string) => sql.includes('from roster_version');

describe("staff keeps a caller's resolved scope while the roster version holds (issue 23)", () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
  });
  afterAll(() => staff.stop());

  const agentAs = async (identity: Identity, employeeNo: string) =>
    postGraphQL<{ agent: { employeeNo: string } | null }>(
      staff.url,
      'query($e: String!) { agent(employeeNo: $e) { employeeNo } }',
      { e: employeeNo },
      { authorization: `Bearer ${await subgraphToken('staff', identity)}` },
    );

  it('resolves members once, then only reads the version; a transfer is seen by the next request', async () => {
    const center = await factory.center();
    const team = await factory.team(center.id);
    const elsewhere = await factory.team(center.id);
    const member = await factory.agent({ teamId: team.id });
    const newcomer = await factory.agent({ teamId: elsewhere.id });
    const lead: Identity = {
      subject: 'lead-scope-cache',
      roles: ['TEAM_LEAD'],
      centers: [center.code],
      teams: [team.code],
    };

    const first = await staff.sql.count(() => agentAs(lead, member.employeeNo));
    expect(first.result.data?.agent).toEqual({ employeeNo: member.employeeNo });
    expect(first.statements.filter(RESOLVES_MEMBERS)).toHaveLength(1);

    const again = await staff.sql.count(() => agentAs(lead, member.employeeNo));
    expect(again.result).toEqual(first.result);
    expect(again.statements.filter(RESOLVES_MEMBERS)).toHaveLength(0);
    expect(again.statements.filter(READS_VERSION)).toHaveLength(1);
    expect(again.statements.length).toBe(first.statements.length - 1);

    const outside = await agentAs(lead, newcomer.employeeNo);
    expect(outside.data?.agent ?? null).toBeNull();

    // the newcomer joins the lead's team today: the very next request sees them
    const moved = await postGraphQL(
      staff.url,
      'mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { id } }',
      { id: newcomer.id, input: { teamId: team.id, effectiveDate: todayUtc() } },
    );
    expect(moved.errors).toBeUndefined();
    const after = await staff.sql.count(() => agentAs(lead, newcomer.employeeNo));
    expect(after.result.errors).toBeUndefined();
    expect(after.result.data?.agent).toEqual({ employeeNo: newcomer.employeeNo });
    expect(after.statements.filter(RESOLVES_MEMBERS)).toHaveLength(1);
  });

  it("sees a hire into the manager's center at the next request", async () => {
    const center = await factory.center();
    const team = await factory.team(center.id);
    await factory.agent({ teamId: team.id });
    const manager: Identity = {
      subject: 'manager-scope-cache',
      roles: ['CENTER_MANAGER'],
      centers: [center.code],
      teams: [],
    };
    const known = await factory.agent({ teamId: team.id });
    expect((await agentAs(manager, known.employeeNo)).data?.agent).toEqual({ employeeNo: known.employeeNo });
    const hired = await factory.agent({ teamId: team.id });
    expect((await agentAs(manager, hired.employeeNo)).data?.agent).toEqual({ employeeNo: hired.employeeNo });
  });
});
