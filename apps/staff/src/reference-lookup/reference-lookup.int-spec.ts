import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  caller,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

const LOOKUP = `query($c: [ID!]!, $t: [ID!]!, $a: [String!]!, $s: [String!]!) {
  centersById(ids: $c) { id } teamsById(ids: $t) { id } agentsByEmployeeNo(employeeNos: $a) { employeeNo }
  skillsByCode(codes: $s) { code } }`;

/**
 * The batched lookups other subgraphs check references with (subgraph-kit's requireReferences,
 * through the gateway): the records in the keys' order, null where none, as `_entities` answers.
 */
describe('staff reference lookups', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
  });
  afterAll(() => staff.stop());

  it('answers centers, teams, agents and skills by key in order, null for unknown or malformed keys, one statement per kind', async () => {
    const center = await factory.center();
    const team = await factory.team(center.id);
    const agent = await factory.agent({ teamId: team.id });
    const skill = await factory.skill({ code: 'LOOKUP-SKILL' });
    const unknown = randomUUID();
    const { result, statements } = await staff.sql.count(() =>
      postGraphQL(staff.url, LOOKUP, {
        c: [unknown, center.id, 'not-an-id'],
        t: [team.id, unknown],
        a: ['NOBODY', agent.employeeNo],
        s: [skill.code, 'NO-SKILL'],
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      centersById: [null, { id: center.id }, null],
      teamsById: [{ id: team.id }, null],
      agentsByEmployeeNo: [null, { employeeNo: agent.employeeNo }],
      skillsByCode: [{ code: skill.code }, null],
    });
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it("answers null for another center's records to a caller limited to one center, and refuses more than 500 keys", async () => {
    const mine = await factory.center();
    const theirs = await factory.center();
    const manager = await authorizationFor(staff.url, caller('CENTER_MANAGER', { centers: [mine.code] }));
    const answer = await postGraphQL<{ centersById: ({ id: string } | null)[] }>(
      staff.url,
      'query($c: [ID!]!) { centersById(ids: $c) { id } }',
      { c: [mine.id, theirs.id] },
      manager,
    );
    expect(answer.data?.centersById).toEqual([{ id: mine.id }, null]);
    const tooMany = await postGraphQL(staff.url, 'query($c: [ID!]!) { centersById(ids: $c) { id } }', {
      c: Array.from({ length: 501 }, () => randomUUID()),
    });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooMany.errors?.[0].message).toMatch(/^ids: /);
  });
});
