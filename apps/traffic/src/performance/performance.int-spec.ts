import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { AGENTS_BY_INDEX } from './performance-traffic.query';

const FROM = '2026-05-04T00:00:00.000Z';
const TO = '2026-05-05T00:00:00.000Z';
const at = (hh: number, mm: number, ss = 0) => new Date(Date.UTC(2026, 4, 4, hh, mm, ss)).toISOString();
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/**
 * Five inbound voice contacts on queue PERF-Q (T = 20 s, S = 5 s), worked by hand:
 *  c1 P1001 waits 10 s, talks 100 s (customer K1, who calls again 2 days later: c5, not resolved)
 *  c2 P1001 waits 30 s, talks 200 s, transferred (K2)
 *  c3 P1002 waits 5 s, talks 60 s (K3)
 *  c4 abandoned after 40 s (no agent)
 *  c5 P1002 waits 15 s, talks 90 s on 2026-05-06 (K1): outside the period
 * In the period: P1001 answered 2, within T 1, ASA 20 s, AHT 150 s, transfers 1/2, FCR 1/2 (c1 repeats);
 * team (P1001 + P1002): answered 3, within T 2, ASA 15 s, AHT 120 s, FCR 2/3;
 * queue and center: offered 4, answered 3, abandoned 1, SL 2 / 4 (no short abandons), abandon rate 1/4.
 */
function contact(id: string, agent: string | null, arrived: string, wait: number, talk: number, extra = {}) {
  return {
    source: 'perf-spec',
    externalId: id,
    channel: 'VOICE',
    queue: 'PERF-Q',
    agent,
    customerKey: `K-${id}`,
    arrivedAt: arrived,
    answeredAt: agent ? plus(arrived, wait) : null,
    endedAt: plus(arrived, wait + talk),
    outcome: agent ? 'ANSWERED' : 'ABANDONED',
    ...extra,
  };
}

describe('Performance.traffic', () => {
  let traffic: TestSubgraph;
  let queueId: string;
  const centerId = randomUUID();
  const otherCenterId = randomUUID();
  const centers = new KnownReferences().add('center', centerId, otherCenterId);

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, { referenceSource: centers.source });
    const ingested = await postGraphQL<{ ingestContacts: { inserted: number } }>(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          contact('c1', 'P1001', at(9, 0), 10, 100, { customerKey: 'K1' }),
          contact('c2', 'P1001', at(9, 30), 30, 200, { transferred: true }),
          contact('c3', 'P1002', at(10, 0), 5, 60),
          contact('c4', null, at(10, 15), 40, 0),
          contact('c5', 'P1002', new Date(Date.UTC(2026, 4, 6, 9)).toISOString(), 15, 90, {
            customerKey: 'K1',
          }),
        ],
      },
    );
    expect(ingested.data?.ingestContacts.inserted).toBe(5);
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    queueId = queues.data?.queues.find((q) => q.code === 'PERF-Q')?.id as string;
    await postGraphQL(
      traffic.url,
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      {
        id: queueId,
        c: centerId,
      },
    );
  });
  afterAll(() => traffic.stop());

  const record = (scopeType: string, scopeId: string, employeeNos: string[]) => ({
    __typename: 'Performance',
    scopeType,
    scopeId,
    from: FROM,
    to: TO,
    agents: employeeNos.map((employeeNo) => ({ employeeNo })),
  });
  const entities = (representations: unknown[]) =>
    postGraphQL<{ _entities: { traffic: Record<string, number | null> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic {
         offered answered abandoned answeredWithinThreshold serviceLevel asaSeconds ahtSeconds abandonRate
         transferRate fcrRate occupancy } } } }`,
      { r: representations },
    );

  it('sums an agent’s, a team’s, a queue’s and a center’s contacts (hand-computed)', async () => {
    const response = await entities([
      record('AGENT', randomUUID(), ['P1001']),
      record('TEAM', randomUUID(), ['P1001', 'P1002']),
      record('QUEUE', queueId, []),
      record('CENTER', centerId, []),
      record('TEAM', randomUUID(), []),
    ]);
    expect(response.errors).toBeUndefined();
    const [agent, team, queue, center, empty] = (response.data?._entities ?? []).map((e) => e.traffic);
    expect(agent).toMatchObject({
      offered: 2,
      answered: 2,
      answeredWithinThreshold: 1,
      asaSeconds: 20,
      ahtSeconds: 150,
    });
    expect(agent.transferRate).toBeCloseTo(0.5, 12);
    expect(agent.fcrRate).toBeCloseTo(0.5, 12);
    expect(team).toMatchObject({ answered: 3, answeredWithinThreshold: 2, asaSeconds: 15, ahtSeconds: 120 });
    expect(team.fcrRate).toBeCloseTo(2 / 3, 12);
    for (const whole of [queue, center]) {
      expect(whole).toMatchObject({ offered: 4, answered: 3, abandoned: 1, answeredWithinThreshold: 2 });
      expect(whole.serviceLevel).toBeCloseTo(0.5, 12);
      expect(whole.abandonRate).toBeCloseTo(0.25, 12);
    }
    // no contacts: zero counts, null rates (never 0 or NaN)
    expect(empty).toMatchObject({
      offered: 0,
      serviceLevel: null,
      asaSeconds: null,
      fcrRate: null,
      occupancy: null,
    });
  });

  it("says what a team's and an agent's figures are: handled, not offered; no abandon rate (issue 17)", async () => {
    const response = await postGraphQL<{ _entities: { traffic: Record<string, number | null> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic {
         queueOffered handled answered abandoned abandonRate } } } }`,
      {
        r: [
          record('TEAM', randomUUID(), ['P1001', 'P1002']),
          record('AGENT', randomUUID(), ['P1001']),
          record('CENTER', centerId, []),
          record('QUEUE', queueId, []),
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    const [team, agent, center, queue] = (response.data?._entities ?? []).map((e) => e.traffic);
    // the abandoned call c4 reached no agent: it is no team's, so a team's rate cannot be 0 "on target"
    expect(team).toEqual({ queueOffered: null, handled: 3, answered: 3, abandoned: 0, abandonRate: null });
    expect(agent).toEqual({ queueOffered: null, handled: 2, answered: 2, abandoned: 0, abandonRate: null });
    for (const whole of [center, queue]) {
      expect(whole).toMatchObject({ queueOffered: 4, handled: 3, abandoned: 1 });
      expect(whole.abandonRate).toBeCloseTo(0.25, 12);
    }
  });

  it('agrees with Agent.trafficSummary', async () => {
    const response = await postGraphQL<{ _entities: { trafficSummary: Record<string, number | null> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
         trafficSummary(from: "${FROM}", to: "${TO}") { offered answered serviceLevel asaSeconds ahtSeconds transferRate abandonRate } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: 'P1001' }] },
    );
    const mine = await entities([record('AGENT', randomUUID(), ['P1001'])]);
    expect(mine.data?._entities[0].traffic).toMatchObject(response.data?._entities[0].trafficSummary ?? {});
    // no abandon rate for an agent either way (issue 17): abandoned calls reached no agent
    expect(response.data?._entities[0].trafficSummary.abandonRate).toBeNull();
  });

  it('answers 3 or 60 records with the same statements (contacts, agent states)', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        record(i % 2 ? 'AGENT' : 'TEAM', randomUUID(), ['P1001', `P${2000 + i}`]),
      );
    const small = await traffic.sql.count(() => entities(batch(3)));
    const large = await traffic.sql.count(() => entities(batch(60)));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?._entities).toHaveLength(60);
    // sums, agent states, and first-contact resolution of the parts not counted before
    expect(small.statements).toHaveLength(3);
    expect(large.statements).toHaveLength(3);
    // the same parts again: their first-contact resolution is kept
    const again = await traffic.sql.count(() => entities(batch(60)));
    expect(again.statements).toHaveLength(2);
    expect(again.result).toEqual(large.result);
  });

  it("reads a center's sums from the queue rollup and an agent's by agent, not every agent's rows (issue 23)", async () => {
    const rollupReads = async (representations: unknown[]) => {
      const { statements, result } = await traffic.sql.count(() => entities(representations));
      expect(result.errors).toBeUndefined();
      const sums = statements.find((sql) => sql.includes('center_queues as materialized')) ?? '';
      return {
        queueRollup: /\bqueue_interval_stat\b/.test(sums),
        agentRollup: /[^_]interval_stat\b/.test(sums),
        byAgent: sums.includes('x.agent_key = g.ref'),
        traffic: result.data?._entities[0].traffic,
      };
    };
    const center = await rollupReads([record('CENTER', centerId, [])]);
    expect(center).toMatchObject({ queueRollup: true, agentRollup: false, byAgent: false });
    expect(center.traffic).toMatchObject({ offered: 4, answered: 3, abandoned: 1 });
    const agent = await rollupReads([record('AGENT', randomUUID(), ['P1001'])]);
    expect(agent).toMatchObject({ queueRollup: false, agentRollup: true, byAgent: true });
    expect(agent.traffic).toMatchObject({ answered: 2, answeredWithinThreshold: 1 });
    // a batch of more agents (a center's drill-down) reads the period once, with the same sums
    const many = await rollupReads([
      record('AGENT', randomUUID(), ['P1001']),
      ...Array.from({ length: AGENTS_BY_INDEX }, (_, i) => record('AGENT', randomUUID(), [`P${3000 + i}`])),
    ]);
    expect(many).toMatchObject({ queueRollup: false, agentRollup: true, byAgent: false });
    expect(many.traffic).toEqual(agent.traffic);
  });

  it("reads a center's and a queue's trend by (queue, bucket) from the queue rollup (hand-computed, issue 23)", async () => {
    // three buckets of the day: c1 (within T) | c2 (30 s) | c3 (within T) and c4 (abandoned)
    const cuts = [FROM, at(9, 15), at(10, 0), TO];
    const buckets = (scopeType: string, scopeId: string) =>
      cuts.slice(1).map((to, i) => ({ ...record(scopeType, scopeId, []), from: cuts[i], to }));
    const { statements, result } = await traffic.sql.count(() =>
      entities([...buckets('CENTER', centerId), ...buckets('QUEUE', queueId)]),
    );
    expect(result.errors).toBeUndefined();
    const sums = statements.find((sql) => sql.includes('center_queues as materialized')) ?? '';
    // each pair reads its own queue's rows of its bucket, not every queue's rows once per pair
    expect(sums).toContain('x.queue_key = g.queue_key');
    expect(sums).toContain('x.queue_key = g.ref');
    const parts = (result.data?._entities ?? []).map((e) => e.traffic);
    const expected = [
      { offered: 1, answered: 1, abandoned: 0, answeredWithinThreshold: 1 },
      { offered: 1, answered: 1, abandoned: 0, answeredWithinThreshold: 0 },
      { offered: 2, answered: 1, abandoned: 1, answeredWithinThreshold: 1 },
    ];
    expect(parts.slice(0, 3)).toMatchObject(expected);
    expect(parts.slice(3)).toMatchObject(expected);
    expect(parts[0].asaSeconds).toBe(10);
    expect(parts[1].asaSeconds).toBe(30);
    expect(parts[2].abandonRate).toBeCloseTo(0.5, 12);
  });

  it('counts first-contact resolution afresh once a contact arrives or a queue moves', async () => {
    const team = record('TEAM', randomUUID(), ['P1001', 'P1002']);
    const center = record('CENTER', centerId, []);
    const fcr = async () =>
      (await entities([team, center])).data?._entities.map((e) => e.traffic.fcrRate) ?? [];
    expect(await fcr()).toEqual([2 / 3, 2 / 3]);
    expect(await fcr()).toEqual([2 / 3, 2 / 3]); // kept
    // c3's customer calls again the next day (outside the period): c3 is no longer resolved
    const ingested = await postGraphQL<{ ingestContacts: { inserted: number } }>(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          contact('c6', null, new Date(Date.UTC(2026, 4, 5, 8)).toISOString(), 40, 0, {
            customerKey: 'K-c3',
          }),
        ],
      },
    );
    expect(ingested.data?.ingestContacts.inserted).toBe(1);
    expect(await fcr()).toEqual([1 / 3, 1 / 3]);
    // the queue leaves the center: the center has no contacts left
    await postGraphQL(
      traffic.url,
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      {
        id: queueId,
        c: otherCenterId,
      },
    );
    expect(await fcr()).toEqual([1 / 3, null]);
  });

  it('refuses a period off the 15-minute grid, naming the field', async () => {
    const response = await entities([
      { ...record('TEAM', randomUUID(), ['P1001']), from: '2026-05-04T00:07:00.000Z' },
    ]);
    expect(response.errors?.[0].message).toContain('from: must be on a 15-minute boundary');
  });
});
