import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Europe/Paris: 2026-03-29 springs forward (02:00 CET -> 03:00 CEST, a 23-hour day); 2026-10-25
 * falls back (03:00 CEST -> 02:00 CET: the hour 02:00-03:00 happens twice, as two intervals).
 */
const call = (externalId: string, arrivedAt: string) => ({
  source: 'dst',
  externalId,
  channel: 'VOICE',
  queue: 'Q-DST',
  arrivedAt,
  answeredAt: new Date(Date.parse(arrivedAt) + 10_000).toISOString(),
  endedAt: new Date(Date.parse(arrivedAt) + 60_000).toISOString(),
  outcome: 'ANSWERED',
});

describe('statistics across daylight-saving changes', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }`,
      {
        c: [
          call('spring-before', '2026-03-28T23:30:00Z'), // 00:30 local, 29 March
          call('spring-after', '2026-03-29T21:30:00Z'), // 23:30 local, 29 March (CEST)
          call('fall-first', '2026-10-25T00:10:00Z'), // 02:10 CEST
          call('fall-second', '2026-10-25T01:10:00Z'), // 02:10 CET, one hour later
        ],
      },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 4 } });
  });
  afterAll(() => traffic.stop());

  const stats = (granularity: string, from: string, to: string) =>
    postGraphQL<{ trafficStats: { intervalStart: string; answered: number }[] }>(
      traffic.url,
      `query($f: StatsFilter!, $g: Granularity!) { trafficStats(filter: $f, granularity: $g) { intervalStart answered } }`,
      { f: { from, to, timeZone: 'Europe/Paris' }, g: granularity },
    );

  it('counts the short spring day as one local day', async () => {
    const days = await stats('DAY', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z');
    expect(days.data?.trafficStats).toEqual([{ intervalStart: '2026-03-28T23:00:00.000Z', answered: 2 }]);
  });

  it('keeps the repeated autumn hour apart', async () => {
    const hours = await stats('HOUR', '2026-10-24T22:00:00Z', '2026-10-25T03:00:00Z');
    expect(hours.data?.trafficStats.filter((h) => h.answered > 0)).toEqual([
      { intervalStart: '2026-10-25T00:00:00.000Z', answered: 1 },
      { intervalStart: '2026-10-25T01:00:00.000Z', answered: 1 },
    ]);
    const day = await stats('DAY', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z');
    expect(day.data?.trafficStats).toEqual([{ intervalStart: '2026-10-24T22:00:00.000Z', answered: 2 }]);
  });
});
