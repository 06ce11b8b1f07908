import { Client } from 'pg';
import {
  createTestDatabase,
  startTestSubgraph,
  type TestDatabase,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';

/**
 * Issue 17, least privilege: the staff service connects as its own role, which may write rows but
 * not edit the PII audit trail nor switch off the trigger that guards it, is no superuser, and cannot
 * reach another subgraph's database.
 */
describe('the staff service role (issue 17)', () => {
  let staff: TestSubgraph;
  let other: TestDatabase;
  let asService: Client;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    other = await createTestDatabase('other_subgraph');
    const url = staff.orm.config.get('clientUrl');
    if (!url) throw new Error('no client URL');
    asService = new Client({ connectionString: url });
    await asService.connect();
    await asService.query(
      `insert into pii_access (subject, roles, field, agent_id, employee_no, operation, request_id)
       values ('hr', '{HR}', 'phone', gen_random_uuid(), 'E1', 'q', 'r1')`,
    );
  });

  afterAll(async () => {
    await asService.end();
    await staff.stop();
    await other.drop();
  });

  const refusal = async (sql: string): Promise<string | undefined> =>
    asService.query(sql).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );

  it('is not a superuser and may not create roles or databases', async () => {
    const { rows } = await asService.query<Record<string, boolean>>(
      `select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
    });
  });

  it('reads and inserts into the PII audit table', async () => {
    const { rows } = await asService.query<{ n: number }>('select count(*)::int as n from pii_access');
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it.each([
    ['UPDATE', "update pii_access set subject = 'nobody'"],
    ['DELETE', 'delete from pii_access'],
    ['TRUNCATE', 'truncate pii_access'],
  ])('may not %s the PII audit table (insufficient privilege, not just the trigger)', async (_verb, sql) => {
    expect(await refusal(sql)).toBe('42501');
  });

  it.each([
    ['disable its trigger', 'alter table pii_access disable trigger pii_access_append_only'],
    ['disable every trigger', 'alter table pii_access disable trigger all'],
    ['drop its trigger', 'drop trigger pii_access_append_only on pii_access'],
    [
      'replace its trigger function',
      'create or replace function pii_access_append_only() returns trigger language plpgsql as $$ begin return null; end $$',
    ],
    ['skip triggers by replication role', 'set session_replication_role = replica'],
    ['create a table', 'create table sneaky (id int)'],
  ])('may not %s', async (_what, sql) => {
    expect(await refusal(sql)).toBe('42501');
  });

  it("cannot connect to another subgraph's database", async () => {
    const url = new URL(other.url);
    const mine = new URL(staff.orm.config.get('clientUrl') ?? '');
    url.username = mine.username;
    url.password = mine.password;
    const intruder = new Client({ connectionString: url.toString() });
    const error = await intruder.connect().then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    await intruder.end().catch(() => undefined);
    expect(error).toBe('42501'); // permission denied for database
  });
});
