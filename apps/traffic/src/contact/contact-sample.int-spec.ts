import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

interface Drawn {
  source: string;
  externalId: string;
  channel: string;
  queueCode: string | null;
  agent: { employeeNo: string } | null;
}

const SAMPLE = `query($f: ContactSampleInput!) { contactSample(filter: $f) {
  source externalId channel queueCode agent { employeeNo } } }`;

/** 3 agents × 20 answered contacts on 2026-05-04 (10 voice in SAMPLE-V, 10 chat in SAMPLE-C), plus noise. */
function contacts() {
  const rows = [];
  for (const agent of ['S1', 'S2', 'S3']) {
    for (let i = 0; i < 20; i += 1) {
      const arrived = new Date(Date.UTC(2026, 4, 4, 1, i * 3));
      const voice = i % 2 === 0;
      rows.push({
        source: 'sample-test',
        externalId: `${agent}-${i}`,
        channel: voice ? 'VOICE' : 'CHAT',
        queue: voice ? 'SAMPLE-V' : 'SAMPLE-C',
        agent,
        arrivedAt: arrived.toISOString(),
        answeredAt: new Date(arrived.getTime() + 10_000).toISOString(),
        endedAt: new Date(arrived.getTime() + 100_000).toISOString(),
        outcome: 'ANSWERED',
      });
    }
  }
  // Abandoned and out-of-period contacts are never drawn.
  rows.push({
    source: 'sample-test',
    externalId: 'abandoned',
    channel: 'VOICE',
    queue: 'SAMPLE-V',
    arrivedAt: '2026-05-04T05:00:00Z',
    endedAt: '2026-05-04T05:01:00Z',
    outcome: 'ABANDONED',
  });
  return rows;
}

describe('contacts: reference by source and externalId, reproducible samples', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }',
      { c: contacts() },
    );
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 61, rejected: 0 } });
  });
  afterAll(() => traffic.stop());

  const draw = async (filter: Record<string, unknown>): Promise<Drawn[]> => {
    const response = await postGraphQL<{ contactSample: Drawn[] }>(traffic.url, SAMPLE, {
      f: {
        from: '2026-05-04T00:00:00Z',
        to: '2026-05-05T00:00:00Z',
        perAgent: 3,
        seed: 'week-19',
        ...filter,
      },
    });
    expect(response.errors).toBeUndefined();
    return response.data?.contactSample ?? [];
  };

  it('draws N answered contacts per agent, the same ones for the same seed', async () => {
    const first = await draw({});
    expect(first).toHaveLength(9);
    expect(first.map((c) => c.agent?.employeeNo)).toEqual([
      'S1',
      'S1',
      'S1',
      'S2',
      'S2',
      'S2',
      'S3',
      'S3',
      'S3',
    ]);
    expect(first.every((c) => c.externalId.startsWith(`${c.agent?.employeeNo}-`))).toBe(true);
    expect(await draw({})).toEqual(first);
    const other = await draw({ seed: 'week-20' });
    expect(other.map((c) => c.externalId)).not.toEqual(first.map((c) => c.externalId));
  });

  it('filters by agent, queue and channel; fewer when an agent has fewer', async () => {
    const chat = await draw({ channels: ['CHAT'], employeeNos: ['S2'], perAgent: 50 });
    expect(chat).toHaveLength(10);
    expect(new Set(chat.map((c) => c.queueCode))).toEqual(new Set(['SAMPLE-C']));
    const voice = await draw({ queueCodes: ['SAMPLE-V'], perAgent: 2 });
    expect(voice).toHaveLength(6);
    expect(voice.every((c) => c.channel === 'VOICE')).toBe(true);
    // A larger sample starts with the smaller one: the draw order does not depend on N.
    const more = await draw({ queueCodes: ['SAMPLE-V'], perAgent: 4, employeeNos: ['S1'] });
    expect(more.slice(0, 2)).toEqual(voice.slice(0, 2));
  });

  it('rejects a bad period naming the field', async () => {
    const response = await postGraphQL(traffic.url, SAMPLE, {
      f: { from: '2026-05-04T00:00:00Z', to: '2026-05-04T00:00:00Z', perAgent: 1, seed: 's' },
    });
    expect(response.errors?.[0]).toMatchObject({
      message: 'to: must be after from',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('resolves Contact references in one statement per batch, null for an unknown key', async () => {
    const representations = [
      ...Array.from({ length: 20 }, (_, i) => ({
        __typename: 'Contact',
        source: 'sample-test',
        externalId: `S3-${i}`,
      })),
      { __typename: 'Contact', source: 'sample-test', externalId: 'nope' },
    ];
    const { result, statements } = await traffic.sql.count(() =>
      postGraphQL<{ _entities: (Drawn | null)[] }>(
        traffic.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact {
          source externalId channel queueCode agent { employeeNo } } } }`,
        { r: representations },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(21);
    expect(result.data?._entities[0]).toEqual({
      source: 'sample-test',
      externalId: 'S3-0',
      channel: 'VOICE',
      queueCode: 'SAMPLE-V',
      agent: { employeeNo: 'S3' },
    });
    expect(result.data?._entities[20]).toBeNull();
    expect(statements).toHaveLength(1);
  });
  it('contactsByKeys: the same batch as a root query, in the order asked, null where unknown (issue 17)', async () => {
    const keys = [
      ...Array.from({ length: 30 }, (_, i) => ({ source: 'sample-test', externalId: `S1-${i % 20}` })),
      { source: 'sample-test', externalId: 'nope' },
      { source: 'other', externalId: 'S2-0' },
      { source: 'sample-test', externalId: 'S2-7' },
    ];
    const { result, statements } = await traffic.sql.count(() =>
      postGraphQL<{ contactsByKeys: (Drawn | null)[] }>(
        traffic.url,
        `query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) {
          source externalId channel queueCode agent { employeeNo } } }`,
        { k: keys },
      ),
    );
    expect(result.errors).toBeUndefined();
    const found = result.data?.contactsByKeys ?? [];
    expect(found.map((c) => c?.externalId ?? null)).toEqual([
      ...keys.slice(0, 30).map((k) => k.externalId),
      null,
      null,
      'S2-7',
    ]);
    expect(found[32]).toEqual({
      source: 'sample-test',
      externalId: 'S2-7',
      channel: 'CHAT',
      queueCode: 'SAMPLE-C',
      agent: { employeeNo: 'S2' },
    });
    expect(statements).toHaveLength(1);
  });

  it('contactsByKeys refuses more than 500 keys, naming the argument', async () => {
    const keys = Array.from({ length: 501 }, (_, i) => ({ source: 'sample-test', externalId: `k${i}` }));
    const response = await postGraphQL(
      traffic.url,
      'query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { externalId } }',
      { k: keys },
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/^keys: /);
  });
});
