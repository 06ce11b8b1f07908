import { Client } from 'pg';
import { kpiSubgraph } from '@switchboard/kpi';
import { createLogger } from '@switchboard/server';
import { migrateSubgraph, startSubgraph, type StartedSubgraph } from '@switchboard/subgraph-kit';
import { createTestDatabase, ensureTestKeys, type TestDatabase } from '@switchboard/testing';

// How the Kubernetes manifests run a subgraph: an init container per pod migrates
// (SWITCHBOARD_MIGRATE=only, under the migration lock), the replica itself does not
// (SWITCHBOARD_MIGRATE=false) and is ready only once nothing is pending.
describe('replicas and their migration step', () => {
  const logger = createLogger('kpi');
  let database: TestDatabase;
  let replica: StartedSubgraph;

  const probe = async (path: string): Promise<number> => {
    const response = await fetch(`http://127.0.0.1:${replica.server.port}${path}`);
    await response.text();
    return response.status;
  };

  const appliedMigrations = async (): Promise<{ total: number; distinct: number }> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ total: string; distinct: string }>(
        'select count(*) as total, count(distinct name) as distinct from mikro_orm_migrations',
      );
      return { total: Number(rows[0].total), distinct: Number(rows[0].distinct) };
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    ensureTestKeys();
    database = await createTestDatabase('replicas');
    replica = await startSubgraph(kpiSubgraph, {
      port: 0,
      databaseUrl: database.url,
      logger,
      background: false,
      migrate: false,
    });
  });
  afterAll(async () => {
    await replica.stop();
    await database.drop();
  });

  it('a replica that does not migrate serves /live but is not ready on an empty database', async () => {
    expect(await probe('/live')).toBe(200);
    expect(await probe('/ready')).toBe(503);
    await expect(appliedMigrations()).rejects.toThrow(/mikro_orm_migrations/);
  });

  it('migration steps of several pods at once apply each migration once; then the replica is ready', async () => {
    await Promise.all(
      [1, 2, 3].map(() =>
        migrateSubgraph(kpiSubgraph, {
          databaseUrl: database.url,
          migrationDatabaseUrl: database.ownerUrl,
          logger,
        }),
      ),
    );
    const known = kpiSubgraph.database.migrations.length;
    expect(await appliedMigrations()).toEqual({ total: known, distinct: known });
    expect(await probe('/ready')).toBe(200);
  });
});
