import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import { formatGraphQLError } from '@switchboard/server';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { subgraphs } from '../subgraphs';

/**
 * Issue 17, for every subgraph: its running connections are its own non-superuser role's, reach its
 * own database only, and carry PostgreSQL's statement_timeout, which surfaces as QUERY_TIMEOUT.
 */
describe.each(subgraphs.map((s) => [s.definition.name, s.definition] as const))(
  '%s connections (issue 17)',
  (_name, definition) => {
    let subgraph: TestSubgraph;
    const previous = process.env.DATABASE_STATEMENT_TIMEOUT_MS;

    beforeAll(async () => {
      process.env.DATABASE_STATEMENT_TIMEOUT_MS = '300';
      subgraph = await startTestSubgraph(definition);
    });
    afterAll(async () => {
      if (previous === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
      else process.env.DATABASE_STATEMENT_TIMEOUT_MS = previous;
      await subgraph.stop();
    });

    const run = <T>(sql: string): Promise<T[]> => subgraph.orm.em.getConnection().execute<T[]>(sql);

    it('connects as a role of its own that is no superuser and owns nothing', async () => {
      const [role] = await run<{
        rolsuper: boolean;
        rolcreaterole: boolean;
        rolcreatedb: boolean;
        owns: number;
      }>(
        `select rolsuper, rolcreaterole, rolcreatedb,
                (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relowner = r.oid) as owns
           from pg_roles r where rolname = current_user`,
      );
      expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, owns: 0 });
    });

    it('cannot change the schema', async () => {
      await expect(run('create table intruder (id int)')).rejects.toMatchObject({ code: '42501' });
    });

    it("cannot connect to another subgraph's database", async () => {
      const other = await createTestDatabase('other');
      try {
        const url = new URL(subgraph.orm.config.get('clientUrl') ?? '');
        url.pathname = new URL(other.url).pathname;
        const client = new Client({ connectionString: url.toString() });
        await expect(client.connect()).rejects.toMatchObject({ code: '42501' });
        await client.end().catch(() => undefined);
      } finally {
        await other.drop();
      }
    });

    it('cancels a statement past DATABASE_STATEMENT_TIMEOUT_MS, answered as QUERY_TIMEOUT', async () => {
      const [shown] = await run<{ statement_timeout: string }>('show statement_timeout');
      expect(shown.statement_timeout).toBe('300ms');
      const failure = await run('select pg_sleep(2)').catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: '57014' });
      const formatted = formatGraphQLError(
        { message: String(failure) },
        new GraphQLError('wrapped', { originalError: failure as Error }),
      );
      expect(formatted.extensions?.code).toBe('QUERY_TIMEOUT');
      expect(formatted.message).toMatch(/ran longer than its limit/);
    });
  },
);
