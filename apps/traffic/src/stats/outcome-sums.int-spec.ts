import type { EntityManager } from '@mikro-orm/postgresql';
import Decimal from 'decimal.js';
import { outcomeMetrics, SALE_CLASSES, type OutcomeClass } from '@switchboard/metrics';
import { postGraphQL, postImportFile, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Granularity, StatsDimension } from '../common/enums';
import { OUTCOME_MEASURES, SPARSE_OUTCOME_MEASURES, hasOutcomesSql } from '../model/measures';
import { trafficSubgraph } from '../traffic.subgraph';
import { StatsFilter } from './stats.input';
import { columnsFor } from './metric-columns';
import { trafficStatsSql, type StatsSqlRow } from './traffic-stats.query';
import { outcomesApart, outcomeSumsOf, trafficStats, type TrafficStatsRow } from './traffic-stats.service';

/**
 * Issue 20's cost goal: trafficStats sums the outcome measures apart, from the rollup rows that have
 * outcomes (a partial covering index), and merges them into its rows. The answer must stay what the
 * contacts and their outcomes say: random contacts and outcomes (seeded), half of the outcomes
 * imported before their contacts (held) and half after (added to rolled-up rows), compared field by
 * field with sums computed here from the generated records, and with the one-select statement.
 */
const DAY = '2026-05-04';
const SEED = 20_261_207;
const QUEUES = ['OQ-REQ1', 'OQ-REQ2', 'OQ-FREE'] as const;
/** Queues that require a code (every code); OQ-FREE requires none. */
const REQUIRING = new Set<string>(['OQ-REQ1', 'OQ-REQ2']);
const CODES: Record<string, OutcomeClass> = {
  INFO: 'INFO_ONLY',
  SALE_C: 'SALE',
  INST: 'INSTALLMENT',
  DECL: 'OFFER_MADE_DECLINED',
  SAVE: 'RETENTION_SAVE',
  LOST: 'RETENTION_LOST',
  CANCEL: 'CANCELLATION_PROCESSED',
};
const MARGIN: Record<string, string> = { P1: '0.0300', P2: '0.0125' };
const SALE = new Set<OutcomeClass>(SALE_CLASSES);

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface GeneratedContact {
  externalId: string;
  queue: string;
  hour: number;
  minute: number;
  direction: 'INBOUND' | 'OUTBOUND';
  outcome: 'ANSWERED' | 'ABANDONED';
  wrapupCode: string | null;
}
interface GeneratedOutcome {
  externalId: string;
  seq: number;
  code: string;
  product: string | null;
  amount: string | null;
  offer: boolean;
  eligible: boolean;
}

function generate(): { contacts: GeneratedContact[]; outcomes: GeneratedOutcome[] } {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const codes = Object.keys(CODES);
  const contacts: GeneratedContact[] = [];
  const outcomes: GeneratedOutcome[] = [];
  for (let n = 1; n <= 400; n += 1) {
    const contact: GeneratedContact = {
      externalId: `oc${n}`,
      queue: pick(QUEUES),
      // a few hours only: some hours of some queues get no outcome at all
      hour: 8 + Math.floor(next() * 5),
      minute: Math.floor(next() * 60),
      direction: next() < 0.85 ? 'INBOUND' : 'OUTBOUND',
      outcome: next() < 0.8 ? 'ANSWERED' : 'ABANDONED',
      wrapupCode: next() < 0.6 ? pick(codes) : null,
    };
    contacts.push(contact);
    // most contacts have no imported outcome; some have one or two (seq 2, 3)
    const imported = next() < 0.6 ? 0 : next() < 0.7 ? 1 : 2;
    for (let seq = 2; seq < 2 + imported; seq += 1) {
      const code = pick(codes);
      const sale = SALE.has(CODES[code]);
      outcomes.push({
        externalId: contact.externalId,
        seq,
        code,
        product: sale ? pick(Object.keys(MARGIN)) : null,
        amount: sale ? (Math.floor(next() * 5_000_000) / 100).toFixed(2) : null,
        offer: next() < 0.5,
        eligible: next() < 0.6,
      });
    }
  }
  // an hour of a queue without any outcome or code: its row's outcome fields come from no index row
  for (const [n, outcome] of [
    [401, 'ANSWERED'],
    [402, 'ABANDONED'],
  ] as const) {
    contacts.push({
      externalId: `oc${n}`,
      queue: 'OQ-FREE',
      hour: 21,
      minute: 5,
      direction: 'INBOUND',
      outcome,
      wrapupCode: null,
    });
  }
  return { contacts, outcomes };
}

interface Expected {
  answered: number;
  eligible: number;
  offers: number;
  sales: number;
  saves: number;
  lost: number;
  cancellations: number;
  requiring: number;
  coded: number;
  salesAmount: Decimal;
  revenue: Decimal;
}

/** The outcome sums per queue and hour, from the generated records (METRICS.md "Outcomes and sales"). */
function expected(contacts: GeneratedContact[], outcomes: GeneratedOutcome[]): Map<string, Expected> {
  const byContact = new Map<string, GeneratedOutcome[]>();
  for (const o of outcomes) byContact.set(o.externalId, [...(byContact.get(o.externalId) ?? []), o]);
  const groups = new Map<string, Expected>();
  for (const c of contacts) {
    const key = `${DAY}T${String(c.hour).padStart(2, '0')}:00:00.000Z|${c.queue}`;
    const g =
      groups.get(key) ??
      ({
        answered: 0,
        eligible: 0,
        offers: 0,
        sales: 0,
        saves: 0,
        lost: 0,
        cancellations: 0,
        requiring: 0,
        coded: 0,
        salesAmount: new Decimal(0),
        revenue: new Decimal(0),
      } satisfies Expected);
    groups.set(key, g);
    if (c.outcome !== 'ANSWERED') continue; // outcomes count on answered contacts only
    if (c.direction === 'INBOUND') g.answered += 1;
    const imported = byContact.get(c.externalId) ?? [];
    const classes = [...imported.map((o) => CODES[o.code]), ...(c.wrapupCode ? [CODES[c.wrapupCode]] : [])];
    const sale = classes.some((k) => SALE.has(k));
    if (imported.some((o) => o.eligible)) g.eligible += 1;
    if (sale || imported.some((o) => o.offer)) g.offers += 1;
    if (sale) g.sales += 1;
    if (classes.includes('RETENTION_SAVE')) g.saves += 1;
    if (classes.includes('RETENTION_LOST')) g.lost += 1;
    if (classes.includes('CANCELLATION_PROCESSED')) g.cancellations += 1;
    if (REQUIRING.has(c.queue)) {
      g.requiring += 1;
      if (classes.length) g.coded += 1; // every code is required there
    }
    for (const o of imported.filter((x) => SALE.has(CODES[x.code]))) {
      g.salesAmount = g.salesAmount.plus(o.amount ?? 0);
      g.revenue = g.revenue.plus(new Decimal(o.amount ?? 0).times(MARGIN[o.product ?? ''] ?? 0));
    }
  }
  return groups;
}

const OUTCOME_FIELDS =
  'eligible offers sales saves lost cancellations salesAmount revenue offerRate conversionRate retentionSaveRate revenuePerContact dispositionCompliance';

/** Each group of a statement's rows: its keys and sums, its outcome sums read with its row of them. */
function groupsOf(rows: StatsSqlRow[]) {
  const apart = outcomesApart(rows);
  return rows.flatMap((row, i) =>
    apart?.has(i)
      ? []
      : [
          {
            group: [row.interval_ms, row.queue_key, row.channel, row.agent_key].join('|'),
            abandoned: row.abandoned,
            // and answered, from the group's row
            ...outcomeSumsOf(row, apart?.has(i + 1) ? rows[i + 1] : undefined),
          },
        ],
  );
}

describe('trafficStats outcome sums read apart (issue 20 cost goal)', () => {
  let traffic: TestSubgraph;
  const { contacts, outcomes } = generate();
  const sql = <T>(text: string, params: unknown[] = []) =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);
  const filter = { from: `${DAY}T00:00:00Z`, to: '2026-05-05T00:00:00Z', timeZone: 'UTC' };
  const importOutcomes = async (rows: GeneratedOutcome[]) => {
    const lines = rows.map(
      (o) =>
        `OSRC,${o.externalId},${o.seq},${o.code},${o.product ?? ''},${o.amount ?? ''},,${o.offer},${o.eligible},E1,${DAY}T20:00:00Z`,
    );
    const answer = await postImportFile(
      traffic.url,
      '/import/outcomes?format=csv',
      [
        'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at',
        ...lines,
      ].join('\n'),
    );
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    for (const [code, outcomeClass] of Object.entries(CODES)) {
      await sql(
        `insert into disposition_code (code, version, outcome_class, name_zh, name_en, requires_amount, requires_product, valid_from)
         values (?, 1, ?, ?, ?, false, false, '2020-01-01')`,
        [code, outcomeClass, code, code],
      );
    }
    for (const [code, margin] of Object.entries(MARGIN)) {
      await sql(
        `insert into product (code, name_zh, name_en, family, margin_rate) values (?, ?, ?, 'INSTALLMENT', ?)`,
        [code, code, code, margin],
      );
    }
    await sql(
      `insert into queue (id, code, channel, created_at) values ${QUEUES.map(() => "(gen_random_uuid(), ?, 'VOICE', now())").join(', ')}`,
      [...QUEUES],
    );
    await sql(`insert into queue_disposition (queue_id, code, required)
      select q.id, c.code, true from queue q cross join disposition_code c where q.code in ('OQ-REQ1', 'OQ-REQ2')`);
    // half of the outcomes before their contacts (held), the other half after (added to the rollups)
    const before = outcomes.filter((_, i) => i % 2 === 0);
    await importOutcomes(before);
    for (let i = 0; i < contacts.length; i += 100) {
      const answer = await postGraphQL<{ ingestContacts: { inserted: number; rejected: number } }>(
        traffic.url,
        `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }`,
        {
          c: contacts.slice(i, i + 100).map((c) => {
            const at = `${DAY}T${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
            return {
              source: 'OSRC',
              externalId: c.externalId,
              channel: 'VOICE',
              direction: c.direction,
              queue: c.queue,
              agent: c.outcome === 'ANSWERED' ? 'E1' : null,
              arrivedAt: `${at}:00Z`,
              answeredAt: c.outcome === 'ANSWERED' ? `${at}:10Z` : null,
              endedAt: `${at}:50Z`,
              outcome: c.outcome,
              wrapupCode: c.wrapupCode,
            };
          }),
        },
      );
      expect(answer.data?.ingestContacts).toEqual({
        inserted: Math.min(100, contacts.length - i),
        rejected: 0,
      });
    }
    await importOutcomes(outcomes.filter((_, i) => i % 2 === 1));
  });
  afterAll(() => traffic.stop());

  it('answers the sums of the generated contacts and outcomes, per queue and hour', async () => {
    const answer = await postGraphQL<{ trafficStats: Record<string, unknown>[] }>(
      traffic.url,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: HOUR, groupBy: [QUEUE]) {
        intervalStart queueCode answered ${OUTCOME_FIELDS} } }`,
      { f: filter },
    );
    expect(answer.errors).toBeUndefined();
    const want = expected(contacts, outcomes);
    const rows = answer.data?.trafficStats ?? [];
    expect(rows.map((r) => `${String(r.intervalStart)}|${String(r.queueCode)}`).sort()).toEqual(
      [...want.keys()].sort(),
    );
    // the data has groups with outcomes and groups without (whose zeros come from the merge)
    expect(rows.some((r) => r.offers === 0 && r.dispositionCompliance === null)).toBe(true);
    expect(rows.some((r) => Number(r.sales) > 0)).toBe(true);
    for (const row of rows) {
      const g = want.get(`${String(row.intervalStart)}|${String(row.queueCode)}`)!;
      const revenue = g.revenue.toFixed(6);
      expect(row).toEqual({
        intervalStart: row.intervalStart,
        queueCode: row.queueCode,
        answered: g.answered,
        eligible: g.eligible,
        offers: g.offers,
        sales: g.sales,
        saves: g.saves,
        lost: g.lost,
        cancellations: g.cancellations,
        salesAmount: g.salesAmount.toFixed(2),
        revenue,
        ...outcomeMetrics({
          answered: g.answered,
          eligible: g.eligible,
          offers: g.offers,
          sales: g.sales,
          saleOutcomes: 0,
          salesAmount: g.salesAmount.toFixed(2),
          revenue,
          saves: g.saves,
          lost: g.lost,
          cancellations: g.cancellations,
          requiringCode: g.requiring,
          coded: g.coded,
        }),
      });
    }
  });

  it('gives row for row what one select summing every measure gives, whatever the grouping', async () => {
    const fields = [
      'answered',
      'offered',
      'serviceLevel',
      'offers',
      'sales',
      'revenue',
      'salesAmount',
      'dispositionCompliance',
    ];
    for (const groupBy of [[StatsDimension.QUEUE], [StatsDimension.AGENT, StatsDimension.CHANNEL], []]) {
      for (const granularity of [Granularity.FIFTEEN_MINUTES, Granularity.DAY, Granularity.TOTAL]) {
        const f = Object.assign(new StatsFilter(), {
          from: new Date(filter.from),
          to: new Date(filter.to),
          timeZone: 'UTC',
          fcrWindowDays: 7,
        });
        const em = traffic.orm.em.fork() as EntityManager;
        const apart = await trafficStats(em, f, granularity, groupBy, { fcr: false, metrics: fields });
        const together = await trafficStats(em, f, granularity, groupBy, { fcr: false });
        const pick = (r: TrafficStatsRow) =>
          Object.fromEntries(
            ['intervalStart', 'queueId', 'employeeNo', 'channel', ...fields].map((k) => [
              k,
              (r as unknown as Record<string, unknown>)[k],
            ]),
          );
        expect(apart.length).toBeGreaterThan(0);
        expect(apart.map(pick)).toEqual(together.map(pick));
      }
    }
  });

  it('answers the same whether the statement sums the outcomes apart or alongside', async () => {
    const f = Object.assign(new StatsFilter(), {
      from: new Date(filter.from),
      to: new Date(filter.to),
      timeZone: 'UTC',
    });
    const columns = columnsFor([
      'offered',
      'answered',
      'offers',
      'sales',
      'revenue',
      'salesAmount',
      'dispositionCompliance',
    ]);
    for (const groupBy of [[StatsDimension.QUEUE], [StatsDimension.AGENT, StatsDimension.CHANNEL]]) {
      // -1: every share is above it (alongside); 2: none is (apart); the default: as the catalog says
      const answers = await Promise.all(
        [-1, 2, undefined].map(async (share) => {
          const { sql: text, params } = trafficStatsSql(f, Granularity.HOUR, groupBy, columns, null, share);
          const rows = await traffic.orm.em.fork().getConnection().execute<StatsSqlRow[]>(text, params);
          // a group's outcome count of 0 comes as null (nothing to print), read as 0
          const nulls = rows.some((r) => r.part === 0 && (r.offers === null || r.coded === null));
          const zeros = rows.some((r) => r.offers === 0 || r.coded === 0);
          return { parts: new Set(rows.map((r) => r.part)), nulls, zeros, rows: groupsOf(rows) };
        }),
      );
      expect(answers.map((a) => [...a.parts].sort())).toEqual([[0], [0, 1], expect.any(Array)]);
      expect(answers.map((a) => [a.nulls, a.zeros])).toEqual([
        [true, false],
        [true, false],
        [true, false],
      ]);
      expect(answers[0].rows.some((r) => r.offers === 0)).toBe(true);
      expect(answers[0].rows.some((r) => r.coded > 0 && r.requiringCode > r.coded)).toBe(true);
      expect(answers[0].rows.some((r) => r.offers === null || r.salesAmount === null)).toBe(false);
      expect(answers[0].rows.length).toBeGreaterThan(0);
      expect(answers[1].rows).toEqual(answers[0].rows);
      expect(answers[2].rows).toEqual(answers[0].rows);
    }
  });

  it('sums the outcomes from the partial covering index (its predicate is the code’s)', async () => {
    for (const table of ['interval_stat', 'queue_interval_stat']) {
      // the migrations' index holds every outcome measure, and only the rows with one
      const [{ def }] = await sql<{ def: string }>('select pg_get_indexdef(?::regclass) as def', [
        `${table}_outcomes`,
      ]);
      const [included, predicate] = def.split(' INCLUDE ')[1].split(' WHERE ');
      for (const m of SPARSE_OUTCOME_MEASURES) {
        expect(included).toContain(m.column);
        expect(predicate).toContain(`(${m.column} <> `);
      }
      expect(predicate.match(/<>/g)).toHaveLength(SPARSE_OUTCOME_MEASURES.length);
      // the compliance counts too: where no queue requires a code, they are in no row
      expect(SPARSE_OUTCOME_MEASURES).toEqual(OUTCOME_MEASURES);
      expect(predicate).toMatch(/requiring_code <> 0.*coded <> 0/);
    }
    for (const groupBy of [[StatsDimension.QUEUE], [StatsDimension.AGENT]]) {
      const f = Object.assign(new StatsFilter(), {
        from: new Date(filter.from),
        to: new Date(filter.to),
        timeZone: 'UTC',
      });
      const table = groupBy[0] === StatsDimension.AGENT ? 'interval_stat' : 'queue_interval_stat';
      // the statement's outcome part filters its rows by the code's predicate
      const { sql: text } = trafficStatsSql(
        f,
        Granularity.THIRTY_MINUTES,
        groupBy,
        columnsFor(['offered', 'offers', 'revenue']),
      );
      expect(text).toContain(
        `from ${table} s\nwhere s.interval_start >= ? and s.interval_start < ? and not (select`,
      );
      expect(text).toContain(`) and ${hasOutcomesSql('s')}\ngroup by`);
      // which implies the index's: rows so filtered can be read from the index alone (a table this
      // small is read whole otherwise: sequential and bitmap scans off, the filter made dear)
      const plan = await traffic.orm.em.fork().transactional(async (tx) => {
        await tx.execute('set local enable_seqscan = off');
        await tx.execute('set local enable_bitmapscan = off');
        await tx.execute('set local cpu_operator_cost = 1');
        return tx.execute<{ 'QUERY PLAN': string }[]>(
          `explain select count(*) from ${table} s where s.interval_start >= ? and ${hasOutcomesSql('s')}`,
          [filter.from],
        );
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain(
        `Index Only Scan using ${table}_outcomes`,
      );
    }
  });
});
