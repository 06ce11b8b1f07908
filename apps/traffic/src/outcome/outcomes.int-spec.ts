import { postGraphQL, postImportFile, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * PRODUCT-RESEARCH C, acceptance tests 1, 2 and 4. The fixture day on an instalment queue, twice:
 * queue FX-A gets its contacts first and its outcomes after (added to the rollups as they come);
 * queue FX-B gets its outcomes first (held) and its contacts after. 100 answered contacts, agents
 * E1 (1-60) and E2 (61-100); wrap-up code INFO on 1-95 (96-100 uncoded: compliance 0.95);
 * outcomes seq 2: 1-10 SALE_INST with amounts 1,000.00 … 10,000.00 of product P3 (margin 3 %),
 * 11-40 DECLINED (offers), 41-80 INFO eligible, 81-85 SAVE, 86-88 LOST, 89-90 CANCEL.
 */
const DAY = '2026-05-04';
const HEADER =
  'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at';

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }`;

function contacts(queue: string): Record<string, unknown>[] {
  return Array.from({ length: 100 }, (_, i) => {
    const n = i + 1;
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(9 + Math.floor(i / 60)).padStart(2, '0');
    return {
      source: queue,
      externalId: `c${n}`,
      channel: 'VOICE',
      queue,
      agent: n <= 60 ? 'E1' : 'E2',
      arrivedAt: `${DAY}T${hour}:${minute}:00Z`,
      answeredAt: `${DAY}T${hour}:${minute}:05Z`,
      endedAt: `${DAY}T${hour}:${minute}:50Z`,
      outcome: 'ANSWERED',
      wrapupCode: n <= 95 ? 'INFO' : null,
    };
  });
}

function outcomes(source: string): string {
  const line = (
    n: number,
    code: string,
    extra: { product?: string; amount?: string; offer?: boolean; eligible?: boolean },
  ) =>
    `${source},c${n},2,${code},${extra.product ?? ''},${extra.amount ?? ''},,${extra.offer ?? false},${extra.eligible ?? false},E1,${DAY}T12:00:00Z`;
  const rows: string[] = [];
  for (let n = 1; n <= 10; n += 1)
    rows.push(line(n, 'SALE_INST', { product: 'P3', amount: `${n * 1000}.00`, offer: true, eligible: true }));
  for (let n = 11; n <= 40; n += 1) rows.push(line(n, 'DECLINED', { offer: true, eligible: true }));
  for (let n = 41; n <= 80; n += 1) rows.push(line(n, 'INFO', { eligible: true }));
  for (let n = 81; n <= 85; n += 1) rows.push(line(n, 'SAVE', {}));
  for (let n = 86; n <= 88; n += 1) rows.push(line(n, 'LOST', {}));
  for (let n = 89; n <= 90; n += 1) rows.push(line(n, 'CANCEL', {}));
  return [HEADER, ...rows].join('\n');
}

const FIELDS =
  'queueCode employeeNo answered eligible offers sales saves lost cancellations salesAmount revenue offerRate conversionRate retentionSaveRate revenuePerContact dispositionCompliance';

describe('contact outcomes in the rollups', () => {
  let traffic: TestSubgraph;
  const sql = <T>(text: string, params: unknown[] = []) =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);
  const importOutcomes = (body: string) => postImportFile(traffic.url, '/import/outcomes?format=csv', body);
  const ingest = async (queue: string) => {
    const answer = await postGraphQL(traffic.url, INGEST, { c: contacts(queue) });
    expect(answer.data?.ingestContacts).toEqual({ inserted: 100, rejected: 0 });
  };
  const stats = async (groupBy: string[]) => {
    const answer = await postGraphQL<{ trafficStats: Record<string, unknown>[] }>(
      traffic.url,
      `query($by: [StatsDimension!]) { trafficStats(filter: { from: "${DAY}T00:00:00Z", to: "2026-05-05T00:00:00Z" }, granularity: TOTAL, groupBy: $by) { ${FIELDS} } }`,
      { by: groupBy },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.trafficStats ?? [];
  };

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    await sql(`insert into disposition_code (code, version, parent_code, outcome_class, name_zh, name_en, requires_amount, requires_product, valid_from, valid_to) values
      ('INFO', 1, null, 'INFO_ONLY', '咨询', 'Information', false, false, '2020-01-01', null),
      ('SALE_INST', 1, null, 'INSTALLMENT', '分期', 'Instalment sale', true, true, '2020-01-01', null),
      ('DECLINED', 1, null, 'OFFER_MADE_DECLINED', '拒绝', 'Declined', false, false, '2020-01-01', null),
      ('SAVE', 1, null, 'RETENTION_SAVE', '挽留成功', 'Saved', false, false, '2020-01-01', null),
      ('LOST', 1, null, 'RETENTION_LOST', '挽留失败', 'Lost', false, false, '2020-01-01', null),
      ('CANCEL', 1, null, 'CANCELLATION_PROCESSED', '销卡', 'Cancelled', false, false, '2020-01-01', null),
      ('OLD', 1, null, 'SALE', '旧', 'Retired', false, false, '2020-01-01', '2026-01-01')`);
    await sql(
      `insert into product (code, name_zh, name_en, family, margin_rate) values ('P3', '分期', 'Instalment', 'INSTALLMENT', 0.03)`,
    );
    await sql(`insert into queue (id, code, channel, created_at) values
      (gen_random_uuid(), 'FX-A', 'VOICE', now()), (gen_random_uuid(), 'FX-B', 'VOICE', now())`);
    await sql(`insert into queue_disposition (queue_id, code, required)
      select q.id, c.code, true from queue q cross join (select distinct code from disposition_code where code <> 'OLD') c`);
  });
  afterAll(() => traffic.stop());

  it('contacts then outcomes (FX-A) and outcomes then contacts (FX-B) give the same figures, the research’s exactly', async () => {
    await ingest('FX-A');
    const a = await importOutcomes(outcomes('FX-A'));
    expect(a.events.at(-1)).toMatchObject({ type: 'report', read: 90, inserted: 90, held: 0, rejected: 0 });
    const b = await importOutcomes(outcomes('FX-B'));
    expect(b.events.at(-1)).toMatchObject({ type: 'report', inserted: 90, held: 90, rejected: 0 });
    await ingest('FX-B');
    const byQueue = await stats(['QUEUE']);
    const expected = {
      employeeNo: null,
      answered: 100,
      eligible: 80,
      offers: 40,
      sales: 10,
      saves: 5,
      lost: 3,
      cancellations: 2,
      salesAmount: '55000.00',
      revenue: '1650.000000',
      offerRate: 0.5,
      conversionRate: 0.25,
      retentionSaveRate: 0.5,
      revenuePerContact: 16.5,
      dispositionCompliance: 0.95,
    };
    expect(byQueue.find((r) => r.queueCode === 'FX-A')).toEqual({ queueCode: 'FX-A', ...expected });
    expect(byQueue.find((r) => r.queueCode === 'FX-B')).toEqual({ queueCode: 'FX-B', ...expected });
  });

  it('Performance.traffic carries the outcome KPIs of a queue (what kpi reads)', async () => {
    const [{ id }] = await sql<{ id: string }>("select id from queue where code = 'FX-B'");
    const answer = await postGraphQL<{ _entities: { traffic: Record<string, number | null> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic {
         offerRate conversionRate retentionSaveRate revenuePerContact dispositionCompliance salesPerHour } } } }`,
      {
        r: [
          {
            __typename: 'Performance',
            scopeType: 'QUEUE',
            scopeId: id,
            from: `${DAY}T00:00:00Z`,
            to: '2026-05-05T00:00:00Z',
            agents: [],
          },
        ],
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities[0].traffic).toEqual({
      offerRate: 0.5,
      conversionRate: 0.25,
      retentionSaveRate: 0.5,
      revenuePerContact: 16.5,
      dispositionCompliance: 0.95,
      salesPerHour: null, // no agent states in this fixture (formula: outcome-metrics.spec.ts)
    });
  });

  it('per-agent rows sum to the queue row', async () => {
    const rows = (await stats(['QUEUE', 'AGENT'])).filter((r) => r.queueCode === 'FX-A');
    expect(rows.map((r) => r.employeeNo).sort()).toEqual(['E1', 'E2']);
    for (const field of ['answered', 'eligible', 'offers', 'sales', 'saves', 'lost', 'cancellations'])
      expect(rows.reduce((sum, r) => sum + (r[field] as number), 0)).toBe(
        { answered: 100, eligible: 80, offers: 40, sales: 10, saves: 5, lost: 3, cancellations: 2 }[field],
      );
    expect(rows.map((r) => Number(r.salesAmount)).reduce((x, y) => x + y)).toBe(55000);
    // revenue too: 1,650.00 at 3 % split between the two agents
    expect(rows.map((r) => Number(r.revenue)).reduce((x, y) => x + y)).toBe(1650);
  });

  it('importing the same outcomes again changes nothing', async () => {
    const before = await stats(['QUEUE']);
    const again = await importOutcomes(outcomes('FX-A'));
    expect(again.events.at(-1)).toMatchObject({ type: 'report', inserted: 0, duplicates: 90 });
    expect(await stats(['QUEUE'])).toEqual(before);
  });

  it('a second outcome on an already coded contact counts the contact once', async () => {
    const before = (await stats(['QUEUE'])).find((r) => r.queueCode === 'FX-A');
    const more = await importOutcomes(
      `${HEADER}\nFX-A,c1,3,SALE_INST,P3,100.00,,true,true,E1,${DAY}T12:30:00Z\nFX-A,c96,3,INFO,,,,false,false,E2,${DAY}T12:30:00Z`,
    );
    expect(more.events.at(-1)).toMatchObject({ inserted: 2, rejected: 0 });
    const after = (await stats(['QUEUE'])).find((r) => r.queueCode === 'FX-A');
    // c1 already sold: one more sale outcome and 3.00 of revenue, not one more sale; c96 now coded
    expect(after).toMatchObject({
      sales: 10,
      offers: 40,
      salesAmount: '55100.00',
      revenue: '1653.000000',
      dispositionCompliance: 0.96,
    });
    expect(before).toMatchObject({ dispositionCompliance: 0.95 });
  });

  it('refuses each bad row naming its field, and writes none of them', async () => {
    const [{ count: stored }] = await sql<{ count: string }>('select count(*) from contact_outcome');
    const before = await stats(['QUEUE', 'AGENT']);
    const bad = [
      `FX-A,c50,4,NOPE,,,,false,false,,${DAY}T12:00:00Z`,
      `FX-A,c50,5,OLD,,,,false,false,,${DAY}T12:00:00Z`,
      `FX-A,c50,6,SALE_INST,P3,,,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,7,SALE_INST,P3,-5.00,,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,8,SALE_INST,P3,1.005,,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,9,SALE_INST,P3,10.00,XXX,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,10,SALE_INST,,10.00,,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,11,SALE_INST,NOPE,10.00,,true,true,,${DAY}T12:00:00Z`,
      `FX-A,c50,12,INFO,,,,maybe,false,,${DAY}T12:00:00Z`,
      `FX-A,c50,13,INFO,,,,false,false,,yesterday`,
      `FX-A,c50,0,INFO,,,,false,false,,${DAY}T12:00:00Z`,
    ];
    const answer = await importOutcomes([HEADER, ...bad].join('\n'));
    const rejected = answer.events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field]);
    expect(rejected).toEqual([
      [2, 'code'],
      [3, 'code'],
      [4, 'amount'],
      [5, 'amount'],
      [6, 'amount'],
      [7, 'currency'],
      [8, 'product_code'],
      [9, 'product_code'],
      [10, 'offer_made'],
      [11, 'recorded_at'],
      [12, 'seq'],
    ]);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 11, inserted: 0, rejected: 11 });
    expect(await sql('select count(*) from contact_outcome')).toEqual([{ count: stored }]);
    expect(await stats(['QUEUE', 'AGENT'])).toEqual(before);
  });

  it('reads NDJSON too, with the same checks', async () => {
    const body = [
      { source: 'FX-A', external_id: 'c41', seq: 4, code: 'SAVE', recorded_at: `${DAY}T13:00:00Z` },
      {
        source: 'FX-A',
        external_id: 'c42',
        seq: 4,
        code: 'SAVE',
        amount: 1.234,
        recorded_at: `${DAY}T13:00:00Z`,
      },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const answer = await postImportFile(traffic.url, '/import/outcomes?format=ndjson', body);
    expect(answer.events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field])).toEqual([
      [2, 'amount'],
    ]);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 2, inserted: 1, rejected: 1 });
    expect((await stats(['QUEUE'])).find((r) => r.queueCode === 'FX-A')).toMatchObject({ saves: 6 });
  });

  it('refuses a caller who may not write contacts', async () => {
    const answer = await postImportFile(traffic.url, '/import/outcomes?format=csv', outcomes('FX-A'), {
      subject: 'viewer',
      roles: ['AGENT'],
    } as never);
    expect(answer.status).toBe(403);
  });
});
