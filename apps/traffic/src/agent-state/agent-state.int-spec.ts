import { unpackStateSpans } from '@switchboard/contracts';
import { postGraphQL, startTestSubgraph, type TestSubgraph, authorizationFor } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { inPgTransaction } from '../ingest/pg-client';
import { writeAgentStates } from '../ingest/agent-state-writer';
import { BACKFILL } from './agent-state-rollup';
import type { AgentStateEvent } from '../contact/contact-record';

/**
 * An agent's shift from an Asterisk queue_log (epoch 1777860000 = 2026-05-04T02:00:00Z):
 * 02:00 joins the queue (available), 02:10:10-02:20:10 on a call, 02:30-03:00 paused for lunch,
 * 03:30 leaves. Over 02:00-04:00: logged in 5400 s, on contact 600, not ready 1800, available 3000;
 * occupancy 600 / 3600, utilization 600 / 5400.
 */
const QUEUE_LOG = [
  '1777860000|NONE|STATE-Q|PJSIP/7001|ADDMEMBER|',
  '1777860600|s-1|STATE-Q|NONE|ENTERQUEUE||13900000001|1',
  '1777860610|s-1|STATE-Q|PJSIP/7001|CONNECT|10|s-1.1|2',
  '1777861210|s-1|STATE-Q|PJSIP/7001|COMPLETEAGENT|10|600|1',
  '1777861800|NONE|STATE-Q|PJSIP/7001|PAUSE|Lunch',
  '1777863600|NONE|STATE-Q|PJSIP/7001|UNPAUSE|',
  '1777865400|NONE|STATE-Q|PJSIP/7001|REMOVEMEMBER|',
].join('\n');

describe('agent states', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const importLog = async (): Promise<string[]> => {
    const response = await fetch(new URL('/import/contacts?format=queue_log&source=pbx-a', traffic.url), {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: QUEUE_LOG,
    });
    return (await response.text()).trim().split('\n');
  };

  type Figures = Record<string, number | null> | null | undefined;
  /**
   * An agent's occupancy and utilization for a period two ways: its Performance record's traffic part
   * (from the rollups) and its agentStates (from the raw events).
   */
  const rollupAndRaw = async (
    employeeNo: string,
    scopeId: string,
    period: { from: string; to: string },
  ): Promise<{ rollup: Figures; raw: Figures }> => {
    const answer = await postGraphQL<{ _entities: { traffic?: Figures; agentStates?: Figures }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Performance { traffic { occupancy utilization } }
        ... on Agent { agentStates(from: "${period.from}", to: "${period.to}") { occupancy utilization } } } }`,
      {
        r: [
          {
            __typename: 'Performance',
            scopeType: 'AGENT',
            scopeId,
            ...period,
            agentSet: { id: `set-${employeeNo}`, agents: [{ employeeNo }] },
          },
          { __typename: 'Agent', employeeNo },
        ],
      },
    );
    expect(answer.errors).toBeUndefined();
    const [record, agent] = answer.data?._entities ?? [];
    return { rollup: record.traffic, raw: agent.agentStates };
  };

  it('turns queue_log member events into time per state, occupancy and utilization', async () => {
    const events = await importLog();
    expect(JSON.parse(events.at(-1) as string)).toMatchObject({ type: 'report', inserted: 1, rejected: 0 });
    const again = await importLog();
    expect(JSON.parse(again.at(-1) as string)).toMatchObject({
      type: 'report',
      inserted: 0,
      duplicates: 1,
      agentStates: 0,
    });
    const response = await postGraphQL<{ _entities: Record<string, unknown>[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent { employeeNo
        agentStates(from: "2026-05-04T02:00:00Z", to: "2026-05-04T04:00:00Z") {
          loggedInSeconds availableSeconds notReadySeconds onContactSeconds acwSeconds occupancy utilization }
        trafficSummary(from: "2026-05-04T02:00:00Z", to: "2026-05-04T04:00:00Z") { answered asaSeconds } } } }`,
      {
        r: [
          { __typename: 'Agent', employeeNo: '7001' },
          { __typename: 'Agent', employeeNo: 'NOBODY' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      {
        employeeNo: '7001',
        agentStates: {
          loggedInSeconds: 5400,
          availableSeconds: 3000,
          notReadySeconds: 1800,
          onContactSeconds: 600,
          acwSeconds: 0,
          occupancy: 600 / 3600,
          utilization: 600 / 5400,
        },
        trafficSummary: { answered: 1, asaSeconds: 10 },
      },
      {
        employeeNo: 'NOBODY',
        agentStates: {
          loggedInSeconds: 0,
          availableSeconds: 0,
          notReadySeconds: 0,
          onContactSeconds: 0,
          acwSeconds: 0,
          occupancy: null,
          utilization: null,
        },
        trafficSummary: { answered: 0, asaSeconds: null },
      },
    ]);
  });

  it('clips states to the period asked for', async () => {
    await importLog();
    const response = await postGraphQL<{ _entities: { agentStates: Record<string, number> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
        agentStates(from: "2026-05-04T02:45:00Z", to: "2026-05-04T03:15:00Z") { loggedInSeconds notReadySeconds availableSeconds } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: '7001' }] },
    );
    expect(response.data?._entities[0].agentStates).toEqual({
      loggedInSeconds: 1800,
      notReadySeconds: 900,
      availableSeconds: 900,
    });
  });

  it('gives many agents’ state spans, clipped to the period, in one statement for the batch', async () => {
    await importLog();
    const response = await postGraphQL<{ _entities: { employeeNo: string; stateSpans: unknown[] }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent { employeeNo
        stateSpans(from: "2026-05-04T02:05:00Z", to: "2026-05-04T03:15:00Z") { start end state reason } } } }`,
      {
        r: [
          { __typename: 'Agent', employeeNo: '7001' },
          { __typename: 'Agent', employeeNo: 'NOBODY' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    const spans = response.data?._entities[0].stateSpans as { start: string; end: string; state: string }[];
    expect(spans[0]).toMatchObject({ start: '2026-05-04T02:05:00.000Z', state: 'AVAILABLE' });
    expect(spans.at(-1)).toMatchObject({ end: '2026-05-04T03:15:00.000Z', state: 'AVAILABLE' });
    expect(spans).toContainEqual(
      expect.objectContaining({
        start: '2026-05-04T02:30:00.000Z',
        end: '2026-05-04T03:00:00.000Z',
        state: 'NOT_READY',
      }),
    );
    // contiguous, never overlapping
    spans.slice(1).forEach((span, i) => expect(span.start).toBe(spans[i].end));
    expect(response.data?._entities[1]).toEqual({ employeeNo: 'NOBODY', stateSpans: [] });
  });

  it('packs the same spans in one string per agent, from the same statement (issue 23)', async () => {
    await importLog();
    const from = '2026-05-04T02:05:00Z';
    const { result, statements } = await traffic.sql.count(() =>
      postGraphQL<{
        _entities: {
          stateSpans: { start: string; end: string; state: string }[];
          stateSpansPacked: string;
        }[];
      }>(
        traffic.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
          stateSpans(from: "${from}", to: "2026-05-04T03:15:00Z") { start end state }
          stateSpansPacked(from: "${from}", to: "2026-05-04T03:15:00Z") } } }`,
        {
          r: [
            { __typename: 'Agent', employeeNo: '7001' },
            { __typename: 'Agent', employeeNo: 'NOBODY' },
          ],
        },
      ),
    );
    expect(result.errors).toBeUndefined();
    const [agent, nobody] = result.data?._entities ?? [];
    expect(agent.stateSpans.length).toBeGreaterThan(2);
    expect(unpackStateSpans(Date.parse(from), agent.stateSpansPacked)).toEqual(
      agent.stateSpans.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), state: s.state })),
    );
    // 02:30-03:00 NOT_READY, as milliseconds after 02:05
    expect(agent.stateSpansPacked).toContain('1500000,3300000,NOT_READY');
    expect(nobody.stateSpansPacked).toBe('');
    expect(statements.filter((sql) => sql.includes('agent_state_event'))).toHaveLength(1);
  });

  it('gives span bounds in milliseconds as a Date of the event time holds them, microseconds cut off (issue 23)', async () => {
    // the spans' bounds are read as epoch milliseconds in SQL, no longer as timestamps the driver parses
    await traffic.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into agent_state_event (source, agent, at, state) values
          ('micro', '8201', '2026-05-20T01:00:00.123456Z', 'AVAILABLE'),
          ('micro', '8201', '2026-05-20T01:05:00.001Z', 'ACW'),
          ('micro', '8201', '2026-05-20T01:10:00.999999Z', 'NOT_READY'),
          ('micro', '8201', '2026-05-20T01:20:00Z', 'LOGGED_OUT')`,
      );
    const from = '2026-05-20T00:00:00Z';
    const response = await postGraphQL<{
      _entities: { stateSpans: { start: string; end: string; state: string }[]; stateSpansPacked: string }[];
    }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
        stateSpans(from: "${from}", to: "2026-05-20T02:00:00Z") { start end state }
        stateSpansPacked(from: "${from}", to: "2026-05-20T02:00:00Z") } } }`,
      { r: [{ __typename: 'Agent', employeeNo: '8201' }] },
    );
    expect(response.errors).toBeUndefined();
    const [agent] = response.data?._entities ?? [];
    expect(agent.stateSpans).toEqual([
      { start: '2026-05-20T01:00:00.123Z', end: '2026-05-20T01:05:00.001Z', state: 'AVAILABLE' },
      { start: '2026-05-20T01:05:00.001Z', end: '2026-05-20T01:10:00.999Z', state: 'ACW' },
      { start: '2026-05-20T01:10:00.999Z', end: '2026-05-20T01:20:00.000Z', state: 'NOT_READY' },
    ]);
    expect(agent.stateSpansPacked).toBe(
      '3600123,3900001,AVAILABLE;3900001,4200999,ACW;4200999,4800000,NOT_READY',
    );
  });

  it('refuses a period of state spans longer than 31 days, naming the field', async () => {
    const response = await postGraphQL(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
        stateSpans(from: "2026-05-01T00:00:00Z", to: "2026-06-02T00:00:00Z") { state } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: '7001' }] },
    );
    expect(response.errors?.[0]?.message).toContain('to');
  });

  it("gives each record of a trend its own periods' agent states, all in one statement (issue 17)", async () => {
    await importLog();
    // 02:00-04:00 in 15-minute buckets and as a whole, an agent's record and its team's
    const bounds = Array.from({ length: 9 }, (_, i) =>
      new Date(Date.UTC(2026, 4, 4, 2, 15 * i)).toISOString(),
    );
    const periods = [
      ...bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1] })),
      { from: bounds[0], to: bounds[8] },
    ];
    const asAgent = await postGraphQL<{ _entities: { agentStates: Record<string, number | null> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
        a0: agentStates(from: "${bounds[0]}", to: "${bounds[8]}") { occupancy utilization } } } }`,
      { r: [{ __typename: 'Agent', employeeNo: '7001' }] },
    );
    expect(asAgent.errors).toBeUndefined();
    const perPeriod = [];
    for (const period of periods) {
      const one = await postGraphQL<{ _entities: { agentStates: Record<string, number | null> }[] }>(
        traffic.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent {
          agentStates(from: "${period.from}", to: "${period.to}") { occupancy utilization } } } }`,
        { r: [{ __typename: 'Agent', employeeNo: '7001' }] },
      );
      perPeriod.push(one.data?._entities[0].agentStates);
    }
    const set = { id: 'set-7001', agents: [{ employeeNo: '7001' }] };
    const records = periods.flatMap((period, i) => [
      {
        __typename: 'Performance',
        scopeType: 'AGENT',
        scopeId: '00000000-0000-0000-0000-000000007001',
        ...period,
        agentSet: i === 0 ? set : { id: set.id, agents: null },
      },
      {
        __typename: 'Performance',
        scopeType: 'TEAM',
        scopeId: '00000000-0000-0000-0000-000000000070',
        ...period,
        agentSet: { id: set.id, agents: null },
      },
    ]);
    const trend = await traffic.sql.count(() =>
      postGraphQL<{ _entities: { traffic: { occupancy: number | null; utilization: number | null } }[] }>(
        traffic.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic { occupancy utilization } } } }',
        { r: records },
      ),
    );
    expect(trend.result.errors).toBeUndefined();
    const parts = (trend.result.data?._entities ?? []).map((e) => e.traffic);
    expect(parts.filter((_, i) => i % 2 === 0)).toEqual(perPeriod);
    expect(parts.filter((_, i) => i % 2 === 1)).toEqual(perPeriod);
    expect(parts[16]).toEqual((asAgent.data?._entities[0] as unknown as { a0: unknown }).a0);
    // 02:30-02:45 paused: logged in, not ready, no occupancy
    expect(parts[4]).toEqual({ occupancy: null, utilization: 0 });
    // one agent-state statement for every period, over the rollup, not the raw events
    expect(trend.statements.filter((s) => /agent_state_interval/.test(s))).toHaveLength(1);
    expect(trend.statements.filter((s) => /agent_state_event/.test(s))).toHaveLength(0);
  });

  it("keeps the rollup as states arrive: a new state changes a record's occupancy as it does the raw figure (issue 17)", async () => {
    await importLog();
    const period = { from: '2026-05-04T02:00:00.000Z', to: '2026-05-04T04:00:00.000Z' };
    const both = () => rollupAndRaw('7001', '00000000-0000-0000-0000-000000007001', period);
    const before = await both();
    expect(before.rollup).toEqual(before.raw);
    expect(before.rollup?.occupancy).toBeCloseTo(600 / 3600, 12);
    // 03:10 a meeting (not ready) in what was available time until 03:30
    const response = await fetch(new URL('/import/contacts?format=queue_log&source=pbx-a', traffic.url), {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: '1777864200|NONE|STATE-Q|PJSIP/7001|PAUSE|Meeting',
    });
    expect(response.status).toBe(200);
    const after = await both();
    expect(after.rollup).toEqual(after.raw);
    expect(after.rollup?.occupancy).toBeGreaterThan(before.rollup?.occupancy as number);
  });

  it('writes many states a time-ordered slice at a time, and the rollup equals one computed from every event at once', async () => {
    // three agents over three days, states every 7 to 97 minutes, given out of order
    const states: AgentStateEvent['state'][] = ['AVAILABLE', 'ON_CONTACT', 'ACW', 'NOT_READY', 'LOGGED_OUT'];
    const events: AgentStateEvent[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (const agent of ['8101', '8102', '8103']) {
      let at = Date.parse('2026-05-10T00:00:00Z');
      while (at < Date.parse('2026-05-13T00:00:00Z')) {
        events.push({
          source: 'slices',
          agent,
          at: new Date(at),
          state: states[next() % 5],
          reason: null,
          queue: null,
        });
        at += (7 + (next() % 90)) * 60_000;
      }
    }
    events.sort(() => (next() % 2 ? 1 : -1));
    const connection = traffic.orm.em.fork().getConnection();
    const rollup = () =>
      connection.execute(
        `select agent, interval_start, logged_in, available, not_ready, on_contact, acw from agent_state_interval
          where agent like '810_' order by agent, interval_start`,
      );
    const written = await inPgTransaction(traffic.orm.em.fork(), (client) =>
      writeAgentStates(client, events, 17),
    );
    expect(written).toBe(events.length);
    const sliced = await rollup();
    expect(sliced.length).toBeGreaterThan(200);
    await connection.execute('delete from agent_state_interval');
    await connection.execute(BACKFILL);
    expect(await rollup()).toEqual(sliced);
  });

  it('keeps the hourly rollup equal to its quarters, and a record read from hours and edge quarters equals the raw figure (issue 23)', async () => {
    const events: AgentStateEvent[] = [];
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const states: AgentStateEvent['state'][] = ['AVAILABLE', 'ON_CONTACT', 'ACW', 'NOT_READY', 'LOGGED_OUT'];
    for (let at = Date.parse('2026-05-20T00:00:00Z'); at < Date.parse('2026-05-22T00:00:00Z'); ) {
      events.push({
        source: 'hours',
        agent: '8201',
        at: new Date(at),
        state: states[next() % 5],
        reason: null,
        queue: null,
      });
      at += (3 + (next() % 50)) * 60_000;
    }
    // written in two imports, the second inside hours the first already summed
    const write = (part: AgentStateEvent[]) =>
      inPgTransaction(traffic.orm.em.fork(), (client) => writeAgentStates(client, part, 13));
    await write(events.filter((_, i) => i % 3 !== 0));
    await write(events.filter((_, i) => i % 3 === 0));
    const connection = traffic.orm.em.fork().getConnection();
    const hours = await connection.execute(
      `select h.hour_start, h.logged_in, h.on_contact, q.logged_in as q_logged_in, q.on_contact as q_on_contact
         from agent_state_hour h full join (
           select date_trunc('hour', interval_start) as hour_start, sum(logged_in) as logged_in, sum(on_contact) as on_contact
           from agent_state_interval where agent = '8201' group by 1) q on q.hour_start = h.hour_start
        where h.agent = '8201' or h.agent is null order by 1`,
    );
    expect(hours.length).toBeGreaterThan(40);
    for (const h of hours) {
      expect(h.logged_in).toBeCloseTo(h.q_logged_in, 6);
      expect(h.on_contact).toBeCloseTo(h.q_on_contact, 6);
    }
    // whole hours, a half-hour start and a quarter-hour end: hours and edge quarters against the raw events
    const period = { from: '2026-05-20T05:30:00.000Z', to: '2026-05-21T19:45:00.000Z' };
    const { rollup, raw } = await rollupAndRaw('8201', '00000000-0000-0000-0000-000000008201', period);
    expect(rollup?.occupancy).toBeGreaterThan(0);
    expect(rollup?.occupancy).toBeCloseTo(raw?.occupancy as number, 9);
    expect(rollup?.utilization).toBeCloseTo(raw?.utilization as number, 9);
  });
});
