import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startGatewayDouble,
  startTestSubgraph,
  type GatewayDouble,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const queue = randomUUID();
const SYNC = `mutation($q: [ID!]!, $f: DateTimeISO!, $t: DateTimeISO!, $m: Int!) {
  syncVolumesFromTraffic(queueIds: $q, from: $f, to: $t, intervalMinutes: $m) }`;

/** Stands in for the gateway: traffic's trafficStats grouped by queue and channel, and every request it got. */
describe('History from traffic’s rollups', () => {
  let wfm: TestSubgraph;
  let gateway: GatewayDouble;
  const requests: { query: string; variables: Record<string, unknown> }[] = [];
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;

  beforeAll(async () => {
    gateway = await startGatewayDouble({
      asGateway: false,
      resolve: (request) => {
        requests.push(request);
        const start = Date.parse((request.variables.f as { from: string }).from);
        return {
          trafficStats: [
            {
              intervalStart: new Date(start).toISOString(),
              queueId: queue.toUpperCase(),
              channel: 'VOICE',
              offered: 12,
              ahtSeconds: 200,
            },
            {
              intervalStart: new Date(start).toISOString(),
              queueId: queue,
              channel: 'CHAT',
              offered: 3,
              ahtSeconds: null,
            },
          ],
        };
      },
    });
    process.env.SWITCHBOARD_GATEWAY_URL = gateway.url;
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', queue).source,
    });
  });
  afterAll(async () => {
    await wfm.stop();
    await gateway.close();
    process.env.SWITCHBOARD_GATEWAY_URL = previousUrl;
  });

  it('reads a period’s interval volumes through the gateway a week per request, and writes them once', async () => {
    const answer = await postGraphQL<{ syncVolumesFromTraffic: number }>(wfm.url, SYNC, {
      q: [queue],
      f: '2026-10-01T00:00:00Z',
      t: '2026-10-15T00:00:00Z',
      m: 30,
    });
    expect(answer.errors).toBeUndefined();
    expect(requests).toHaveLength(2);
    expect(requests[0].query).toContain('trafficStats');
    expect(requests[0].variables).toMatchObject({ g: 'THIRTY_MINUTES', f: { queueIds: [queue] } });
    expect(answer.data?.syncVolumesFromTraffic).toBe(4);
    const rows = await wfm.orm.em
      .fork()
      .getConnection()
      .execute(
        'select channel, offered, source from wfm_interval_volume where queue_id = ? order by interval_start, channel',
        [queue],
      );
    expect(rows).toEqual([
      { channel: 'CHAT', offered: 3, source: 'TRAFFIC' },
      { channel: 'VOICE', offered: 12, source: 'TRAFFIC' },
      { channel: 'CHAT', offered: 3, source: 'TRAFFIC' },
      { channel: 'VOICE', offered: 12, source: 'TRAFFIC' },
    ]);
    const before = await databaseFingerprint(wfm.orm);
    await postGraphQL(wfm.url, SYNC, {
      q: [queue],
      f: '2026-10-01T00:00:00Z',
      t: '2026-10-15T00:00:00Z',
      m: 30,
    });
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it.each([
    ['an interval traffic does not roll up', { m: 20 }, 'intervalMinutes'],
    ['an unknown queue', { q: [randomUUID()] }, 'queueIds'],
    ['a malformed queue id', { q: ['Q1'] }, 'queueIds[0]'],
    ['a period that ends before it starts', { t: '2026-09-01T00:00:00Z' }, 'to'],
  ])('refuses %s, naming the field, and writes nothing', async (_, change, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL(wfm.url, SYNC, {
      q: [queue],
      f: '2026-10-01T00:00:00Z',
      t: '2026-10-02T00:00:00Z',
      m: 30,
      ...change,
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });
});
