import { databaseFingerprint, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

const SAVE = `mutation($i: DispositionCodeInput!) { saveDispositionCode(input: $i) {
  code version parentCode nameEn outcomeClass requiresAmount validFrom validTo } }`;

/** Issue 20 item 5: disposition codes as a versioned list written through the API. */
describe('saveDispositionCode', () => {
  let traffic: TestSubgraph;
  const save = (input: Record<string, unknown>) =>
    postGraphQL<{ saveDispositionCode: Record<string, unknown> }>(traffic.url, SAVE, {
      i: {
        nameZh: '分期',
        nameEn: 'Instalment',
        outcomeClass: 'INSTALLMENT',
        validFrom: '2026-01-01',
        ...input,
      },
    });

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  it('adds a first version, then a new one that ends the first on its first day', async () => {
    expect((await save({ code: 'SALES' })).data?.saveDispositionCode).toMatchObject({ version: 1 });
    const first = await save({ code: 'SALES.INST', parentCode: 'SALES', requiresAmount: true });
    expect(first.data?.saveDispositionCode).toEqual({
      code: 'SALES.INST',
      version: 1,
      parentCode: 'SALES',
      nameEn: 'Instalment',
      outcomeClass: 'INSTALLMENT',
      requiresAmount: true,
      validFrom: '2026-01-01',
      validTo: null,
    });
    const second = await save({ code: 'SALES.INST', nameEn: 'Instalment plan', validFrom: '2026-06-01' });
    expect(second.data?.saveDispositionCode).toMatchObject({
      version: 2,
      validFrom: '2026-06-01',
      validTo: null,
    });
    const listed = await postGraphQL<{
      dispositionCodes: { code: string; version: number; validTo: string | null }[];
    }>(traffic.url, '{ dispositionCodes { code version validTo } }');
    expect(listed.data?.dispositionCodes.filter((c) => c.code === 'SALES.INST')).toEqual([
      { code: 'SALES.INST', version: 1, validTo: '2026-06-01' },
      { code: 'SALES.INST', version: 2, validTo: null },
    ]);
  });

  it('refuses a version not after the current one, an unknown parent and bad values, writing nothing', async () => {
    const before = await databaseFingerprint(traffic.orm);
    const late = await save({ code: 'SALES.INST', validFrom: '2026-06-01' });
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(late.errors?.[0].message).toContain('input.validFrom');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'X', parentCode: 'NOPE' }, 'input.parentCode'],
      [{ code: 'X', parentCode: 'X' }, 'input.parentCode'],
      [{ code: 'has space' }, 'input.code'],
      [{ code: 'X', outcomeClass: 'JACKPOT' }, 'input.outcomeClass'],
      [{ code: 'X', nameEn: '  ' }, 'input.nameEn'],
      [{ code: 'X', nameZh: 'a\u0000b' }, 'nameZh'],
      [{ code: 'X', validFrom: '2026-02-30' }, 'input.validFrom'],
    ];
    for (const [input, field] of cases) {
      const answer = await save(input);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].message).toContain(field);
    }
    expect(await databaseFingerprint(traffic.orm)).toEqual(before);
  });
});
