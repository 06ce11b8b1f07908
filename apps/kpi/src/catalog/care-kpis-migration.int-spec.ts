import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm } from '@switchboard/db';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { kpiDatabase } from '../kpi.subgraph';

const CARE_CODES = [
  'PROMISE_KEPT_RATE',
  'OVERDUE_COMMITMENTS',
  'ESCALATION_RATE',
  'CASE_REPEAT_RATE',
  'HANDOFF_RATE',
];

/**
 * The care KPIs' migration (issue 18) on a database in use, one with targets before it: the catalog
 * keeps its rows (unit rebuilt with COUNT), the five KPIs arrive with their default global targets;
 * a new database gets none (the demo seed or an administrator sets them, the seed only where none is).
 */
describe('migration care_kpis', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  const migratedTo = async (to?: string) => {
    const database = await createTestDatabase('kpi_care_migration');
    databases.push(database);
    const orm = await createOrm({ ...kpiDatabase, clientUrl: database.ownerUrl });
    await orm.getMigrator().up(to ? { to } : undefined);
    return orm;
  };
  const targets = (em: EntityManager) =>
    em
      .getConnection()
      .execute<
        { kpi_code: string; target: number; amber_band: number }[]
      >(`select kpi_code, target, amber_band from kpi_target where scope_type = 'GLOBAL' order by kpi_code`);

  it('gives a database holding targets the default targets of the new KPIs', async () => {
    const orm = await migratedTo('Migration20261123035419_init');
    const em = orm.em.fork() as EntityManager;
    await em.getConnection().execute(
      `insert into kpi_target (id, kpi_code, scope_type, scope_id, target, amber_band, valid_from, created_at)
       values (gen_random_uuid(), 'AHT', 'GLOBAL', null, 300, 30, '2026-01-01', now())`,
    );
    await orm.getMigrator().up();
    expect(await targets(em)).toEqual([
      { kpi_code: 'AHT', target: 300, amber_band: 30 },
      { kpi_code: 'CASE_REPEAT_RATE', target: 0.2, amber_band: 0.1 },
      { kpi_code: 'ESCALATION_RATE', target: 0.1, amber_band: 0.05 },
      { kpi_code: 'HANDOFF_RATE', target: 0.05, amber_band: 0.05 },
      { kpi_code: 'OVERDUE_COMMITMENTS', target: 0, amber_band: 3 },
      { kpi_code: 'PROMISE_KEPT_RATE', target: 0.9, amber_band: 0.05 },
    ]);
    const units = await em
      .getConnection()
      .execute<
        { code: string; unit: string }[]
      >(`select code, unit::text as unit from kpi_definition order by sort_order`);
    expect(units).toHaveLength(35); // 12 + wfm's 2 + voc's 4 + care's 5 + outcomes' 4 + complaints' 4 + sales and cost's 4
    expect(units.find((u) => u.code === 'QA_SCORE')?.unit).toBe('PERCENT_POINTS');
    expect(units.filter((u) => CARE_CODES.includes(u.code)).map((u) => u.unit)).toEqual([
      'RATIO',
      'COUNT',
      'RATIO',
      'RATIO',
      'RATIO',
    ]);
    // and back down (every migration after the first, later ones too): the catalog as it was
    while ((await orm.getMigrator().getExecutedMigrations()).length > 1) await orm.getMigrator().down();
    expect(await targets(em)).toEqual([{ kpi_code: 'AHT', target: 300, amber_band: 30 }]);
    await orm.close();
  });

  it('gives a new database no target', async () => {
    const orm = await migratedTo();
    expect(await targets(orm.em.fork() as EntityManager)).toEqual([]);
    await orm.close();
  });
});
