import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/*
 * Customer R1: VOICE 05-01 10:00, WECHAT 05-05 09:00 (4 days later), APP 05-20 (15 days later);
 * R2: one contact 05-02; a contact without a customer key 05-03.
 * Within 7 days: R1's first yes, its second no (15 days), its third no (last); R2's no; no key: null.
 * Within 30 days: R1's second yes too.
 */
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour)).toISOString();
const contact = (externalId: string, customerKey: string | null, channel: string, arrivedAt: string) => ({
  source: 'repeat-test',
  externalId,
  channel,
  queue: 'REPEAT-Q',
  agent: 'RP1',
  customerKey,
  arrivedAt,
  answeredAt: arrivedAt,
  endedAt: new Date(new Date(arrivedAt).getTime() + 60_000).toISOString(),
  outcome: 'ANSWERED',
});
const KEYS = ['r1-a', 'r1-b', 'r1-c', 'r2-a', 'nokey'].map((externalId) => ({
  source: 'repeat-test',
  externalId,
}));
const QUERY = `query($k: [ContactKeyInput!]!, $d: Int!) {
  contactsByKeys(keys: $k) { externalId week: repeatedWithin month: repeatedWithin(days: $d) } }`;

describe('Contact.repeatedWithin (the FCR repeat rule per contact)', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          contact('r1-a', 'R1', 'VOICE', at(1)),
          contact('r1-b', 'R1', 'WECHAT', at(5, 9)),
          contact('r1-c', 'R1', 'APP', at(20)),
          contact('r2-a', 'R2', 'VOICE', at(2)),
          contact('nokey', null, 'VOICE', at(3)),
        ],
      },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 5 } });
  });
  afterAll(() => traffic.stop());

  it('says whether the customer came back on any channel within the window, in one statement per window', async () => {
    const { result, statements } = await traffic.sql.count(() =>
      postGraphQL<{ contactsByKeys: { externalId: string; week: boolean | null; month: boolean | null }[] }>(
        traffic.url,
        QUERY,
        { k: KEYS, d: 30 },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.contactsByKeys.map((c) => [c.externalId, c.week, c.month])).toEqual([
      ['r1-a', true, true],
      ['r1-b', false, true],
      ['r1-c', false, false],
      ['r2-a', false, false],
      ['nokey', null, null],
    ]);
    // the contacts, then one statement for each window
    expect(statements.filter((s) => /exists \(select 1 from contact n/.test(s))).toHaveLength(2);
  });

  it('refuses a window outside 1 to 30 days, naming days', async () => {
    for (const d of [0, 31]) {
      const answer = await postGraphQL(traffic.url, QUERY, { k: KEYS.slice(0, 1), d });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(/days/);
    }
  });
});
