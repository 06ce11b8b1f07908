import { randomBytes } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { postGraphQL, startTestSubgraph, subgraphToken, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

// Issue 7: a manager sees only their center's agents, so the manager's agent is in their center.
const CENTER = `PII-${randomBytes(3).toString('hex').toUpperCase()}`;
const as = (subject: string, centers: string[], ...roles: Identity['roles']): Identity => ({
  subject,
  roles,
  centers,
  teams: [],
});
const HR = as('hr-officer-1', [], 'HR');
const MANAGER = as('manager-1', [CENTER], 'CENTER_MANAGER');

describe('PII: readable by HR only, every read audit-logged', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  let managedTeamId: string;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    managedTeamId = (await factory.team((await factory.center({ code: CENTER })).id)).id;
  });
  afterAll(() => staff.stop());

  const gql = async (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    postGraphQL(staff.url, query, variables, {
      authorization: `Bearer ${await subgraphToken('staff', identity)}`,
    });
  const log = async (employeeNo: string) => {
    const response = await postGraphQL<{ piiAccessLog: { nodes: Record<string, unknown>[] } }>(
      staff.url,
      `query($e: String) { piiAccessLog(filter: { employeeNo: $e }) { nodes { subject roles field employeeNo operation requestId } } }`,
      { e: employeeNo },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.piiAccessLog.nodes ?? [];
  };

  it('gives HR the value and logs who read which field, never the value', async () => {
    const agent = await factory.agent({ email: 'li.na@bank.example', nationalId: '110101199003074518' });
    const read = await gql(
      HR,
      `query AgentCard($id: ID!) { agent(id: $id) { employeeNo email nationalId } }`,
      { id: agent.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.agent).toEqual({
      employeeNo: agent.employeeNo,
      email: 'li.na@bank.example',
      nationalId: '110101199003074518',
    });
    const entries = await log(agent.employeeNo);
    expect(entries.map((e) => e.field).sort()).toEqual(['email', 'nationalId']);
    expect(entries[0]).toMatchObject({
      subject: 'hr-officer-1',
      roles: ['HR'],
      operation: 'query AgentCard',
    });
    expect(JSON.stringify(entries)).not.toContain('li.na@bank.example');
    expect(JSON.stringify(entries)).not.toContain('110101199003074518');
  });

  it('refuses a manager the PII fields (FORBIDDEN, value null) but not the rest, and logs nothing', async () => {
    const agent = await factory.agent({ phone: '+86 21 5555 0101', teamId: managedTeamId });
    const read = await gql(MANAGER, `query($id: ID!) { agent(id: $id) { employeeNo displayName phone } }`, {
      id: agent.id,
    });
    expect(read.data?.agent).toEqual({
      employeeNo: agent.employeeNo,
      displayName: 'Test Agent',
      phone: null,
    });
    expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(read.errors?.[0].message).toContain('phone');
    expect(JSON.stringify(read)).not.toContain('5555');
    expect(await log(agent.employeeNo)).toEqual([]);
  });

  it('logs the reads of a whole page of agents in one INSERT', async () => {
    for (let i = 0; i < 5; i += 1) await factory.agent({ email: `a${i}@bank.example` });
    const counted = await staff.sql.count(() =>
      gql(HR, '{ agents(first: 500) { nodes { email phone nationalId } } }'),
    );
    expect(counted.result.errors).toBeUndefined();
    expect(counted.statements.filter((sql) => /^insert into "pii_access"/i.test(sql))).toHaveLength(1);
  });

  it('keeps the log append-only and shows it to ADMIN alone', async () => {
    // The service role lacks the privilege (issue 17); the trigger stands behind it for the owner.
    await expect(staff.orm.em.getConnection().execute('delete from pii_access')).rejects.toThrow(
      /permission denied for table pii_access/,
    );
    await expect(staff.orm.em.getConnection().execute("update pii_access set subject = 'x'")).rejects.toThrow(
      /permission denied for table pii_access/,
    );
    const denied = await gql(HR, '{ piiAccessLog { nodes { subject } } }');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(denied.data ?? null).toBeNull();
  });
});
