import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { authorizationFor, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { dayForecastSource, type DayForecast } from './live-outlook';
import { liveClock } from './live-queues.query';

const SHA = randomUUID();
const scopeSource = staticScopeSource({ centers: { 'SHA-01': { id: SHA, teams: [] } }, teams: {} });
const t = (hms: string): string => `2026-04-07T${hms}Z`;
/** Shanghai's 2026-04-07 starts at 2026-04-06T16:00Z; 60-minute intervals, 180 s AHT. */
const DAY_START = '2026-04-06T16:00:00.000Z';
const shape = (hour: number): number => (hour === 8 || hour === 9 ? 2 : hour >= 10 && hour < 18 ? 10 : 0);
const QUERY = `query ($c: ID!, $q: [ID!]) { liveQueues(centerId: $c, queueIds: $q, timeZone: "Asia/Shanghai") {
  queues { queueCode agents { loggedIn } outlook { expectedSoFar actualSoFar forecastRestOfDay currentIntervalOffered
    ahtSeconds requiredAgentsNow agentsGap reason } } } }`;

interface Row {
  queueCode: string;
  agents: { loggedIn: number };
  outlook: Record<string, number | string | null>;
}

describe('live outlook: the day forecast from wfm against today so far, agents required now', () => {
  let traffic: TestSubgraph;
  const ids: Record<string, string> = {};
  const asked: string[][] = [];
  const realFetch = dayForecastSource.fetch;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, { scopeSource });
    // the clock reads 10:30 in Shanghai
    liveClock.now = () => new Date(t('02:30:00'));
    // wfm through the gateway, doubled: every queue but OQ-02 has a forecast of the day
    dayForecastSource.fetch = async (queueIds) => {
      dayForecastSource.calls += 1;
      asked.push([...queueIds]);
      return new Map(
        queueIds.map((id): [string, DayForecast] => [
          id,
          id === ids['OQ-02']
            ? {
                queueId: id,
                intervalMinutes: null,
                dayStart: null,
                intervals: null,
                reason: 'no forecast kept',
              }
            : {
                queueId: id,
                intervalMinutes: 60,
                dayStart: DAY_START,
                intervals: Array.from({ length: 24 }, (_, h) => ({ offered: shape(h), ahtSeconds: 180 })),
                reason: null,
              },
        ]),
      );
    };
    const codes = Array.from({ length: 30 }, (_, i) => `OQ-${String(i + 1).padStart(2, '0')}`);
    const lines: Record<string, unknown>[] = [];
    // OQ-01: 08:xx local 3 answered; 09:xx 2 answered, 1 abandoned; 10:20 one waiting; one agent available
    const ended = (id: string, at: string, answered: boolean) => [
      { type: 'CONTACT_QUEUED', external_id: id, at: t(at), queue: 'OQ-01' },
      ...(answered
        ? [
            { type: 'CONTACT_ANSWERED', external_id: id, at: t(at.replace(/:00$/, ':05')), agent: 'B1' },
            { type: 'CONTACT_ENDED', external_id: id, at: t(at.replace(/:00$/, ':50')), acw_seconds: 0 },
          ]
        : [{ type: 'CONTACT_ABANDONED', external_id: id, at: t(at.replace(/:00$/, ':30')) }]),
    ];
    lines.push(
      ...ended('a1', '00:05:00', true),
      ...ended('a2', '00:15:00', true),
      ...ended('a3', '00:25:00', true),
    );
    lines.push(
      ...ended('b1', '01:05:00', true),
      ...ended('b2', '01:15:00', true),
      ...ended('b3', '01:25:00', false),
    );
    lines.push({ type: 'CONTACT_QUEUED', external_id: 'c1', at: t('02:20:00'), queue: 'OQ-01' });
    lines.push({ type: 'AGENT_STATE', agent: 'B1', at: t('02:00:00'), state: 'AVAILABLE', queue: 'OQ-01' });
    for (const code of codes.slice(1))
      lines.push({ type: 'CONTACT_QUEUED', external_id: `q-${code}`, at: t('02:10:00'), queue: code });
    const response = await fetch(`${new URL(traffic.url).origin}/events?source=pbx`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(await response.text()).toContain('"rejected":0');
    const em = traffic.orm.em.fork();
    await em.execute(
      `update queue set center_id = ?, sl_target = 0.8, sl_threshold_seconds = 20 where code like 'OQ-%'`,
      [SHA],
    );
    for (const row of await em.execute<{ id: string; code: string }[]>(
      `select id, code from queue where code like 'OQ-%'`,
    ))
      ids[row.code] = row.id;
  });
  afterAll(async () => {
    dayForecastSource.fetch = realFetch;
    liveClock.now = () => new Date();
    await traffic.stop();
  });

  const read = (queueIds: string[] | null) =>
    postGraphQL<{ liveQueues: { queues: Row[] } }>(traffic.url, QUERY, { c: SHA, q: queueIds });

  it('matches the hand-computed figures, and says why for a queue without a forecast', async () => {
    dayForecastSource.cache.clear();
    const answer = await read([ids['OQ-01'], ids['OQ-02']]);
    expect(answer.errors).toBeUndefined();
    const [one, two] = answer.data?.liveQueues.queues ?? [];
    // closed: 08:xx forecast 2, actual 3; 09:xx forecast 2, actual 3 → ratio 1.5, rest × 1.25.
    // expected so far 2 + 2 + 0.5 × 10 = 9; actual 3 + 3 + 1 (waiting) = 7;
    // current interval 10 × 1.25 = 12.5; rest of day 0.5 × 12.5 + 7 × 12.5 = 93.75 → 94 (whole contacts).
    // Erlang C at 12.5 × 180 / 3600 = 0.625 erlang, 80 % in 20 s: N = 1 SL 0.4005, N = 2:
    // B = 0.240385 / 2.240385 = 0.107296, C = 0.214592 / 1.442060 = 0.148810,
    // SL = 1 − 0.148810 × e^(−1.375 × 20 / 180) = 0.872273 → 2 required; 1 logged in → gap −1.
    expect(one.outlook).toEqual({
      expectedSoFar: 9,
      actualSoFar: 7,
      forecastRestOfDay: 94,
      currentIntervalOffered: 12.5,
      ahtSeconds: 180,
      requiredAgentsNow: 2,
      agentsGap: -1,
      reason: null,
    });
    expect(two.outlook).toMatchObject({ expectedSoFar: null, requiredAgentsNow: null, agentsGap: null });
    expect(two.outlook.reason).toBe('no forecast kept');
  });

  it('asks wfm once per read for all the queues and runs the same statements for 2 queues as for 30', async () => {
    dayForecastSource.cache.clear();
    const before = dayForecastSource.calls;
    const few = await traffic.sql.count(() => read([ids['OQ-01'], ids['OQ-03']]));
    const many = await traffic.sql.count(() => read(null));
    expect(many.result.data?.liveQueues.queues).toHaveLength(30);
    expect(dayForecastSource.calls - before).toBe(2);
    expect(asked.at(-1)).toHaveLength(30);
    expect(many.statements.length).toBe(few.statements.length);
    // kept a minute: the next read (the push every 1.5 s) does not ask wfm again
    await read(null);
    expect(dayForecastSource.calls - before).toBe(2);
  });

  it('wfm unreachable: every outlook null with the reason, the rest of the board still answers', async () => {
    dayForecastSource.cache.clear();
    const doubled = dayForecastSource.fetch;
    dayForecastSource.fetch = async () => {
      throw new Error('the gateway did not answer');
    };
    try {
      const answer = await read([ids['OQ-01']]);
      const [one] = answer.data?.liveQueues.queues ?? [];
      expect(one.agents.loggedIn).toBe(1);
      expect(one.outlook.requiredAgentsNow).toBeNull();
      expect(one.outlook.reason).toMatch(/unavailable: the gateway did not answer/);
    } finally {
      dayForecastSource.fetch = doubled;
      dayForecastSource.cache.clear();
    }
  });
});
