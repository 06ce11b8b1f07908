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

describe('half hours and hours in zones offset by 15, 30 or 45 minutes', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }`,
      {
        c: [
          call('ktm', '2026-04-01T00:20:00Z'), // 06:05 in Kathmandu (+5:45)
          call('lhi-dst', '2026-04-04T12:10:00Z'), // 23:10 on Lord Howe (+11)
          call('lhi-std', '2026-04-05T12:10:00Z'), // 22:40 on Lord Howe (+10:30 from 5 April)
        ],
      },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 3 } });
  });
  afterAll(() => traffic.stop());

  const started = async (granularity: string, from: string, to: string, timeZone: string) => {
    const answer = await postGraphQL<{ trafficStats: { intervalStart: string; answered: number }[] }>(
      traffic.url,
      `query($f: StatsFilter!, $g: Granularity!) { trafficStats(filter: $f, granularity: $g) { intervalStart answered } }`,
      { f: { from, to, timeZone }, g: granularity },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.trafficStats.filter((r) => r.answered > 0).map((r) => r.intervalStart);
  };

  it('starts them on the local clock in Kathmandu', async () => {
    const period = ['2026-03-31T18:15:00Z', '2026-04-01T18:15:00Z', 'Asia/Kathmandu'] as const;
    expect(await started('THIRTY_MINUTES', ...period)).toEqual(['2026-04-01T00:15:00.000Z']);
    expect(await started('HOUR', ...period)).toEqual(['2026-04-01T00:15:00.000Z']);
  });

  it('follows Lord Howe’s half-hour DST change for hours', async () => {
    const hours = await started(
      'HOUR',
      '2026-04-04T00:00:00Z',
      '2026-04-06T00:00:00Z',
      'Australia/Lord_Howe',
    );
    // 23:00 local at +11, then 22:00 local at +10:30
    expect(hours).toEqual(['2026-04-04T12:00:00.000Z', '2026-04-05T11:30:00.000Z']);
  });
});
