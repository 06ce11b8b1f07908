import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm, type MikroORM } from '@switchboard/db';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import type { ContactRecord } from './contact-record';
import { writeContactBatch } from '../ingest/contact-writer';
import { inPgTransaction } from '../ingest/pg-client';
import { rollUpCommitted } from '../ingest/roll-up';
import { trafficDatabase } from '../traffic.subgraph';
import { contactPartitions } from './contact-partitions';

const BEFORE = 'Migration20261207161531_rollup_outcome_index';

/** Contacts every 6 hours from 2026-08-20 to 2026-10-10 (three months), by the old table's columns. */
const OLD_ROWS = `insert into contact (source, external_id, channel, direction, agent, customer_key, arrived_at,
    answered_at, ended_at, outcome, customer_segment)
  select 'old', 'o-' || n, 'VOICE', 'INBOUND', 'A' || (n % 3), 'K' || (n % 7), t, t + interval '10 s',
         t + interval '5 min', 'ANSWERED', case when n % 5 = 0 then 'VIP' end
  from generate_series(0, 203) as n, lateral (select timestamptz '2026-08-20 00:00:00+00' + n * interval '6 h' as t) at`;

const SNAPSHOT = `select id::text, source, external_id, channel::text, agent, customer_key, arrived_at, answered_at,
  ended_at, outcome::text, customer_segment from contact order by contact.id`;

const record = (externalId: string, arrivedAt: string): ContactRecord => ({
  source: 'old',
  externalId,
  channel: 'VOICE',
  direction: 'INBOUND',
  queue: null,
  agent: 'A1',
  customerKey: 'K1',
  arrivedAt: new Date(arrivedAt),
  answeredAt: null,
  endedAt: new Date(new Date(arrivedAt).getTime() + 60_000),
  holdSeconds: 0,
  acwSeconds: 0,
  outcome: 'ABANDONED',
  transferred: false,
  wrapupCode: null,
});

/**
 * Issue 23: the migration that partitions `contact` on a database in use (the demo's, a
 * deployment's): every row kept with its id, in the partition of its month, its natural key
 * claimed, the sequence and the rollup watermark carried on, so a re-import changes nothing.
 */
describe('migration contact_partitions on a populated database', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase('traffic_partition_migration');
    orm = await createOrm({ ...trafficDatabase, clientUrl: database.ownerUrl, statementTimeoutMs: 0 });
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('moves every row into the partition of its month and keeps ids, keys, sequence and watermark', async () => {
    await orm.getMigrator().up({ to: BEFORE });
    const em = orm.em.fork() as EntityManager;
    const sql = em.getConnection();
    await sql.execute(OLD_ROWS);
    await inPgTransaction(em, (client) => rollUpCommitted(client));
    const before = await sql.execute(SNAPSHOT);
    const stats = await sql.execute('select * from interval_stat order by 1, 2, 3, 4');
    expect(before).toHaveLength(204);

    await orm.getMigrator().up();

    expect(await sql.execute(SNAPSHOT)).toEqual(before);
    expect(await inPgTransaction(em, contactPartitions)).toEqual([
      'contact_default',
      'contact_p2026_08',
      'contact_p2026_09',
      'contact_p2026_10',
    ]);
    expect(
      await sql.execute(
        `select tableoid::regclass::text as part, count(*)::int as n from contact group by 1 order by 1`,
      ),
    ).toEqual([
      { part: 'contact_p2026_08', n: 48 },
      { part: 'contact_p2026_09', n: 120 },
      { part: 'contact_p2026_10', n: 36 },
    ]);
    expect(
      await sql.execute(`select count(*)::int as n from contact_key k join contact c
        on c.id = k.contact_id and c.arrived_at = k.arrived_at and c.source = k.source and c.external_id = k.external_id`),
    ).toEqual([{ n: 204 }]);

    // Importing the same contacts again changes nothing; a new one gets the next id and is rolled up once.
    const stored = await inPgTransaction(em, (client) =>
      writeContactBatch(client, [
        record('o-7', '2026-08-21T18:00:00Z'),
        record('new-1', '2026-10-20T09:00:00Z'),
      ]),
    );
    expect(stored).toEqual({ inserted: 1, duplicates: 1 });
    const [last] = await sql.execute<{ id: string; part: string }[]>(
      `select id::text, tableoid::regclass::text as part from contact where external_id = 'new-1'`,
    );
    expect(last.part).toBe('contact_p2026_10');
    expect(BigInt(last.id)).toBeGreaterThan(BigInt((before as { id: string }[])[before.length - 1].id));
    expect(await inPgTransaction(em, (client) => rollUpCommitted(client))).toBe(true);
    const after = await sql.execute<{ interval_start: string; abandoned: number }[]>(
      'select * from interval_stat order by 1, 2, 3, 4',
    );
    expect(after).toHaveLength(stats.length + 1);
    const added = after.filter((row) => !stats.some((old) => JSON.stringify(old) === JSON.stringify(row)));
    expect(added.map((row) => [new Date(row.interval_start).toISOString(), row.abandoned])).toEqual([
      ['2026-10-20T09:00:00.000Z', 1],
    ]);
  });

  it('goes back down to one table with its natural key', async () => {
    const em = orm.em.fork() as EntityManager;
    const before = await em.getConnection().execute(SNAPSHOT);
    await orm.getMigrator().down({ to: BEFORE });
    expect(await em.getConnection().execute(SNAPSHOT)).toEqual(before);
    const [kind] = await em
      .getConnection()
      .execute<{ relkind: string }[]>(`select relkind from pg_class where relname = 'contact'`);
    expect(kind.relkind).toBe('r');
    await orm.getMigrator().up();
  });
});
