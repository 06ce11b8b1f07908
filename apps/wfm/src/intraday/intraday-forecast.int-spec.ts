import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  caller,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { ForecastRun, type StoredForecastInterval } from '../forecast/forecast-run.entity';
import { wfmSubgraph } from '../wfm.subgraph';

const QUERY = `query($q: [ID!]!, $at: DateTimeISO!) { intradayForecasts(queueIds: $q, at: $at) {
  queueId forecastRunId method intervalMinutes timeZone dayStart intervals { offered ahtSeconds } reason } }`;

interface Answer {
  queueId: string;
  forecastRunId: string | null;
  intervalMinutes: number | null;
  dayStart: string | null;
  intervals: { offered: number; ahtSeconds: number | null }[] | null;
  reason: string | null;
}

/** Two Shanghai days (2026-11-02, 03) of 60-minute intervals: offered = day × 100 + hour. */
function days(): StoredForecastInterval[] {
  const start = Date.parse('2026-11-01T16:00:00Z'); // 2026-11-02 00:00 in Asia/Shanghai
  return Array.from({ length: 48 }, (_, i) => ({
    intervalStart: new Date(start + i * 3_600_000).toISOString(),
    offered: (i < 24 ? 100 : 200) + (i % 24),
    p10: 0,
    p90: 0,
    ahtSeconds: 180,
  }));
}

describe('intradayForecasts: the day of each queue from the kept forecast runs, batched', () => {
  let wfm: TestSubgraph;
  const queues = Array.from({ length: 40 }, () => randomUUID());
  const [planned, unplannable] = queues;
  let latest = '';
  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {});
    const em = wfm.orm.em.fork();
    const run = (queueId: string, createdAt: Date, forecastable = true) =>
      em.create(ForecastRun, {
        queueId,
        fromDate: '2026-11-02',
        toDate: '2026-11-04',
        intervalMinutes: 60,
        timeZone: 'Asia/Shanghai',
        method: 'SAME_WEEKDAY_AVERAGE',
        forecastable,
        reason: forecastable ? null : 'fewer than 14 days of history',
        intervals: days(),
        createdBy: 'test',
        createdAt,
      });
    run(planned, new Date('2026-10-30T00:00:00Z'));
    latest = run(planned, new Date('2026-11-01T00:00:00Z')).id;
    run(unplannable, new Date('2026-11-01T00:00:00Z'), false);
    await em.flush();
  });
  afterAll(() => wfm.stop());

  const ask = (q: string[], at: string) =>
    postGraphQL<{ intradayForecasts: Answer[] }>(wfm.url, QUERY, { q, at });

  it("answers the latest run's local day containing the instant, and says why for the others", async () => {
    // 2026-11-03 01:30 UTC is 09:30 on the 3rd in Shanghai: the second day of the run
    const answer = (await ask(queues.slice(0, 3), '2026-11-03T01:30:00Z')).data?.intradayForecasts ?? [];
    expect(answer[0]).toMatchObject({
      queueId: planned,
      forecastRunId: latest,
      intervalMinutes: 60,
      dayStart: '2026-11-02T16:00:00.000Z',
    });
    expect(answer[0].intervals).toHaveLength(24);
    expect(answer[0].intervals?.[9]).toEqual({ offered: 209, ahtSeconds: 180 });
    expect(answer[1]).toMatchObject({ queueId: unplannable, intervals: null });
    expect(answer[1].reason).toMatch(/not forecastable: fewer than 14 days/);
    expect(answer[2]).toMatchObject({ queueId: queues[2], forecastRunId: null, intervals: null });
    expect(answer[2].reason).toMatch(/no forecast kept/);
    // the 4th in Shanghai is past the run: no forecast
    const after = (await ask([planned], '2026-11-04T01:30:00Z')).data?.intradayForecasts ?? [];
    expect(after[0].reason).toMatch(/no forecast kept/);
  });

  it('costs the same statements for 2 queues as for 40', async () => {
    const few = await wfm.sql.count(() => ask(queues.slice(0, 2), '2026-11-02T03:00:00Z'));
    const many = await wfm.sql.count(() => ask(queues, '2026-11-02T03:00:00Z'));
    expect(many.result.data?.intradayForecasts).toHaveLength(40);
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.filter((s) => s.includes('wfm_forecast_run'))).toHaveLength(1);
  });

  it('refuses bad ids naming the field, and agents', async () => {
    const bad = await ask(['nope'], '2026-11-02T03:00:00Z');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/queueIds/);
    const agent = await postGraphQL(
      wfm.url,
      QUERY,
      { q: [planned], at: '2026-11-02T03:00:00Z' },
      await authorizationFor(wfm.url, caller('AGENT', { employeeNo: '1001' })),
    );
    expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
