import { randomBytes } from 'node:crypto';
import { Entity, PrimaryKey } from '@mikro-orm/postgresql';
import { dropDatabase, ensureDatabase, withDatabase } from '@switchboard/postgres';
import { createOrm, type MikroORM } from './orm';
import { SwitchboardPostgreSqlPlatform } from './postgres-driver';

// The test cluster of the Jest global setup (libs/testing is not imported: it depends on this lib).
function freshDatabaseUrl(label: string): string {
  const server = process.env.SWITCHBOARD_TEST_SERVER_URL;
  if (!server) throw new Error('SWITCHBOARD_TEST_SERVER_URL is not set: run tests through jest');
  return withDatabase(server, `t_${label}_${randomBytes(4).toString('hex')}`);
}

// MikroORM wants an entity; none is read here
@Entity({ tableName: 'probe' })
class Probe {
  @PrimaryKey()
  id!: number;
}

describe("createOrm's driver", () => {
  const url = freshDatabaseUrl('postgres_driver');
  let orm: MikroORM;

  beforeAll(async () => {
    await ensureDatabase(url);
    orm = await createOrm({
      clientUrl: url,
      entities: [Probe],
      migrations: [],
      migrationsPath: __dirname,
      snapshotName: 'none',
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await orm.close(true);
    await dropDatabase(url);
  });

  it('escapes parameters with the linear-time platform, and PostgreSQL reads back what was sent', async () => {
    expect(orm.em.getPlatform()).toBeInstanceOf(SwitchboardPostgreSqlPlatform);
    const values = ["it's", 'C:\\temp\\new', "\\'; select 1; --", 'why? naïve 日本 😀', ''];
    const rows = await orm.em.fork().execute<{ v: string }[]>(
      `select ?::text as v union all select ?::text union all select ?::text
        union all select ?::text union all select ?::text`,
      values,
    );
    expect(rows.map((r) => r.v)).toEqual(values);
    const json = JSON.stringify(Array.from({ length: 5_000 }, (_, i) => ({ ref: `o'brien\\${i}` })));
    const [{ n, last }] = await orm.em.fork().execute<{ n: number; last: string }[]>(
      `select count(*)::int as n, max(ref) filter (where ref like '%4999') as last
           from json_to_recordset(?::json) as j(ref text)`,
      [json],
    );
    expect({ n, last }).toEqual({ n: 5_000, last: "o'brien\\4999" });
  });
});
