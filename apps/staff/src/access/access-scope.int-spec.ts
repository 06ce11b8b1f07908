import type { Identity } from '@switchboard/auth';
import { postGraphQL, startTestSubgraph, subgraphToken, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

const SCOPE = `query($centers: [String!]!, $teams: [String!]!) {
  accessScope(centers: $centers, teams: $teams) { centerIds teamIds employeeNos } }`;

describe('accessScope: center and team codes -> ids and members, for other subgraphs', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
  });
  afterAll(() => staff.stop());

  const as = async (identity: Identity, variables: Record<string, unknown>) =>
    postGraphQL<{ accessScope: { centerIds: string[]; teamIds: string[]; employeeNos: string[] } }>(
      staff.url,
      SCOPE,
      variables,
      { authorization: `Bearer ${await subgraphToken('staff', identity)}` },
    );

  it("gives a center's teams and today's members, a team's members, nothing for unknown codes", async () => {
    const center = await factory.center();
    const other = await factory.center();
    const [cards, loans] = [await factory.team(center.id), await factory.team(center.id)];
    const elsewhere = await factory.team(other.id);
    const a1 = await factory.agent({ teamId: cards.id });
    const a2 = await factory.agent({ teamId: loans.id });
    const a3 = await factory.agent({ teamId: elsewhere.id });
    await factory.agent(); // in no team
    const service: Identity = { subject: 'service:test', roles: ['BI_READER'], centers: [], teams: [] };

    const byCenter = await as(service, { centers: [center.code], teams: [] });
    expect(byCenter.errors).toBeUndefined();
    expect(byCenter.data?.accessScope.centerIds).toEqual([center.id]);
    expect(byCenter.data?.accessScope.teamIds.sort()).toEqual([cards.id, loans.id].sort());
    expect(byCenter.data?.accessScope.employeeNos.sort()).toEqual([a1.employeeNo, a2.employeeNo].sort());

    const byTeam = await as(service, { centers: [], teams: [elsewhere.code] });
    expect(byTeam.data?.accessScope).toEqual({
      centerIds: [],
      teamIds: [elsewhere.id],
      employeeNos: [a3.employeeNo],
    });

    const unknown = await as(service, { centers: ["x' or 1=1 --"], teams: ['NOPE'] });
    expect(unknown.data?.accessScope).toEqual({ centerIds: [], teamIds: [], employeeNos: [] });
  });

  it('answers only callers who see every center', async () => {
    const manager: Identity = { subject: 'm', roles: ['CENTER_MANAGER'], centers: ['SHA-01'], teams: [] };
    const response = await as(manager, { centers: ['SHA-01'], teams: [] });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });
});
