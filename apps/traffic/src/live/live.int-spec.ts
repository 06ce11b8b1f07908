import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { seededRandom } from '@switchboard/demo';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  caller,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import type { ContactRecord } from '../contact/contact-record';
import { trafficSubgraph } from '../traffic.subgraph';
import { liveClock } from './live-queues.query';
import { recomputeLiveState, storedLiveState } from './live-recompute';
import type { LiveState } from './live-state';

const SHA = randomUUID();
const CTU = randomUUID();
const scopeSource = staticScopeSource({
  centers: { 'SHA-01': { id: SHA, teams: [] }, 'CTU-T1': { id: CTU, teams: [] } },
  teams: {},
});

type Line = Record<string, unknown>;
interface Answer {
  type: string;
  line?: number;
  field?: string;
  reason?: string;
  accepted?: number;
  duplicates?: number;
  rejected?: number;
  contacts?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A seeded day of contacts (canonical records) on three queues, and the live events that tell it. */
function recordedDay(source: string, queues: string[]): { records: ContactRecord[]; events: Line[] } {
  const random = seededRandom(7);
  const start = Date.parse('2026-04-06T01:00:00Z');
  const records: ContactRecord[] = [];
  const events: (Line & { order: number })[] = [];
  for (let i = 0; i < 400; i += 1) {
    const arrived = start + Math.floor(random() * 10 * 3_600_000);
    const queue = queues[i % queues.length];
    const wait = 1 + Math.floor(random() * 90);
    const answered = random() < 0.85;
    const talk = 30 + Math.floor(random() * 300);
    const externalId = `call-${i}`;
    const record: ContactRecord = {
      source,
      externalId,
      channel: 'VOICE',
      direction: 'INBOUND',
      queue,
      agent: answered ? `E${1 + (i % 12)}` : null,
      customerKey: `C${i % 97}`,
      arrivedAt: new Date(arrived),
      answeredAt: answered ? new Date(arrived + wait * 1000) : null,
      endedAt: new Date(arrived + wait * 1000 + (answered ? talk * 1000 : 0)),
      holdSeconds: answered ? i % 5 : 0,
      acwSeconds: answered ? 10 : 0,
      outcome: answered ? 'ANSWERED' : 'ABANDONED',
      transferred: answered && i % 9 === 0,
      wrapupCode: answered ? 'W1' : null,
    };
    records.push(record);
    const base = { source, external_id: externalId };
    events.push({
      ...base,
      order: 0,
      type: 'CONTACT_QUEUED',
      at: iso(arrived),
      queue,
      channel: 'VOICE',
      customer_key: record.customerKey,
    });
    if (answered) {
      events.push({
        ...base,
        order: 1,
        type: 'CONTACT_ANSWERED',
        at: iso(record.answeredAt!.getTime()),
        agent: record.agent,
      });
      events.push({
        ...base,
        order: 2,
        type: 'CONTACT_ENDED',
        at: iso(record.endedAt.getTime()),
        hold_seconds: record.holdSeconds,
        acw_seconds: record.acwSeconds,
        transferred: record.transferred,
        wrapup_code: record.wrapupCode,
      });
    } else events.push({ ...base, order: 2, type: 'CONTACT_ABANDONED', at: iso(record.endedAt.getTime()) });
  }
  // Agents change state on their own clock: logged in, available, on contact, ACW, not ready (reasons).
  const states = ['AVAILABLE', 'ON_CONTACT', 'ACW', 'NOT_READY', 'AVAILABLE', 'LOGGED_OUT'];
  for (let a = 1; a <= 12; a += 1) {
    let at = start + a * 60_000;
    events.push({
      order: 0,
      type: 'AGENT_STATE',
      source,
      agent: `E${a}`,
      at: iso(at),
      state: 'LOGGED_IN',
      queue: queues[a % queues.length],
    });
    for (let k = 0; k < 40; k += 1) {
      at += 1_000 + Math.floor(random() * 900_000);
      const state = states[Math.floor(random() * states.length)];
      events.push({
        order: 0,
        type: 'AGENT_STATE',
        source,
        agent: `E${a}`,
        at: iso(at),
        state,
        ...(state === 'NOT_READY' ? { reason: random() < 0.5 ? 'lunch' : 'training' } : {}),
      });
    }
  }
  events.sort((x, y) => Date.parse(x.at as string) - Date.parse(y.at as string) || x.order - y.order);
  return { records, events: events.map(({ order: _order, ...e }) => e) };
}

const plain = (state: LiveState): unknown => ({
  contacts: [...state.contacts.entries()].sort(([a], [b]) => a.localeCompare(b)),
  agents: [...state.agents.entries()].sort(([a], [b]) => a.localeCompare(b)),
});

describe('live events: state, event log, contact records, liveQueues', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, { scopeSource });
  });
  afterAll(async () => {
    liveClock.now = () => new Date();
    await traffic.stop();
  });

  const post = async (
    lines: (Line | string)[],
    identity?: Identity,
    query = '',
  ): Promise<{ status: number; answers: Answer[] }> => {
    const response = await fetch(`${new URL(traffic.url).origin}/events${query}`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url, identity),
      body: lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
    });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, answers: [JSON.parse(text) as Answer] };
    return {
      status: 200,
      answers: text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Answer),
    };
  };
  const report = (answers: Answer[]): Answer => answers.find((a) => a.type === 'report')!;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);

  it('a recorded day replayed in pieces: the state equals the recomputation from the log at every checkpoint; contacts stored once, as a file import stores them', async () => {
    const queues = ['LIVE-A', 'LIVE-B', 'LIVE-C'];
    const { records, events } = recordedDay('replay', queues);
    const pieces = 12;
    const size = Math.ceil(events.length / pieces);
    for (let p = 0; p < pieces; p += 1) {
      const { answers } = await post(events.slice(p * size, (p + 1) * size));
      const r = report(answers);
      expect(answers.filter((a) => a.type === 'rejected')).toEqual([]);
      expect(r.rejected).toBe(0);
      const em = traffic.orm.em.fork();
      expect(plain(await storedLiveState(em))).toEqual(plain(await recomputeLiveState(em)));
    }
    // Every contact ended: nobody waits, and each is a contact record.
    expect(await sql('select * from live_contact')).toEqual([]);
    const stored = await sql<Record<string, unknown>>(
      `select c.external_id, q.code as queue, c.agent, c.customer_key, c.arrived_at, c.answered_at, c.ended_at,
         c.hold_seconds, c.acw_seconds, c.outcome, c.transferred, c.wrapup_code
       from contact c join queue q on q.id = c.queue_id where c.source = 'replay' order by c.external_id`,
    );
    const expected = records
      .map((r) => ({
        external_id: r.externalId,
        queue: r.queue,
        agent: r.agent,
        customer_key: r.customerKey,
        arrived_at: r.arrivedAt,
        answered_at: r.answeredAt,
        ended_at: r.endedAt,
        hold_seconds: r.holdSeconds,
        acw_seconds: r.acwSeconds,
        outcome: r.outcome,
        transferred: r.transferred,
        wrapup_code: r.wrapupCode,
      }))
      .sort((a, b) => a.external_id.localeCompare(b.external_id));
    const time = (v: unknown): number | null =>
      v === null
        ? null
        : v instanceof Date
          ? v.getTime()
          : Date.parse(String(v).replace(' ', 'T').replace(/\+00$/, 'Z'));
    const asTimes = (r: Record<string, unknown>): Record<string, unknown> => ({
      ...r,
      arrived_at: time(r.arrived_at),
      answered_at: time(r.answered_at),
      ended_at: time(r.ended_at),
    });
    expect(stored.map(asTimes)).toEqual(expected.map(asTimes));
    // The same day as a file: the same natural keys, so nothing is added.
    const ndjson = records.map((r) =>
      JSON.stringify({
        source: r.source,
        external_id: r.externalId,
        channel: r.channel,
        direction: r.direction,
        queue: r.queue,
        agent: r.agent,
        customer_key: r.customerKey,
        arrived_at: r.arrivedAt.toISOString(),
        answered_at: r.answeredAt?.toISOString() ?? null,
        ended_at: r.endedAt.toISOString(),
        hold_seconds: r.holdSeconds,
        acw_seconds: r.acwSeconds,
        outcome: r.outcome,
        transferred: r.transferred,
        wrapup_code: r.wrapupCode,
      }),
    );
    const file = await fetch(`${new URL(traffic.url).origin}/import/contacts?format=ndjson`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: ndjson.join('\n'),
    });
    const fileReport = (await file.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; inserted: number; duplicates: number })
      .find((e) => e.type === 'report');
    expect(fileReport).toMatchObject({ inserted: 0, duplicates: records.length });
    // Resending the whole day changes nothing: every event is already in the log.
    const before = plain(await storedLiveState(traffic.orm.em.fork()));
    const again = report((await post(events)).answers);
    expect(again).toMatchObject({ accepted: 0, duplicates: events.length, rejected: 0, contacts: 0 });
    expect(plain(await storedLiveState(traffic.orm.em.fork()))).toEqual(before);
  });

  it('refuses bad events one by one, naming the field, and applies the rest', async () => {
    const at = '2026-04-06T08:00:00Z';
    const { answers } = await post([
      { type: 'CONTACT_QUEUED', source: 'bad', external_id: 'b1', at, queue: 'LIVE-BAD' },
      '{not json',
      { type: 'CONTACT_WHATEVER', source: 'bad', external_id: 'b2', at },
      { type: 'CONTACT_QUEUED', source: 'bad', external_id: 'b3', queue: 'LIVE-BAD' },
      { type: 'CONTACT_QUEUED', source: 'bad', external_id: 'b4', at: 'yesterday', queue: 'LIVE-BAD' },
      { type: 'CONTACT_ANSWERED', source: 'bad', external_id: 'nobody', at, agent: 'E1' },
      { type: 'CONTACT_ANSWERED', source: 'bad', external_id: 'b1', at: '2026-04-06T07:00:00Z', agent: 'E1' },
      { type: 'AGENT_STATE', source: 'bad', agent: 'E1', at, state: 'SLEEPING' },
      { type: 'AGENT_STATE', source: 'bad', agent: 'E1', at, state: 'AVAILABLE', reason: 'lunch' },
      { type: 'CONTACT_ENDED', source: 'bad', external_id: 'b1', at: '2026-04-06T08:01:00Z' },
      {
        type: 'CONTACT_ENDED',
        source: 'bad',
        external_id: 'b1',
        at: '2026-04-06T08:01:00Z',
        hold_seconds: -3,
        outcome: 'OVERFLOW',
      },
      { type: 'CONTACT_QUEUED', external_id: 'b5', at, queue: 'LIVE-BAD' },
    ]);
    const rejected = answers
      .filter((a) => a.type === 'rejected')
      .map((a) => [a.line, a.field])
      .sort((x, y) => Number(x[0]) - Number(y[0]));
    expect(rejected).toEqual([
      [2, 'line'],
      [3, 'type'],
      [4, 'at'],
      [5, 'at'],
      [6, 'external_id'],
      [7, 'at'],
      [8, 'state'],
      [9, 'reason'],
      [10, 'outcome'],
      [11, 'hold_seconds'],
      [12, 'source'],
    ]);
    expect(report(answers)).toMatchObject({ accepted: 1, rejected: 11 });
    expect(await sql(`select external_id from live_contact where source = 'bad'`)).toEqual([
      { external_id: 'b1' },
    ]);
    // Only the writers of contacts may send events; a bad time zone is refused before the body.
    expect((await post([], caller('CENTER_MANAGER', { centers: ['SHA-01'] }))).status).toBe(403);
    expect((await post([], undefined, '?timezone=Mars/Base')).answers[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('liveQueues: waiting, oldest wait, agents by state, today so far in the center time zone; scoped', async () => {
    const s = 'now';
    const t = (hms: string, day = '2026-04-07'): string => `${day}T${hms}Z`;
    // Shanghai: 2026-04-07 starts at 2026-04-06T16:00Z. The clock reads 10:00 Shanghai.
    liveClock.now = () => new Date(t('02:00:00'));
    const events: Line[] = [
      // yesterday in Shanghai (23:00 local): not today
      { type: 'CONTACT_QUEUED', external_id: 'y1', at: t('15:00:00', '2026-04-06'), queue: 'LQ-1' },
      { type: 'CONTACT_ABANDONED', external_id: 'y1', at: t('15:00:30', '2026-04-06') },
      // answered after 10 s (within T = 20) and after 30 s, a short abandon (3 s) and a long one (40 s)
      { type: 'CONTACT_QUEUED', external_id: 'n1', at: t('00:00:00'), queue: 'LQ-1' },
      { type: 'CONTACT_ANSWERED', external_id: 'n1', at: t('00:00:10'), agent: 'A1' },
      { type: 'CONTACT_ENDED', external_id: 'n1', at: t('00:02:10'), acw_seconds: 20 },
      { type: 'CONTACT_QUEUED', external_id: 'n2', at: t('00:10:00'), queue: 'LQ-1' },
      { type: 'CONTACT_ANSWERED', external_id: 'n2', at: t('00:10:30'), agent: 'A2' },
      { type: 'CONTACT_ENDED', external_id: 'n2', at: t('00:14:30'), acw_seconds: 0 },
      { type: 'CONTACT_QUEUED', external_id: 'n3', at: t('00:20:00'), queue: 'LQ-1' },
      { type: 'CONTACT_ABANDONED', external_id: 'n3', at: t('00:20:03') },
      { type: 'CONTACT_QUEUED', external_id: 'n4', at: t('00:30:00'), queue: 'LQ-1' },
      { type: 'CONTACT_ABANDONED', external_id: 'n4', at: t('00:30:40') },
      // now: two waiting (the oldest since 01:59:00, so 60 s), one on a call, in another queue one waiting
      { type: 'CONTACT_QUEUED', external_id: 'w1', at: t('01:59:00'), queue: 'LQ-1' },
      { type: 'CONTACT_QUEUED', external_id: 'w2', at: t('01:59:45'), queue: 'LQ-1' },
      { type: 'CONTACT_QUEUED', external_id: 'w3', at: t('01:58:00'), queue: 'LQ-1' },
      { type: 'CONTACT_ANSWERED', external_id: 'w3', at: t('01:59:30'), agent: 'A1' },
      { type: 'CONTACT_QUEUED', external_id: 'w4', at: t('01:59:50'), queue: 'LQ-2' },
      { type: 'AGENT_STATE', agent: 'A1', at: t('01:59:30'), state: 'ON_CONTACT', queue: 'LQ-1' },
      { type: 'AGENT_STATE', agent: 'A2', at: t('01:00:00'), state: 'ACW', queue: 'LQ-1' },
      {
        type: 'AGENT_STATE',
        agent: 'A3',
        at: t('01:00:00'),
        state: 'NOT_READY',
        reason: 'lunch',
        queue: 'LQ-1',
      },
      {
        type: 'AGENT_STATE',
        agent: 'A4',
        at: t('01:00:00'),
        state: 'NOT_READY',
        reason: 'lunch',
        queue: 'LQ-1',
      },
      { type: 'AGENT_STATE', agent: 'A5', at: t('01:00:00'), state: 'AVAILABLE', queue: 'LQ-2' },
      { type: 'AGENT_STATE', agent: 'A6', at: t('01:00:00'), state: 'LOGGED_OUT', queue: 'LQ-2' },
    ];
    expect(report((await post(events, undefined, `?source=${s}`)).answers)).toMatchObject({ rejected: 0 });
    await sql(`update queue set center_id = ? where code in ('LQ-1', 'LQ-2')`, [SHA]);
    const query = `query ($centerId: ID!, $timeZone: String!) { liveQueues(centerId: $centerId, timeZone: $timeZone) {
      centerId timeZone dayStart
      center { waiting onContact oldestWaitSeconds agents { loggedIn available onContact acw notReady } today { offered answered abandoned serviceLevel abandonRate ahtSeconds } }
      queues { queueCode waiting onContact oldestWaitSeconds
        agents { loggedIn available onContact acw notReady notReadyByReason { reason agents } }
        today { offered answered abandoned serviceLevel abandonRate ahtSeconds asaSeconds } } } }`;
    const vars = { centerId: SHA, timeZone: 'Asia/Shanghai' };
    const answer = await postGraphQL<{ liveQueues: Record<string, unknown> }>(traffic.url, query, vars);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.liveQueues).toEqual({
      centerId: SHA,
      timeZone: 'Asia/Shanghai',
      dayStart: '2026-04-06T16:00:00.000Z',
      center: {
        waiting: 3,
        onContact: 1,
        oldestWaitSeconds: 60,
        agents: { loggedIn: 5, available: 1, onContact: 1, acw: 1, notReady: 2 },
        today: {
          offered: 4,
          answered: 2,
          abandoned: 2,
          serviceLevel: 1 / 3,
          abandonRate: 1 / 3,
          ahtSeconds: (140 + 240) / 2,
        },
      },
      queues: [
        {
          queueCode: 'LQ-1',
          waiting: 2,
          onContact: 1,
          oldestWaitSeconds: 60,
          agents: {
            loggedIn: 4,
            available: 0,
            onContact: 1,
            acw: 1,
            notReady: 2,
            notReadyByReason: [{ reason: 'lunch', agents: 2 }],
          },
          today: {
            offered: 4,
            answered: 2,
            abandoned: 2,
            serviceLevel: 1 / 3,
            abandonRate: 1 / 3,
            ahtSeconds: 190,
            asaSeconds: 20,
          },
        },
        {
          queueCode: 'LQ-2',
          waiting: 1,
          onContact: 0,
          oldestWaitSeconds: 10,
          agents: { loggedIn: 1, available: 1, onContact: 0, acw: 0, notReady: 0, notReadyByReason: [] },
          today: {
            offered: 0,
            answered: 0,
            abandoned: 0,
            serviceLevel: null,
            abandonRate: null,
            ahtSeconds: null,
            asaSeconds: null,
          },
        },
      ],
    });
    // Scope: a manager of the center and a read-only token scoped to it see it; others are refused.
    const as = async (identity: Identity) =>
      postGraphQL<{ liveQueues: { center: { waiting: number } } }>(
        traffic.url,
        query,
        vars,
        await authorizationFor(traffic.url, identity),
      );
    for (const identity of [
      caller('CENTER_MANAGER', { centers: ['SHA-01'] }),
      caller('BI_READER', { centers: ['SHA-01'] }),
    ])
      expect((await as(identity)).data?.liveQueues.center.waiting).toBe(3);
    for (const identity of [
      caller('CENTER_MANAGER', { centers: ['CTU-T1'] }),
      caller('AGENT', { employeeNo: 'A1' }),
    ])
      expect((await as(identity)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await postGraphQL(traffic.url, query, { centerId: 'nope', timeZone: 'Mars/Base' });
    expect(bad.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'centerId', message: 'is not a UUID' },
      { field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' },
    ]);
  });
});
