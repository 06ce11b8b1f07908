import {
  authorizationFor,
  caller,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

interface Row {
  source: string;
  externalId: string;
  arrivedAt: string;
  agent: { employeeNo: string } | null;
  customerKey: string | null;
}

const OF_CUSTOMER = `query($k: [String!]!, $first: Int!, $before: ContactCursorInput) {
  contactsOfCustomer(customerKeys: $k, first: $first, before: $before) { source externalId arrivedAt customerKey agent { employeeNo } } }`;

/** Customer K1: 7 contacts (two at the same instant) by agents C1 and C2; K2: one by C3. */
function contacts() {
  const at = (minute: number) => new Date(Date.UTC(2026, 4, 4, 1, minute)).toISOString();
  const row = (externalId: string, key: string, agent: string, minute: number) => ({
    source: 'cust-test',
    externalId,
    channel: minute % 2 ? 'WECHAT' : 'VOICE',
    queue: 'CUST-Q',
    agent,
    customerKey: key,
    arrivedAt: at(minute),
    answeredAt: at(minute),
    endedAt: at(minute + 1),
    outcome: 'ANSWERED',
  });
  return [
    ...[0, 5, 10, 15, 20].map((m, i) => row(`k1-${i}`, 'K1', i % 2 ? 'C2' : 'C1', m)),
    row('k1-tie-a', 'K1', 'C1', 30),
    row('k1-tie-b', 'K1', 'C2', 30),
    row('k2-0', 'K2', 'C3', 3),
  ];
}

describe("a customer's contacts, newest first (care's timeline)", () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      { c: contacts() },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 8 } });
  });
  afterAll(() => traffic.stop());

  const page = async (first: number, before: Row | null) =>
    (
      await postGraphQL<{ contactsOfCustomer: Row[] }>(traffic.url, OF_CUSTOMER, {
        k: ['K1'],
        first,
        before: before && {
          arrivedAt: before.arrivedAt,
          source: before.source,
          externalId: before.externalId,
        },
      })
    ).data?.contactsOfCustomer ?? [];

  it("gives care's matcher the contacts of several customers that arrived after a watermark, oldest first", async () => {
    const after = async (keys: string[], arrivedAfter: string) =>
      (
        await postGraphQL<{ contactsOfCustomers: Row[] }>(
          traffic.url,
          `query($k: [String!]!, $a: DateTimeISO!) {
            contactsOfCustomers(customerKeys: $k, arrivedAfter: $a) { externalId customerKey } }`,
          { k: keys, a: arrivedAfter },
        )
      ).data?.contactsOfCustomers.map((r) => r.externalId);
    expect(await after(['K1', 'K2'], '2026-05-04T01:04:00.000Z')).toEqual([
      'k1-1',
      'k1-2',
      'k1-3',
      'k1-4',
      'k1-tie-a',
      'k1-tie-b',
    ]);
    // strictly after: the contact at the watermark itself was seen already
    expect(await after(['K2', 'K1'], '2026-05-04T01:00:00.000Z')).toEqual([
      'k2-0',
      'k1-1',
      'k1-2',
      'k1-3',
      'k1-4',
      'k1-tie-a',
      'k1-tie-b',
    ]);
    expect(await after(['nobody'], '2020-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('pages by (arrivedAt, source, externalId) descending without gaps or repeats, ties included', async () => {
    const all = await page(50, null);
    expect(all.map((r) => r.externalId)).toEqual([
      'k1-tie-b',
      'k1-tie-a',
      'k1-4',
      'k1-3',
      'k1-2',
      'k1-1',
      'k1-0',
    ]);
    const paged: Row[] = [];
    let before: Row | null = null;
    for (;;) {
      const rows = await page(2, before);
      if (!rows.length) break;
      paged.push(...rows);
      before = rows[rows.length - 1];
    }
    expect(paged).toEqual(all);
  });

  it('scopes to the caller: an agent sees only the contacts they handled', async () => {
    const answer = await postGraphQL<{ contactsOfCustomer: Row[] }>(
      traffic.url,
      OF_CUSTOMER,
      { k: ['K1', 'K2'], first: 50 },
      await authorizationFor(traffic.url, caller('AGENT', { employeeNo: 'C2' })),
    );
    expect(new Set(answer.data?.contactsOfCustomer.map((r) => r.agent?.employeeNo))).toEqual(new Set(['C2']));
  });

  it('tells which keys the given agents served', async () => {
    const answer = await postGraphQL<{ customersWithContacts: string[] }>(
      traffic.url,
      '{ served: customersWithContacts(customerKeys: ["K1", "K2", "K3"], employeeNos: ["C3"]) any: customersWithContacts(customerKeys: ["K1", "K2", "K3"]) }',
    );
    expect(answer.data).toEqual({ served: ['K2'], any: ['K1', 'K2'] });
  });

  it('refuses a page size out of range', async () => {
    const answer = await postGraphQL(traffic.url, OF_CUSTOMER, { k: ['K1'], first: 0 });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
