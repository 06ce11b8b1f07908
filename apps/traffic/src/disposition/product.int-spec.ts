import {
  databaseFingerprint,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

const CREATE = `mutation($i: ProductInput!) { createProduct(input: $i) {
  code nameZh nameEn family marginRate initialMarginRate margins { validFrom validTo marginRate } } }`;
const MARGIN = `mutation($i: ProductMarginInput!) { setProductMargin(input: $i) {
  code marginRate margins { validFrom validTo marginRate } } }`;
const HEADER =
  'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at';

/** Issue 20: products written through the API, their margin versioned by day. */
describe('createProduct and setProductMargin', () => {
  let traffic: TestSubgraph;
  const sql = <T>(text: string, params: unknown[] = []) =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);
  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createProduct: Record<string, unknown> }>(traffic.url, CREATE, {
      i: { nameZh: '金卡', nameEn: 'Gold card', family: 'CARD', marginRate: '0.03', ...input },
    });
  const margin = (input: Record<string, unknown>) =>
    postGraphQL<{ setProductMargin: Record<string, unknown> }>(traffic.url, MARGIN, {
      i: { code: 'GOLD', marginRate: '0.05', ...input },
    });

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  it('creates a product, then dated margin versions, each ending the one before on its first day', async () => {
    expect((await create({ code: 'GOLD' })).data?.createProduct).toEqual({
      code: 'GOLD',
      nameZh: '金卡',
      nameEn: 'Gold card',
      family: 'CARD',
      marginRate: 0.03,
      initialMarginRate: '0.030000',
      margins: [],
    });
    await margin({ validFrom: '2098-01-01' });
    const second = await margin({ marginRate: '0.0425', validFrom: '2099-06-01' });
    // today is before both versions: the rate in force is still the initial one
    expect(second.data?.setProductMargin).toEqual({
      code: 'GOLD',
      marginRate: 0.03,
      margins: [
        { validFrom: '2098-01-01', validTo: '2099-06-01', marginRate: '0.050000' },
        { validFrom: '2099-06-01', validTo: null, marginRate: '0.042500' },
      ],
    });
    const listed = await postGraphQL<{ products: { code: string; margins: unknown[] }[] }>(
      traffic.url,
      '{ products { code margins { validFrom } } }',
    );
    expect(listed.data?.products.find((p) => p.code === 'GOLD')?.margins).toHaveLength(2);
  });

  it('refuses a duplicate code, bad values, an overlapping or past version and an unknown product, writing nothing', async () => {
    const before = await databaseFingerprint(traffic.orm);
    const refusals: [
      Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>,
      string,
      string,
    ][] = [
      [create({ code: 'GOLD' }), 'CONFLICT', 'input.code'],
      [create({ code: 'NEW', family: 'CRYPTO' }), 'BAD_USER_INPUT', 'input.family'],
      [create({ code: 'NEW', marginRate: '-0.01' }), 'BAD_USER_INPUT', 'input.marginRate'],
      [create({ code: 'NEW', marginRate: '1.0001' }), 'BAD_USER_INPUT', 'input.marginRate'],
      [create({ code: 'NEW', marginRate: '0.12345' }), 'BAD_USER_INPUT', 'input.marginRate'],
      [create({ code: 'NEW', nameEn: ' ' }), 'BAD_USER_INPUT', 'input.nameEn'],
      [create({ code: 'a b' }), 'BAD_USER_INPUT', 'input.code'],
      // the version from 2099-06-01 is the latest: a new one must start after it
      [margin({ validFrom: '2099-06-01' }), 'CONFLICT', 'input.validFrom'],
      [margin({ validFrom: '2098-06-01' }), 'CONFLICT', 'input.validFrom'],
      [margin({ validFrom: '2020-01-01' }), 'BAD_USER_INPUT', 'input.validFrom'],
      [margin({ validFrom: '2100-02-30' }), 'BAD_USER_INPUT', 'input.validFrom'],
      [margin({ validFrom: '2100-01-01', marginRate: '1.5' }), 'BAD_USER_INPUT', 'input.marginRate'],
      [margin({ validFrom: '2100-01-01', marginRate: '0.00001' }), 'BAD_USER_INPUT', 'input.marginRate'],
      [margin({ validFrom: '2100-01-01', code: 'NOPE' }), 'NOT_FOUND', 'input.code'],
    ];
    for (const [answer, code, field] of refusals) {
      const { errors } = await answer;
      expect([errors?.[0].extensions?.code, errors?.[0].message]).toEqual([
        code,
        expect.stringContaining(field),
      ]);
    }
    expect(await databaseFingerprint(traffic.orm)).toEqual(before);
  });

  it('prices each sale at the margin in force on its contact’s day', async () => {
    // P4: created at 3 %, 5 % from 2026-05-05 on (a version set before that day)
    await sql(`insert into disposition_code (code, version, parent_code, outcome_class, name_zh, name_en, requires_amount, requires_product, valid_from, valid_to)
      values ('SALE_P', 1, null, 'SALE', '销售', 'Sale', true, true, '2020-01-01', null)`);
    await create({ code: 'P4', marginRate: '0.03' });
    await sql(
      `insert into product_margin (product_code, valid_from, valid_to, margin_rate) values ('P4', '2026-05-05', null, 0.05)`,
    );
    const contact = (n: number, day: string) => ({
      source: 'MG',
      externalId: `m${n}`,
      channel: 'VOICE',
      queue: 'MG',
      agent: 'E1',
      arrivedAt: `${day}T10:00:00Z`,
      answeredAt: `${day}T10:00:05Z`,
      endedAt: `${day}T10:01:00Z`,
      outcome: 'ANSWERED',
    });
    const ingested = await postGraphQL(
      traffic.url,
      `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }`,
      { c: [contact(1, '2026-05-04'), contact(2, '2026-05-05')] },
    );
    expect(ingested.data).toEqual({ ingestContacts: { inserted: 2 } });
    const file = [
      HEADER,
      'MG,m1,2,SALE_P,P4,1000.00,,true,true,E1,2026-05-04T10:01:00Z',
      'MG,m2,2,SALE_P,P4,1000.00,,true,true,E1,2026-05-05T10:01:00Z',
    ].join('\n');
    const imported = await postImportFile(traffic.url, '/import/outcomes?format=csv', file);
    expect(imported.events.at(-1)).toMatchObject({ type: 'report', inserted: 2, rejected: 0 });
    const revenue = async (from: string, to: string) => {
      const answer = await postGraphQL<{ trafficStats: { revenue: string }[] }>(
        traffic.url,
        `{ trafficStats(filter: { from: "${from}", to: "${to}", queueCodes: ["MG"] }, granularity: TOTAL) { revenue } }`,
      );
      expect(answer.errors).toBeUndefined();
      return Number(answer.data?.trafficStats[0].revenue);
    };
    // 1,000.00 × 3 % on the 4th, 1,000.00 × 5 % on the 5th
    expect(await revenue('2026-05-04T00:00:00Z', '2026-05-05T00:00:00Z')).toBe(30);
    expect(await revenue('2026-05-05T00:00:00Z', '2026-05-06T00:00:00Z')).toBe(50);
    expect(await revenue('2026-05-04T00:00:00Z', '2026-05-06T00:00:00Z')).toBe(80);
  });
});
