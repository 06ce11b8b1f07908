import type { EntityManager } from '@mikro-orm/postgresql';
import { parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { leavesAlreadySerialized, unserializedLeaves } from '@switchboard/subgraph-kit';
import { postGraphQL, postImportFile, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Granularity, StatsDimension } from '../common/enums';
import { trafficSubgraph } from '../traffic.subgraph';
import { StatsFilter } from './stats.input';
import { trafficStats } from './traffic-stats.service';
import { SERIALIZED_STATS_TYPES } from './traffic-stats.type';

/**
 * traffic lists TrafficStatsRow in serializedTypes: a compiled query copies its Int, Float, String,
 * ID and enum leaves as the service gives them, without GraphQL's serializers. So the service must
 * give each of them exactly as GraphQL writes it (exact money as a string, counts as integers, no
 * NaN, no null or missing value in a non-null field), for every field asked alone (the resolver sums
 * only the columns of the fields asked for) and for all of them (the CSV export): else an answer
 * would change silently. Data with outcomes, money, a queue requiring a code, repeat callers (FCR),
 * an abandoned call and IVR.
 */
const DAY = '2026-05-05';

describe('trafficStats rows as GraphQL writes them (the compiled fast path copies their leaves)', () => {
  let traffic: TestSubgraph;
  let schema: GraphQLSchema;
  let row: GraphQLObjectType;
  /** The row's leaves (its entity fields, resolved from ids, are other types). */
  const leaves = () =>
    Object.keys(row.getFields()).filter((f) => !['queue', 'agent', 'center', 'team'].includes(f));
  const sql = <T>(text: string, params: unknown[] = []) =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);
  const filter = () =>
    Object.assign(new StatsFilter(), {
      from: new Date(`${DAY}T00:00:00Z`),
      to: new Date(`2026-05-06T00:00:00Z`),
      timeZone: 'Asia/Shanghai',
      fcrWindowDays: 7,
    });

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    schema = (await trafficSubgraph.buildSchema()).schema;
    row = schema.getType('TrafficStatsRow') as GraphQLObjectType;
    await sql(`insert into disposition_code (code, version, outcome_class, name_zh, name_en, requires_amount, requires_product, valid_from)
      values ('SALE_C', 1, 'SALE', 's', 's', false, false, '2020-01-01'), ('SAVE', 1, 'RETENTION_SAVE', 'r', 'r', false, false, '2020-01-01')`);
    await sql(
      `insert into product (code, name_zh, name_en, family, margin_rate) values ('P1', 'p', 'p', 'INSTALLMENT', '0.0125')`,
    );
    await sql(`insert into queue (id, code, channel, created_at) values
      (gen_random_uuid(), 'SQ-REQ', 'VOICE', now()), (gen_random_uuid(), 'SQ-FREE', 'CHAT', now())`);
    await sql(`insert into queue_disposition (queue_id, code, required)
      select q.id, c.code, true from queue q cross join disposition_code c where q.code = 'SQ-REQ'`);
    const contact = (n: number, queue: string, hour: number, outcome: string, wrapupCode: string | null) => ({
      source: 'SSRC',
      externalId: `s${n}`,
      channel: queue === 'SQ-REQ' ? 'VOICE' : 'CHAT',
      queue: outcome === 'IVR' ? null : queue,
      agent: outcome === 'ANSWERED' ? `E${n % 2}` : null,
      customerKey: `C${n % 3}`,
      arrivedAt: `${DAY}T0${hour}:1${n % 6}:00Z`,
      answeredAt: outcome === 'ANSWERED' ? `${DAY}T0${hour}:1${n % 6}:20Z` : null,
      endedAt: `${DAY}T0${hour}:1${n % 6}:50Z`,
      holdSeconds: n % 4,
      outcome,
      wrapupCode,
    });
    const answer = await postGraphQL<{ ingestContacts: { inserted: number } }>(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          contact(1, 'SQ-REQ', 1, 'ANSWERED', 'SALE_C'),
          contact(2, 'SQ-REQ', 1, 'ANSWERED', null),
          contact(3, 'SQ-REQ', 2, 'ABANDONED', null),
          contact(4, 'SQ-FREE', 1, 'ANSWERED', 'SAVE'),
          contact(5, 'SQ-FREE', 3, 'ANSWERED', null),
          contact(6, 'SQ-REQ', 3, 'IVR', null),
        ],
      },
    );
    expect(answer.data?.ingestContacts.inserted).toBe(6);
    const outcomes = await postImportFile(
      traffic.url,
      '/import/outcomes?format=csv',
      [
        'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at',
        `SSRC,s1,2,SALE_C,P1,1234.56,,true,true,E1,${DAY}T20:00:00Z`,
      ].join('\n'),
    );
    expect(outcomes.status).toBe(200);
  });
  afterAll(() => traffic.stop());

  it('is listed, and a query of every leaf of the rows copies them', () => {
    expect(trafficSubgraph.serializedTypes).toEqual(SERIALIZED_STATS_TYPES);
    const document = parse(
      `{ trafficStats(filter: {from: "", to: ""}, granularity: HOUR) { ${leaves().join(' ')} } }`,
    );
    expect(leavesAlreadySerialized(schema, document, new Set(SERIALIZED_STATS_TYPES))).toBe(true);
  });

  it('gives every leaf, asked alone or with all the others, as GraphQL writes it', async () => {
    const em = traffic.orm.em.fork() as EntityManager;
    let rows = 0;
    for (const groupBy of [[StatsDimension.QUEUE], [StatsDimension.AGENT, StatsDimension.CHANNEL], []]) {
      for (const granularity of [Granularity.HOUR, Granularity.TOTAL]) {
        const all = await trafficStats(em, filter(), granularity, groupBy, { fcr: true });
        expect(unserializedLeaves(row, all)).toEqual([]);
        rows += all.length;
        for (const field of leaves()) {
          const alone = await trafficStats(em, filter(), granularity, groupBy, {
            fcr: field === 'fcrRate',
            metrics: [field],
          });
          expect(unserializedLeaves(row, alone, [field])).toEqual([]);
        }
      }
    }
    expect(rows).toBeGreaterThan(8);
  });

  it('answers the compiled fast path as graphql-js would (money as exact text, nulls where rates have no denominator)', async () => {
    const answer = await postGraphQL<{ trafficStats: Record<string, unknown>[] }>(
      traffic.url,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL, groupBy: [QUEUE]) {
        intervalStart queueCode channel offered answered abandonRate sales salesAmount revenue conversionRate dispositionCompliance } }`,
      { f: { from: `${DAY}T00:00:00Z`, to: `2026-05-06T00:00:00Z`, timeZone: 'Asia/Shanghai' } },
    );
    expect(answer.errors).toBeUndefined();
    const byQueue = new Map((answer.data?.trafficStats ?? []).map((r) => [r.queueCode, r]));
    expect(byQueue.get('SQ-REQ')).toEqual({
      intervalStart: '2026-05-05T00:00:00.000Z',
      queueCode: 'SQ-REQ',
      channel: null,
      offered: 3,
      answered: 2,
      abandonRate: 1 / 3,
      sales: 1,
      salesAmount: '1234.56',
      revenue: '15.432000',
      conversionRate: 1,
      dispositionCompliance: 0.5,
    });
    expect(byQueue.get('SQ-FREE')).toMatchObject({ sales: 0, salesAmount: '0.00', conversionRate: null });
  });
});
