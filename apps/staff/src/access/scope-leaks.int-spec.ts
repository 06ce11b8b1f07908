import { postGraphQL, startTestSubgraph, subgraphToken, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { AccessFixture } from '../testing/access-fixture';

const fx = new AccessFixture();
let staff: TestSubgraph;

beforeAll(async () => {
  staff = await startTestSubgraph(staffSubgraph);
  await fx.create(staff.url);
});
afterAll(() => staff.stop());

const HIRE = 'mutation($input: HireAgentInput!) { hireAgent(input: $input) { employeeNo } }';

/** Issue 17 §2: errors never reveal out-of-scope data; authorization comes before what could leak. */
describe('staff: a restricted writer learns nothing about agents outside their scope', () => {
  const hire = async (employeeNo: string) => {
    const hrOfA = fx.callerNamed(`HR of ${fx.code.A}`).identity;
    const input = { employeeNo, displayName: 'New Hire', hireDate: '2025-01-06', teamId: fx.id.A2 };
    return postGraphQL(
      staff.url,
      HIRE,
      { input },
      { authorization: `Bearer ${await subgraphToken('staff', hrOfA)}` },
    );
  };

  it("hireAgent under another center's employee number: FORBIDDEN, naming no one, not 'already used'", async () => {
    const answer = await hire(fx.no.b1);
    expect(answer.data).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(answer.errors?.[0].message).toBe('hireAgent: outside your access scope');
    expect(JSON.stringify(answer)).not.toContain(fx.nameOf(fx.no.b1));
  });

  it('hireAgent under a number held inside the scope is still a plain conflict on the field', async () => {
    const answer = await hire(fx.no.a2);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(answer.errors?.[0].message).toMatch(/^employeeNo: /);
  });
});
