import { MikroORM } from '@mikro-orm/postgresql';
import { IntervalStat } from '../stats/interval-stat.entity';
import { QueueIntervalStat } from '../stats/queue-interval-stat.entity';
import { emptyContactTotals } from '@switchboard/metrics';
import { DERIVED_MEASURES, MEASURES, READ_MEASURES, readSql } from './measures';
import { rollUpSql } from '../ingest/roll-up';
import { sumMeasuresSql } from '../stats/traffic-stats.query';

const KEYS = new Set(['interval_start', 'queue_key', 'agent_key', 'channel']);

/** The rollup entities' measure properties, from MikroORM's metadata. */
async function entityProperties(entity: typeof IntervalStat | typeof QueueIntervalStat) {
  const orm = await MikroORM.init({
    entities: [IntervalStat, QueueIntervalStat],
    dbName: 'unused',
    connect: false,
  });
  try {
    return Object.values(orm.getMetadata().get(entity.name).properties).filter(
      (p) => !KEYS.has(p.fieldNames[0]),
    );
  } finally {
    await orm.close();
  }
}

/** The rollup entities' measure columns and their types. */
async function entityColumns(entity: typeof IntervalStat | typeof QueueIntervalStat) {
  return (await entityProperties(entity))
    .map((p) => [
      p.fieldNames[0],
      p.type === 'integer'
        ? 'integer'
        : ['decimal', 'numeric'].includes(String(p.type)) || p.columnTypes[0]?.startsWith('numeric')
          ? 'numeric'
          : 'double',
    ])
    .sort();
}

describe('the measure list', () => {
  const listed = MEASURES.map((m) => [m.column, m.type]).sort();

  it.each([IntervalStat, QueueIntervalStat])('is exactly the measure columns of %p', async (entity) => {
    expect(await entityColumns(entity)).toEqual(listed);
  });

  it.each([IntervalStat, QueueIntervalStat])(
    "gives each sum of money the zero of its column's scale in %p",
    async (entity) => {
      const scales = Object.fromEntries(
        (await entityProperties(entity)).map((p) => [p.fieldNames[0], p.scale]),
      );
      const money = MEASURES.flatMap((m) => (m.type === 'numeric' ? [m] : []));
      expect(money.length).toBeGreaterThan(0);
      for (const m of money)
        expect([m.column, m.zero.split('.')[1].length]).toEqual([m.column, scales[m.column]]);
    },
  );

  it('gives every total of the formula library, by the field of ContactTotals', () => {
    const totals = [...READ_MEASURES, ...DERIVED_MEASURES]
      .flatMap((m) => ('total' in m ? [m.total] : []))
      .sort();
    expect(totals).toEqual([...Object.keys(emptyContactTotals()), 'voiceOffered'].sort());
  });

  it('derives the roll-up and the stats select lists from it', () => {
    const sql = rollUpSql('pending');
    for (const m of MEASURES) {
      expect(sql).toContain(`${m.grouped} as ${m.column}`);
      expect(sql).toContain(`${m.combine}(${m.column})`);
    }
    expect(sumMeasuresSql()).toEqual([
      ...READ_MEASURES.map(readSql),
      ...DERIVED_MEASURES.map((m) => `${m.sql} as ${m.column}`),
    ]);
  });
});
