import { randomUUID } from 'node:crypto';
import { seededRandom } from '@switchboard/demo';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { liveClock } from './live-queues.query';
import { recomputeLiveState } from './live-recompute';

const CENTER = randomUUID();
const QUEUES = ['RP-A', 'RP-B'];
const START = Date.parse('2026-04-07T01:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();
type Line = Record<string, unknown> & { at: string };

/** A recorded hour: 90 calls on two queues, 8 agents changing state (available, on contact, ACW, breaks). */
function recordedHour(): Line[] {
  const random = seededRandom(22);
  const events: (Line & { order: number })[] = [];
  for (let a = 1; a <= 8; a += 1) {
    const agent = `RP${a}`;
    const queue = QUEUES[a % 2];
    events.push({
      order: 0,
      type: 'AGENT_STATE',
      agent,
      at: iso(START + a * 1000),
      state: 'AVAILABLE',
      queue,
    });
    for (let k = 0; k < 6; k += 1) {
      const at = START + 60_000 + Math.floor(random() * 3_500_000);
      const state = (['ON_CONTACT', 'ACW', 'NOT_READY', 'AVAILABLE'] as const)[Math.floor(random() * 4)];
      events.push({
        order: 0,
        type: 'AGENT_STATE',
        agent,
        at: iso(at),
        state,
        queue,
        ...(state === 'NOT_READY' ? { reason: random() < 0.5 ? 'lunch' : 'coaching' } : {}),
      });
    }
  }
  for (let i = 0; i < 90; i += 1) {
    const arrived = START + Math.floor(random() * 3_400_000);
    const wait = 1 + Math.floor(random() * 150);
    const base = { external_id: `rp-${i}` };
    events.push({
      ...base,
      order: 1,
      type: 'CONTACT_QUEUED',
      at: iso(arrived),
      queue: QUEUES[i % 2],
      channel: 'VOICE',
    });
    if (random() < 0.8) {
      events.push({
        ...base,
        order: 2,
        type: 'CONTACT_ANSWERED',
        at: iso(arrived + wait * 1000),
        agent: `RP${1 + (i % 8)}`,
      });
      events.push({
        ...base,
        order: 3,
        type: 'CONTACT_ENDED',
        at: iso(arrived + wait * 1000 + 60_000 + Math.floor(random() * 240_000)),
      });
    } else events.push({ ...base, order: 3, type: 'CONTACT_ABANDONED', at: iso(arrived + wait * 1000) });
  }
  events.sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || x.order - y.order);
  return events.map(({ order: _order, ...e }) => e);
}

interface Figures {
  waiting: number;
  oldestWaitSeconds: number | null;
  agents: { loggedIn: number; available: number; onContact: number; acw: number; notReady: number };
}

/**
 * The done-when of issue 22: a recorded stretch of events replayed at 10× speed (each 10 s of the
 * replay carries 100 s of the day's events, the clock at the checkpoint), and at every 10-second
 * checkpoint what a wallboard reads (liveQueues: waiting, oldest wait, agents by state) equals the
 * same figures computed from a recomputation of the whole event log.
 */
describe('live replay at 10× speed: the wallboard equals the recomputation at every checkpoint', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      scopeSource: staticScopeSource({ centers: { 'RP-01': { id: CENTER, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', CENTER).source,
    });
  });
  afterAll(async () => {
    liveClock.now = () => new Date();
    await traffic.stop();
  });

  const post = async (lines: Line[]) => {
    const response = await fetch(`${new URL(traffic.url).origin}/events?source=replay10`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    const text = await response.text();
    expect(text).toContain('"rejected":0');
  };

  it('a recorded hour: 37 checkpoints, each equal to the recomputation from the log', async () => {
    const events = recordedHour();
    // the queues exist once named; they are the center's before the replay starts
    const warmUp = QUEUES.flatMap((queue, i) => [
      { type: 'CONTACT_QUEUED', external_id: `warm-${i}`, at: iso(START - 600_000), queue, channel: 'VOICE' },
      { type: 'CONTACT_ABANDONED', external_id: `warm-${i}`, at: iso(START - 590_000) },
    ]);
    await post(warmUp);
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    for (const q of queues.data!.queues.filter((q) => QUEUES.includes(q.code))) {
      const moved = await postGraphQL(
        traffic.url,
        'mutation($id: ID!, $c: ID!) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
        {
          id: q.id,
          c: CENTER,
        },
      );
      expect(moved.errors).toBeUndefined();
    }
    const STEP = 100_000; // 10 s of replay at 10× speed
    let next = 0;
    let checkpoints = 0;
    const seen = { waiting: 0, notReady: 0, onContact: 0 };
    for (let t = START + STEP; t <= START + 3_700_000; t += STEP) {
      const piece: Line[] = [];
      while (next < events.length && Date.parse(events[next].at) < t) piece.push(events[next++]);
      if (piece.length) await post(piece);
      liveClock.now = () => new Date(t);
      const live = await postGraphQL<{ liveQueues: { center: Figures } }>(
        traffic.url,
        `query($c: ID!) { liveQueues(centerId: $c, timeZone: "UTC") { center { waiting oldestWaitSeconds
           agents { loggedIn available onContact acw notReady } } } }`,
        { c: CENTER },
      );
      expect(live.errors).toBeUndefined();
      const state = await recomputeLiveState(traffic.orm.em.fork());
      const waiting = [...state.contacts.values()].filter(
        (c) => QUEUES.includes(c.queue) && c.answeredAt === null,
      );
      const agents = [...state.agents.values()].filter((a) => a.queue !== null && QUEUES.includes(a.queue));
      const count = (s: string) => agents.filter((a) => a.state === s).length;
      const expected: Figures = {
        waiting: waiting.length,
        oldestWaitSeconds: waiting.length
          ? Math.floor(Math.max(...waiting.map((c) => (t - c.arrivedAt.getTime()) / 1000)))
          : null,
        agents: {
          loggedIn: agents.filter((a) => a.state !== 'LOGGED_OUT').length,
          available: count('AVAILABLE'),
          onContact: count('ON_CONTACT'),
          acw: count('ACW'),
          notReady: count('NOT_READY'),
        },
      };
      expect({ at: iso(t), ...live.data!.liveQueues.center }).toEqual({ at: iso(t), ...expected });
      checkpoints += 1;
      if (expected.waiting > 0) seen.waiting += 1;
      if (expected.agents.notReady > 0) seen.notReady += 1;
      if (expected.agents.onContact > 0) seen.onContact += 1;
    }
    // the checkpoints are not trivially empty: calls waited and agents were away or busy at many
    expect(seen.waiting).toBeGreaterThan(5);
    expect(seen.notReady).toBeGreaterThan(5);
    expect(seen.onContact).toBeGreaterThan(5);
    expect(next).toBe(events.length);
    expect(checkpoints).toBe(37);
  });
});
