import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * FCR by the repeat-contact rule (METRICS.md), hand-computed. Window 7 days, strictly after arrival:
 *  f1 K1 answered 03-10 09:00, K1 again 03-12 (f2)            -> f1 not resolved
 *  f2 K1 answered 03-12 09:00, nothing later                    -> resolved
 *  f3 K2 answered 03-10 10:00, K2 again 8 days later by chat    -> resolved (outside the window)
 *  f4 K2 chat abandoned 03-18                                   -> not eligible (not answered)
 *  f5 no customer key, answered                                 -> not eligible
 *  f6 K3 answered 03-10 11:00, K3 in the IVR exactly 7 days on  -> not resolved (window end inclusive)
 *  f7 K4 answered 03-11 08:00, K4 writes by email 03-11 09:00     -> not resolved (any channel)
 * Eligible f1 f2 f3 f6 f7 = 5, resolved f2 f3 = 2: FCR 0.4. With a 1-day window only f7 stays
 * unresolved: 4 / 5.
 */
const contact = (
  externalId: string,
  customerKey: string | null,
  arrivedAt: string,
  extra: Record<string, unknown> = {},
) => ({
  source: 'fcr',
  externalId,
  channel: 'VOICE',
  queue: 'Q-FCR',
  customerKey,
  arrivedAt,
  answeredAt: new Date(Date.parse(arrivedAt) + 5000).toISOString(),
  endedAt: new Date(Date.parse(arrivedAt) + 60_000).toISOString(),
  outcome: 'ANSWERED',
  ...extra,
});

const CONTACTS = [
  contact('f1', 'K1', '2026-03-10T09:00:00Z'),
  contact('f2', 'K1', '2026-03-12T09:00:00Z'),
  contact('f3', 'K2', '2026-03-10T10:00:00Z'),
  contact('f4', 'K2', '2026-03-18T10:00:01Z', {
    channel: 'CHAT',
    queue: 'Q-FCR-CHAT',
    answeredAt: null,
    outcome: 'ABANDONED',
  }),
  contact('f5', null, '2026-03-10T12:00:00Z'),
  contact('f6', 'K3', '2026-03-10T11:00:00Z'),
  contact('f6-ivr', 'K3', '2026-03-17T11:00:00Z', { queue: null, answeredAt: null, outcome: 'IVR' }),
  contact('f7', 'K4', '2026-03-11T08:00:00Z'),
  contact('f7-email', 'K4', '2026-03-11T09:00:00Z', { channel: 'EMAIL', queue: 'Q-FCR-EMAIL' }),
];

describe('first-contact resolution', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }`,
      { c: CONTACTS },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 9 } });
  });
  afterAll(() => traffic.stop());

  const fcr = (extra: Record<string, unknown>, granularity = 'TOTAL') =>
    postGraphQL<{ trafficStats: { intervalStart: string; fcrRate: number | null; answered: number }[] }>(
      traffic.url,
      `query($f: StatsFilter!, $g: Granularity!) { trafficStats(filter: $f, granularity: $g) { intervalStart answered fcrRate } }`,
      {
        f: { from: '2026-03-10T00:00:00Z', to: '2026-03-13T00:00:00Z', queueCodes: ['Q-FCR'], ...extra },
        g: granularity,
      },
    );

  it('counts a repeat within the window, any channel or queue, as unresolved', async () => {
    const response = await fcr({});
    expect(response.errors).toBeUndefined();
    expect(response.data?.trafficStats).toEqual([
      { intervalStart: '2026-03-10T00:00:00.000Z', answered: 6, fcrRate: 0.4 },
    ]);
  });

  it('takes the window as an argument', async () => {
    expect((await fcr({ fcrWindowDays: 1 })).data?.trafficStats[0].fcrRate).toBe(4 / 5);
    const bad = await fcr({ fcrWindowDays: 0 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('fcrWindowDays');
  });

  it('reports per interval, null where no answered contact had a customer key', async () => {
    const days = (await fcr({}, 'DAY')).data?.trafficStats ?? [];
    expect(days.map((d) => [d.intervalStart.slice(0, 10), d.fcrRate])).toEqual([
      ['2026-03-10', 1 / 3],
      ['2026-03-11', 0],
      ['2026-03-12', 1],
    ]);
    const withoutKeys = await fcr({ from: '2026-03-10T12:00:00Z', to: '2026-03-10T12:15:00Z' });
    expect(withoutKeys.data?.trafficStats).toEqual([
      { intervalStart: '2026-03-10T12:00:00.000Z', answered: 1, fcrRate: null },
    ]);
  });
});
