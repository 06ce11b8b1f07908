import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Hand-computed figures. Queue Q-CARDS (T = 20 s, S = 5 s), 2026-03-02 (a Monday), UTC:
 *  09:00 c1 answered after 10 s, talk 170 s (+30 s hold), ACW 20 s, agent E1       wait 10
 *  09:05 c2 answered after 30 s, talk 100 s, ACW 10 s, agent E2, transferred      wait 30
 *  09:10 c3 abandoned after 3 s (short)                                          wait 3
 *  09:20 c4 abandoned after 40 s                                                 wait 40
 *  09:40 c5 answered after 20 s (= T, meets it), talk 60 s, agent E1             wait 20
 *  09:50 c6 IVR (self-service, no queue)
 *  10:05 c7 outbound answered, agent E1 (not offered)
 * 09:00-10:00: offered 5 (3 answered, 2 abandoned, 1 short); within T: c1, c5 = 2
 *   SL (excl. short) = 2 / (5 - 1) = 0.5; ASA = (10 + 30 + 20) / 3 = 20
 *   AHT = ((200+20) + (100+10) + 60) / 3 = 130; talk = (170 + 100 + 60) / 3 = 110; hold = 10; ACW = 10
 *   abandon rate = (2 - 1) / (5 - 1) = 0.25; max wait 40; transfer rate 1/3
 */
const at = (hhmmss: string): string => `2026-03-02T${hhmmss}Z`;
const CONTACTS = [
  {
    externalId: 'c1',
    agent: 'E1',
    arrivedAt: at('09:00:00'),
    answeredAt: at('09:00:10'),
    endedAt: at('09:03:30'),
    holdSeconds: 30,
    acwSeconds: 20,
    outcome: 'ANSWERED',
  },
  {
    externalId: 'c2',
    agent: 'E2',
    arrivedAt: at('09:05:00'),
    answeredAt: at('09:05:30'),
    endedAt: at('09:07:10'),
    acwSeconds: 10,
    outcome: 'ANSWERED',
    transferred: true,
  },
  { externalId: 'c3', arrivedAt: at('09:10:00'), endedAt: at('09:10:03'), outcome: 'ABANDONED' },
  { externalId: 'c4', arrivedAt: at('09:20:00'), endedAt: at('09:20:40'), outcome: 'ABANDONED' },
  {
    externalId: 'c5',
    agent: 'E1',
    arrivedAt: at('09:40:00'),
    answeredAt: at('09:40:20'),
    endedAt: at('09:41:20'),
    outcome: 'ANSWERED',
  },
  { externalId: 'c6', queue: null, arrivedAt: at('09:50:00'), endedAt: at('09:52:00'), outcome: 'IVR' },
  {
    externalId: 'c7',
    agent: 'E1',
    direction: 'OUTBOUND',
    arrivedAt: at('10:05:00'),
    answeredAt: at('10:05:05'),
    endedAt: at('10:06:00'),
    outcome: 'ANSWERED',
  },
].map((c) => ({ source: 'test', channel: 'VOICE', queue: 'Q-CARDS', ...c }));

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { received inserted duplicates rejected problems { line field reason } } }`;
const METRICS =
  'offered answered abandoned shortAbandoned answeredWithinThreshold serviceLevel asaSeconds ahtSeconds avgTalkSeconds avgHoldSeconds avgAcwSeconds abandonRate maxWaitSeconds transferRate ivrContainmentRate';

describe('traffic ingestion and statistics', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const first = await postGraphQL(traffic.url, INGEST, { c: CONTACTS });
    expect(first.errors).toBeUndefined();
    expect(first.data?.ingestContacts).toEqual({
      received: 7,
      inserted: 7,
      duplicates: 0,
      rejected: 0,
      problems: [],
    });
  });
  afterAll(() => traffic.stop());

  const stats = (granularity: string, groupBy: string[] = [], filter: Record<string, unknown> = {}) =>
    postGraphQL<{ trafficStats: Record<string, unknown>[] }>(
      traffic.url,
      `query($f: StatsFilter!, $g: Granularity!, $by: [StatsDimension!]) { trafficStats(filter: $f, granularity: $g, groupBy: $by) { intervalStart queueCode employeeNo channel ${METRICS} } }`,
      { f: { from: at('00:00:00'), to: '2026-03-03T00:00:00Z', ...filter }, g: granularity, by: groupBy },
    );

  it('re-importing the same contacts changes nothing', async () => {
    const again = await postGraphQL(traffic.url, INGEST, { c: CONTACTS });
    expect(again.data?.ingestContacts).toMatchObject({ inserted: 0, duplicates: 7, rejected: 0 });
    const hour = await stats('HOUR', ['QUEUE']);
    expect(
      hour.data?.trafficStats.find(
        (r) => r.queueCode === 'Q-CARDS' && r.intervalStart === '2026-03-02T09:00:00.000Z',
      ),
    ).toMatchObject({ offered: 5 });
  });

  it('computes every METRICS.md figure for the hour, by queue', async () => {
    const response = await stats('HOUR', ['QUEUE']);
    expect(response.errors).toBeUndefined();
    const nine = response.data?.trafficStats.find(
      (r) => r.queueCode === 'Q-CARDS' && r.intervalStart === '2026-03-02T09:00:00.000Z',
    );
    expect(nine).toEqual({
      intervalStart: '2026-03-02T09:00:00.000Z',
      queueCode: 'Q-CARDS',
      employeeNo: null,
      channel: null,
      offered: 5,
      answered: 3,
      abandoned: 2,
      shortAbandoned: 1,
      answeredWithinThreshold: 2,
      serviceLevel: 0.5,
      asaSeconds: 20,
      ahtSeconds: 130,
      avgTalkSeconds: 110,
      avgHoldSeconds: 10,
      avgAcwSeconds: 10,
      abandonRate: 0.25,
      maxWaitSeconds: 40,
      transferRate: 1 / 3,
      ivrContainmentRate: 0,
    });
  });

  it('sums 15-minute rollups into half hours and days, never averaging rates', async () => {
    const halves = (await stats('THIRTY_MINUTES')).data?.trafficStats ?? [];
    expect(halves.map((r) => [r.intervalStart, r.offered])).toEqual([
      ['2026-03-02T09:00:00.000Z', 4],
      ['2026-03-02T09:30:00.000Z', 1],
      ['2026-03-02T10:00:00.000Z', 0],
    ]);
    const [day] = (await stats('DAY')).data?.trafficStats ?? [];
    // c6 (IVR) counts toward containment: 1 / (1 + 5)
    expect(day).toMatchObject({ offered: 5, serviceLevel: 0.5, ivrContainmentRate: 1 / 6 });
  });

  it('groups by agent and reports days in the query time zone', async () => {
    const agents = (await stats('TOTAL', ['AGENT'])).data?.trafficStats ?? [];
    const e1 = agents.find((r) => r.employeeNo === 'E1');
    expect(e1).toMatchObject({
      answered: 2,
      ahtSeconds: (220 + 60) / 2,
      intervalStart: '2026-03-02T00:00:00.000Z',
    });
    const shanghai =
      (
        await stats('DAY', [], {
          timeZone: 'Asia/Shanghai',
          from: '2026-03-01T16:00:00Z',
          to: '2026-03-02T16:00:00Z',
        })
      ).data?.trafficStats ?? [];
    expect(shanghai.map((r) => r.intervalStart)).toEqual(['2026-03-01T16:00:00.000Z']);
  });

  it("gives an agent's row, and a filter on agents, no abandon rate: abandoned calls reached no agent (issue 17)", async () => {
    const agents = (await stats('TOTAL', ['AGENT'])).data?.trafficStats ?? [];
    const e1 = agents.find((r) => r.employeeNo === 'E1');
    expect(e1).toMatchObject({ answered: 2, abandoned: 0, abandonRate: null });
    // the calls no agent answered keep theirs, in the row without an agent
    const nobody = agents.find((r) => r.employeeNo === null);
    expect(nobody).toMatchObject({ offered: 2, abandoned: 2, shortAbandoned: 1, abandonRate: 1 });
    const filtered = (await stats('TOTAL', [], { employeeNos: ['E1'] })).data?.trafficStats ?? [];
    expect(filtered).toEqual([expect.objectContaining({ answered: 2, abandonRate: null })]);
    const whole = (await stats('TOTAL')).data?.trafficStats ?? [];
    expect(whole[0].abandonRate).toBeCloseTo(0.25, 12);
  });

  it('rejects bad records with reasons and stores the good ones', async () => {
    const response = await postGraphQL(traffic.url, INGEST, {
      c: [
        { ...CONTACTS[0], externalId: 'ok-1', queue: 'Q-OTHER' },
        { ...CONTACTS[0], externalId: 'bad-1', answeredAt: at('08:59:00') },
        { ...CONTACTS[2], externalId: 'bad-2', answeredAt: at('09:10:01') },
        { ...CONTACTS[0], externalId: 'bad-3', endedAt: at('09:00:05') },
      ],
    });
    expect(response.data?.ingestContacts).toEqual({
      received: 4,
      inserted: 1,
      duplicates: 0,
      rejected: 3,
      problems: [
        { line: 2, field: 'answered_at', reason: 'is before arrived_at' },
        { line: 3, field: 'outcome', reason: 'must be ANSWERED when answered_at is set' },
        { line: 4, field: 'ended_at', reason: 'is before answered_at' },
        { line: 4, field: 'hold_seconds', reason: 'is longer than the call after answer' },
      ],
    });
  });

  it.each([
    [{ from: '2026-03-02T09:07:00Z' }, 'filter.from'],
    [{ to: '2026-03-01T00:00:00Z' }, 'filter.to'],
    [{ timeZone: 'Mars/Base' }, 'timeZone'],
    [{ queueIds: ['x'] }, 'filter.queueIds'],
  ])('rejects the filter %j naming %s', async (filter, field) => {
    const response = await stats('HOUR', [], filter);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
  });

  it("rebuilds a queue's statistics when its threshold changes", async () => {
    const nineOf = async () =>
      (await stats('HOUR', ['QUEUE'])).data?.trafficStats.find(
        (r) => r.queueCode === 'Q-CARDS' && r.intervalStart === '2026-03-02T09:00:00.000Z',
      );
    const before = await nineOf();
    const queue = await postGraphQL<{ queue: { id: string } }>(
      traffic.url,
      '{ queue(code: "Q-CARDS") { id } }',
    );
    const update = await postGraphQL(
      traffic.url,
      `mutation($id: ID!) { updateQueue(id: $id, input: { serviceLevelThresholdSeconds: 30 }) { serviceLevelThresholdSeconds } }`,
      { id: queue.data?.queue.id },
    );
    expect(update.data?.updateQueue).toEqual({ serviceLevelThresholdSeconds: 30 });
    const after = await nineOf();
    // T 20 -> 30: c2 (answered after 30 s) now meets it; nothing else moves
    expect(after?.offered).toBe(before?.offered);
    expect(after?.answeredWithinThreshold).toBe((before?.answeredWithinThreshold as number) + 1);
    await postGraphQL(
      traffic.url,
      `mutation($id: ID!) { updateQueue(id: $id, input: { serviceLevelThresholdSeconds: 20 }) { id } }`,
      {
        id: queue.data?.queue.id,
      },
    );
    expect(await nineOf()).toEqual(before);
  });

  it("shows a queue's interval under way", async () => {
    const slot = (): number => Math.floor(Date.now() / 900_000) * 900_000;
    const before = slot();
    const arrived = new Date(before + 1000);
    const ingest = await postGraphQL(traffic.url, INGEST, {
      c: [
        {
          source: 'now',
          externalId: 'n1',
          channel: 'VOICE',
          queue: 'Q-NOW',
          arrivedAt: arrived.toISOString(),
          endedAt: new Date(arrived.getTime() + 7000).toISOString(),
          outcome: 'ABANDONED',
        },
      ],
    });
    expect(ingest.errors).toBeUndefined();
    const response = await postGraphQL<{ queue: { currentInterval: Record<string, unknown> } }>(
      traffic.url,
      '{ queue(code: "Q-NOW") { currentInterval { intervalStart offered abandoned maxWaitSeconds } } }',
    );
    const after = slot();
    const expected =
      after === before
        ? { intervalStart: new Date(before).toISOString(), offered: 1, abandoned: 1, maxWaitSeconds: 7 }
        : { intervalStart: new Date(after).toISOString(), offered: 0, abandoned: 0, maxWaitSeconds: null };
    // the slot can only be told apart from the answer if it did not change while the query ran
    if (response.data?.queue.currentInterval.intervalStart === expected.intervalStart) {
      expect(response.data?.queue.currentInterval).toEqual(expected);
    } else {
      expect(after).not.toBe(before);
    }
  });

  it("counts IVR containment over voice only, and names each row's queue", async () => {
    const day = '2026-03-20';
    const contact = (externalId: string, extra: Record<string, unknown>) => ({
      source: 'mix',
      externalId,
      arrivedAt: `${day}T10:00:00Z`,
      answeredAt: `${day}T10:00:05Z`,
      endedAt: `${day}T10:02:00Z`,
      outcome: 'ANSWERED',
      ...extra,
    });
    await postGraphQL(traffic.url, INGEST, {
      c: [
        contact('voice', { channel: 'VOICE', queue: 'MIX-VOICE' }),
        contact('chat', { channel: 'CHAT', queue: 'MIX-CHAT' }),
        contact('ivr', { channel: 'VOICE', queue: null, answeredAt: null, outcome: 'IVR' }),
      ],
    });
    const response = await postGraphQL<{ trafficStats: Record<string, unknown>[] }>(
      traffic.url,
      `query($f: StatsFilter!) {
        total: trafficStats(filter: $f, granularity: TOTAL) { offered ivrContainmentRate }
        byQueue: trafficStats(filter: $f, granularity: TOTAL, groupBy: [QUEUE]) { queueCode queue { code channel } offered }
      }`,
      { f: { from: `${day}T00:00:00Z`, to: '2026-03-21T00:00:00Z' } },
    );
    expect(response.errors).toBeUndefined();
    const data = response.data as unknown as Record<string, Record<string, unknown>[]>;
    // 2 offered (one voice, one chat), 1 IVR: containment = 1 / (1 + 1 voice offered)
    expect(data.total).toEqual([{ offered: 2, ivrContainmentRate: 0.5 }]);
    expect(
      data.byQueue
        .filter((r) => r.queueCode)
        .sort((a, b) => String(a.queueCode).localeCompare(String(b.queueCode))),
    ).toEqual([
      { queueCode: 'MIX-CHAT', queue: { code: 'MIX-CHAT', channel: 'CHAT' }, offered: 1 },
      { queueCode: 'MIX-VOICE', queue: { code: 'MIX-VOICE', channel: 'VOICE' }, offered: 1 },
    ]);
  });
});
