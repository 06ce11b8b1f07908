import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  databaseFingerprint,
  postGraphQL,
  startGatewayDouble,
  startTestSubgraph,
  type GatewayDouble,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Issue 20 (PRODUCT-RESEARCH A1/E6): the frequent-contacter list. On 2026-05-04, queue FC-A of
 * center A: customer K1 calls 4 times (3 answered by agent F1, 60 s handle each, one abandoned),
 * K2 twice for 1,000 s each (agent F2), K3 once; queue FC-B of center B: K4 calls 3 times (agent
 * F3); contacts without a customer key count for nobody. With 3 or more contacts: K1 then K4; with
 * 1,800 s of handle time or more too: K2 joins.
 */
const DAY = '2026-05-04';
const ids = { a: randomUUID(), b: randomUUID(), team: randomUUID() };
const QUERY = `query($f: DateTimeISO!, $t: DateTimeISO!, $min: Int!, $h: Float, $c: [ID!], $n: Int!) {
  frequentContacters(from: $f, to: $t, minContacts: $min, minHandleSeconds: $h, centerIds: $c, first: $n) {
    customerKey customer { customerKey } contacts answered handleSeconds channels firstContactAt lastContactAt } }`;

let n = 0;
const call = (
  queue: string,
  agent: string | null,
  customerKey: string | null,
  hour: number,
  handle: number,
  channel = 'VOICE',
) => {
  n += 1;
  const at = `${DAY}T${String(hour).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  return {
    source: 'fc',
    externalId: `fc-${n}`,
    channel,
    queue,
    agent,
    customerKey,
    arrivedAt: `${at}:00Z`,
    answeredAt: agent ? `${at}:10Z` : null,
    endedAt: new Date(Date.parse(`${at}:10Z`) + (agent ? handle - 20 : 0) * 1000).toISOString(),
    acwSeconds: agent ? 20 : 0,
    outcome: agent ? 'ANSWERED' : 'ABANDONED',
  };
};

/** Care's segments at ingest (a gateway double): K4 is VIP, K1 SENSITIVE, the others STANDARD. */
const CARE_SEGMENTS: Record<string, string> = { K4: 'VIP', K1: 'SENSITIVE' };

describe('frequentContacters', () => {
  let traffic: TestSubgraph;
  let care: GatewayDouble;
  const ask = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    postGraphQL<{ frequentContacters: Record<string, unknown>[] }>(
      traffic.url,
      QUERY,
      { f: `${DAY}T00:00:00Z`, t: '2026-05-05T00:00:00Z', min: 3, n: 50, ...variables },
      headers,
    );

  beforeAll(async () => {
    care = await startGatewayDouble({
      resolve: ({ variables }) => ({
        customerSegments: (variables.k as string[]).map((key) => ({
          key,
          segment: CARE_SEGMENTS[key] ?? 'STANDARD',
        })),
      }),
    });
    traffic = await startTestSubgraph(trafficSubgraph, {
      scopeSource: staticScopeSource({
        centers: { A: { id: ids.a, teams: [] }, B: { id: ids.b, teams: [] } },
        teams: { T: { id: ids.team, employeeNos: ['F2'] } },
      }),
    });
    const contacts = [
      call('FC-A', 'F1', 'K1', 9, 60),
      call('FC-A', 'F1', 'K1', 10, 60, 'CHAT'),
      call('FC-A', 'F1', 'K1', 11, 60),
      call('FC-A', null, 'K1', 12, 0),
      call('FC-A', 'F2', 'K2', 9, 1000),
      call('FC-A', 'F2', 'K2', 13, 1000),
      call('FC-A', 'F1', 'K3', 9, 60),
      call('FC-B', 'F3', 'K4', 9, 60),
      call('FC-B', 'F3', 'K4', 10, 60),
      call('FC-B', 'F3', 'K4', 11, 60),
      call('FC-A', 'F1', null, 14, 60),
      call('FC-A', 'F1', null, 15, 60),
      call('FC-A', 'F1', null, 16, 60),
    ];
    const ingest = await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }',
      {
        c: contacts,
      },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: contacts.length, rejected: 0 } });
    const sql = traffic.orm.em.fork().getConnection();
    await sql.execute(`update queue set center_id = ? where code = 'FC-A'`, [ids.a]);
    await sql.execute(`update queue set center_id = ? where code = 'FC-B'`, [ids.b]);
  });
  afterAll(async () => {
    await traffic.stop();
    await care.close();
  });

  it('lists customers with 3 or more contacts, most first, with their figures and care’s reference', async () => {
    const answer = await ask({});
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.frequentContacters).toEqual([
      {
        customerKey: 'K1',
        customer: { customerKey: 'K1' },
        contacts: 4,
        answered: 3,
        handleSeconds: 180,
        channels: ['VOICE', 'CHAT'].sort(),
        firstContactAt: expect.stringMatching(/^2026-05-04T09:/),
        lastContactAt: expect.stringMatching(/^2026-05-04T12:/),
      },
      expect.objectContaining({ customerKey: 'K4', contacts: 3, answered: 3, handleSeconds: 180 }),
    ]);
  });

  it('adds the customers with long handle times, and keeps to the centers asked', async () => {
    const long = await ask({ h: 1800 });
    expect(long.data?.frequentContacters.map((c) => [c.customerKey, c.handleSeconds])).toEqual([
      ['K1', 180],
      ['K4', 180],
      ['K2', 2000],
    ]);
    const centerA = await ask({ h: 1800, c: [ids.a.toUpperCase()] });
    expect(centerA.data?.frequentContacters.map((c) => c.customerKey)).toEqual(['K1', 'K2']);
    const first = await ask({ min: 1, n: 2 });
    expect(first.data?.frequentContacters.map((c) => c.customerKey)).toEqual(['K1', 'K4']);
  });

  it('counts only the contacts the caller sees', async () => {
    const manager = await authorizationFor(traffic.url, {
      subject: 'm',
      roles: ['CENTER_MANAGER'],
      centers: ['B'],
      teams: [],
    });
    expect((await ask({ h: 1800 }, manager)).data?.frequentContacters.map((c) => c.customerKey)).toEqual([
      'K4',
    ]);
    const lead = await authorizationFor(traffic.url, {
      subject: 'l',
      roles: ['TEAM_LEAD'],
      centers: [],
      teams: ['T'],
    });
    expect(
      (await ask({ min: 1 }, lead)).data?.frequentContacters.map((c) => [c.customerKey, c.contacts]),
    ).toEqual([['K2', 2]]);
  });

  it('keeps to the segments asked, by the segment stamped on their latest contact', async () => {
    const answer = await postGraphQL<{ frequentContacters: { customerKey: string; segment: string }[] }>(
      traffic.url,
      `query($f: DateTimeISO!, $t: DateTimeISO!, $s: [CustomerSegment!]) {
        frequentContacters(from: $f, to: $t, minContacts: 1, segments: $s) { customerKey segment } }`,
      { f: `${DAY}T00:00:00Z`, t: '2026-05-05T00:00:00Z', s: ['VIP', 'SENSITIVE'] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.frequentContacters).toEqual([
      { customerKey: 'K1', segment: 'SENSITIVE' },
      { customerKey: 'K4', segment: 'VIP' },
    ]);
    const all = await postGraphQL<{ frequentContacters: { customerKey: string; segment: string }[] }>(
      traffic.url,
      `query($f: DateTimeISO!, $t: DateTimeISO!) { frequentContacters(from: $f, to: $t, minContacts: 1) { customerKey segment } }`,
      { f: `${DAY}T00:00:00Z`, t: '2026-05-05T00:00:00Z' },
    );
    expect(all.data?.frequentContacters.find((c) => c.customerKey === 'K2')?.segment).toBe('STANDARD');
  });

  it('answers in one statement', async () => {
    const counted = await traffic.sql.count(() => ask({ h: 1800 }));
    expect(counted.result.errors).toBeUndefined();
    expect(counted.statements).toHaveLength(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await databaseFingerprint(traffic.orm);
    const cases: [Record<string, unknown>, string][] = [
      [{ min: 0 }, 'minContacts'],
      [{ h: -5 }, 'minHandleSeconds'],
      [{ n: 501 }, 'first'],
      [{ c: ['nope'] }, 'centerIds[0]'],
      [{ f: '2026-05-04T00:07:00Z' }, 'from'],
      [{ t: '2026-05-03T00:00:00Z' }, 'to'],
    ];
    const fiveSegments = await postGraphQL(
      traffic.url,
      `query { frequentContacters(from: "${DAY}T00:00:00Z", to: "2026-05-05T00:00:00Z",
        segments: [VIP, VIP, SENSITIVE, VULNERABLE, STANDARD]) { customerKey } }`,
    );
    expect(fiveSegments.errors?.[0]).toMatchObject({
      message: expect.stringContaining('segments') as string,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    for (const [variables, field] of cases) {
      const answer = await ask(variables);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].message).toContain(field);
    }
    expect(await databaseFingerprint(traffic.orm)).toEqual(before);
  });
});
