import { randomUUID } from 'node:crypto';
import {
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
  authorizationFor,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

const utc = (day: string, hh: number, mm = 0) =>
  new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`);
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

function answered(id: string, arrived: Date, handleSeconds: number) {
  return {
    source: 'plan-spec',
    externalId: id,
    channel: 'VOICE',
    queue: 'PLAN-Q',
    agent: '7001',
    arrivedAt: arrived.toISOString(),
    answeredAt: new Date(arrived.getTime() + 10_000).toISOString(),
    endedAt: new Date(arrived.getTime() + 10_000 + handleSeconds * 1000).toISOString(),
    outcome: 'ANSWERED',
  };
}

/**
 * A plan for Monday 2026-05-25 (UTC, hourly, 2 weeks of history), worked by hand: 09:00-10:00 had
 * 3 calls of 120 s on Monday 18 May and 1 call of 60 s on Monday 11 May: forecast (3 + 1) / 2 = 2,
 * AHT (3 × 120 + 60) / 4 = 105 s. Agent 7001 (who answered the queue) is logged in 09:00-09:30 on
 * the day: 0.5 agents over the hour.
 */
describe('StaffingPlan.history', () => {
  let traffic: TestSubgraph;
  let queueId: string;
  const centers = new KnownReferences();

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, { referenceSource: centers.source });
    await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          answered('a', utc('2026-05-18', 9, 5), 120),
          answered('b', utc('2026-05-18', 9, 20), 120),
          answered('c', utc('2026-05-18', 9, 40), 120),
          answered('d', utc('2026-05-11', 9, 30), 60),
          answered('e', utc('2026-05-19', 9, 30), 60), // a Tuesday: not the same weekday
        ],
      },
    );
    const queueLog = [
      `${epoch(utc('2026-05-25', 9))}|NONE|OTHER-Q|PJSIP/7001|ADDMEMBER|`,
      `${epoch(utc('2026-05-25', 9, 30))}|NONE|OTHER-Q|PJSIP/7001|REMOVEMEMBER|`,
      // 09:10-10:50 in Shanghai (01:10-02:50 UTC): four half-hours of the Shanghai day
      `${epoch(utc('2026-05-25', 1, 10))}|NONE|OTHER-Q|PJSIP/7001|ADDMEMBER|`,
      `${epoch(utc('2026-05-25', 2, 50))}|NONE|OTHER-Q|PJSIP/7001|REMOVEMEMBER|`,
    ].join('\n');
    await fetch(new URL('/import/contacts?format=queue_log&source=plan-pbx', traffic.url), {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: queueLog,
    });
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    queueId = queues.data?.queues.find((q) => q.code === 'PLAN-Q')?.id as string;
  });
  afterAll(() => traffic.stop());

  const history = (plan: Record<string, unknown>) =>
    postGraphQL<{
      _entities: {
        history: {
          intervalStart: string;
          forecastCalls: number;
          ahtSeconds: number | null;
          loggedInAgents: number;
        }[];
      }[];
    }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffingPlan {
         history { intervalStart forecastCalls ahtSeconds loggedInAgents } } } }`,
      { r: [{ __typename: 'StaffingPlan', ...plan }] },
    );

  it('forecasts each interval from the same weekday of the last weeks, with who was logged in', async () => {
    const { result, statements } = await traffic.sql.count(() =>
      history({ queueId, day: '2026-05-25', timeZone: 'UTC', weeks: 2, intervalMinutes: 60 }),
    );
    expect(result.errors).toBeUndefined();
    const intervals = result.data?._entities[0].history ?? [];
    expect(intervals).toHaveLength(24);
    expect(intervals[9]).toEqual({
      intervalStart: '2026-05-25T09:00:00.000Z',
      forecastCalls: 2,
      ahtSeconds: 105,
      loggedInAgents: 0.5,
    });
    expect(intervals[10]).toEqual({
      intervalStart: '2026-05-25T10:00:00.000Z',
      forecastCalls: 0,
      ahtSeconds: null,
      loggedInAgents: 0,
    });
    expect(statements).toHaveLength(1);
  });

  /**
   * The same day in Shanghai by half-hour (local midnight 2026-05-24T16:00Z), worked by hand: the
   * 17:00 slot (09:00-09:30 UTC) had 2 calls of 120 s on 18 May and none on 11 May: forecast 1, AHT
   * 120 s; 17:30 had 1 of 120 s and 1 of 60 s: forecast 1, AHT 90 s. 7001 was logged in 09:10-10:50
   * local (slots 18-21: 20, 30, 30 and 20 of 30 minutes) and 17:00-17:30 (slot 34, whole).
   */
  it('sums the logged-in time of a local day by half-hour across slot edges', async () => {
    const result = await history({
      queueId,
      day: '2026-05-25',
      timeZone: 'Asia/Shanghai',
      weeks: 2,
      intervalMinutes: 30,
    });
    expect(result.errors).toBeUndefined();
    const intervals = result.data?._entities[0].history ?? [];
    expect(intervals).toHaveLength(48);
    expect(intervals[0].intervalStart).toBe('2026-05-24T16:00:00.000Z');
    const logged = intervals.map((i) => Math.round(i.loggedInAgents * 1000) / 1000);
    expect(logged.slice(17, 23)).toEqual([0, 0.667, 1, 1, 0.667, 0]);
    expect(logged[34]).toBe(1);
    expect(intervals.reduce((sum, i) => sum + i.loggedInAgents, 0)).toBeCloseTo(100 / 30 + 1, 6);
    expect(intervals[34]).toMatchObject({ forecastCalls: 1, ahtSeconds: 120 });
    expect(intervals[35]).toMatchObject({ forecastCalls: 1, ahtSeconds: 90 });
    expect(intervals.reduce((sum, i) => sum + i.forecastCalls, 0)).toBe(2);
  });

  it("says each plan's queue center in one statement (null: no center, unknown queue or not an id)", async () => {
    const centerId = randomUUID();
    centers.add('center', centerId);
    const updated = await postGraphQL(
      traffic.url,
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      { id: queueId, c: centerId },
    );
    expect(updated.errors).toBeUndefined();
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    const other = queues.data?.queues.find((q) => q.code === 'OTHER-Q')?.id as string;
    const plan = (id: string) => ({
      __typename: 'StaffingPlan',
      queueId: id,
      day: '2026-05-25',
      timeZone: 'UTC',
      weeks: 2,
      intervalMinutes: 60,
    });
    const { result, statements } = await traffic.sql.count(() =>
      postGraphQL<{ _entities: { centerId: string | null }[] }>(
        traffic.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffingPlan { centerId } } }',
        { r: [plan(queueId.toUpperCase()), plan(other), plan(randomUUID()), plan('not-an-id')] },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { centerId },
      { centerId: null },
      { centerId: null },
      { centerId: null },
    ]);
    expect(statements).toHaveLength(1);
  });

  it('refuses a bad plan naming the field', async () => {
    const response = await history({
      queueId,
      day: '2026-05-25',
      timeZone: 'UTC',
      weeks: 2,
      intervalMinutes: 20,
    });
    expect(response.errors?.[0].message).toContain('intervalMinutes');
  });
});
