import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const queue = randomUUID();
const HEADER = 'queue,channel,interval_start,offered,aht';
const IMPORT = `mutation($csv: String!, $m: Int!) { importVolumes(csv: $csv, intervalMinutes: $m) {
  read written rejected applied problems { row field message } } }`;

/** Eight weeks of 30-minute history from 2026-09-07 (a Monday): a weekday shape, quieter weekends. */
function history(): string[] {
  const lines: string[] = [];
  for (let day = 0; day < 56; day += 1) {
    const date = new Date(Date.UTC(2026, 8, 7 + day));
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    for (let slot = 16; slot < 40; slot += 1) {
      const offered = Math.round(
        (weekend ? 10 : 30) * (1 + Math.sin((slot - 16) / 8)) + ((day * 7 + slot) % 5),
      );
      const start = new Date(date.getTime() + slot * 1_800_000).toISOString();
      lines.push(`${queue},VOICE,${start},${offered},${180 + (slot % 3) * 10}`);
    }
  }
  return lines;
}

describe('History and forecasts', () => {
  let wfm: TestSubgraph;
  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', queue).source,
    });
  });
  afterAll(() => wfm.stop());

  it('imports interval history once (again: nothing changes), forecasts the next days with p10/p90 and AHT, and keeps the run', async () => {
    const csv = [HEADER, ...history()].join('\n');
    const imported = await postGraphQL<{ importVolumes: { written: number; applied: boolean } }>(
      wfm.url,
      IMPORT,
      { csv, m: 30 },
    );
    expect(imported.data?.importVolumes).toMatchObject({ written: 56 * 24, applied: true });
    const before = await databaseFingerprint(wfm.orm);
    await postGraphQL(wfm.url, IMPORT, { csv, m: 30 });
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);

    const answer = await postGraphQL<{
      forecast: {
        id: string;
        method: string;
        forecastable: boolean;
        intervals: {
          intervalStart: string;
          offered: number;
          p10: number;
          p90: number;
          ahtSeconds: number | null;
        }[];
      };
    }>(
      wfm.url,
      `query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-04", intervalMinutes: 30) {
        id method forecastable intervals { intervalStart offered p10 p90 ahtSeconds } } }`,
      { q: queue },
    );
    expect(answer.errors).toBeUndefined();
    const run = answer.data?.forecast;
    expect(run?.forecastable).toBe(true);
    expect(['SAME_WEEKDAY_4W', 'SEASONAL_NAIVE', 'TOP_DOWN', 'SVD_FACTOR']).toContain(run?.method);
    expect(run?.intervals).toHaveLength(96);
    const busy = run?.intervals[20];
    expect(busy?.intervalStart).toBe('2026-11-02T10:00:00.000Z');
    expect(busy?.offered).toBeGreaterThan(20);
    expect(busy?.ahtSeconds).toBeGreaterThan(170);
    for (const i of run?.intervals ?? []) {
      expect(i.p10).toBeLessThanOrEqual(i.offered);
      expect(i.offered).toBeLessThanOrEqual(i.p90);
    }
    const kept = await wfm.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from wfm_forecast_run where id = ?', [run?.id]);
    expect(kept[0].n).toBe(1);

    const backtest = await postGraphQL<{
      forecastBacktest: {
        forecastable: boolean;
        testDates: string[];
        noiseFloor: number;
        chosenMethod: string;
        methods: { method: string; wape: number }[];
      };
    }>(
      wfm.url,
      `query($q: ID!) { forecastBacktest(queueId: $q, from: "2026-10-12", to: "2026-11-02", lead: DAY_AHEAD) {
        forecastable testDates noiseFloor chosenMethod methods { method wape } } }`,
      { q: queue },
    );
    expect(backtest.errors).toBeUndefined();
    const result = backtest.data?.forecastBacktest;
    expect(result?.forecastable).toBe(true);
    expect(result?.testDates[0]).toBe('2026-10-12');
    expect(result?.methods.map((m) => m.method)).toHaveLength(4);
    const best = Math.min(...(result?.methods ?? []).map((m) => m.wape));
    expect(result?.methods.find((m) => m.method === result.chosenMethod)?.wape).toBe(best);
    expect(result?.noiseFloor).toBeGreaterThan(0);
  });

  it.each([
    ['negative volumes', `${queue},VOICE,2026-11-10T09:00:00Z,-3,180`, 'offered'],
    ['an unknown queue', `${randomUUID()},VOICE,2026-11-10T09:00:00Z,3,180`, 'queue'],
    ['an unknown channel', `${queue},FAX,2026-11-10T09:00:00Z,3,180`, 'channel'],
    ['an interval off its boundary', `${queue},VOICE,2026-11-10T09:10:00Z,3,180`, 'interval_start'],
    ['a negative AHT', `${queue},VOICE,2026-11-10T09:00:00Z,3,-1`, 'aht'],
  ])('refuses %s on its row, naming the column, and writes nothing', async (_, line, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL<{
      importVolumes: { applied: boolean; problems: { row: number; field: string }[] };
    }>(wfm.url, IMPORT, {
      csv: [HEADER, `${queue},VOICE,2026-11-10T08:30:00Z,4,180`, line].join('\n'),
      m: 30,
    });
    expect(answer.data?.importVolumes.applied).toBe(false);
    expect(answer.data?.importVolumes.problems).toEqual([expect.objectContaining({ row: 3, field })]);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('measures each kept run against the actuals loaded since: only intervals made before they began, none without an actual', async () => {
    await postGraphQL(wfm.url, IMPORT, { csv: [HEADER, ...history()].join('\n'), m: 30 });
    const connection = wfm.orm.em.fork();
    // 2026-10-20, 08:00-10:00 UTC (slots 16-19 of the history) and 00:00 (no history: no actual)
    const starts = [16, 17, 18, 19].map((slot) => new Date(Date.UTC(2026, 9, 20) + slot * 1_800_000));
    const actual = (
      await connection.execute<{ offered: number }[]>(
        `select offered from wfm_interval_volume where queue_id = ? and interval_start = any(?::timestamptz[])
          order by interval_start`,
        [queue, `{${starts.map((d) => d.toISOString()).join(',')}}`],
      )
    ).map((r) => r.offered);
    expect(actual).toHaveLength(4);
    const run = (id: string, method: string, createdAt: string, offered: number[]) =>
      connection.execute(
        `insert into wfm_forecast_run (id, queue_id, from_date, to_date, interval_minutes, time_zone, method,
           forecastable, intervals, created_by, created_at)
         values (?, ?, '2026-10-20', '2026-10-21', 30, 'UTC', ?, true, ?::jsonb, 'test', ?)`,
        [
          id,
          queue,
          method,
          JSON.stringify([
            { intervalStart: '2026-10-20T00:00:00.000Z', offered: 7, p10: 5, p90: 9, ahtSeconds: null },
            ...starts.map((s, i) => ({
              intervalStart: s.toISOString(),
              offered: offered[i],
              p10: 0,
              p90: offered[i] * 2,
              ahtSeconds: 180,
            })),
          ]),
          createdAt,
        ],
      );
    const dayBefore = randomUUID();
    const morning = randomUUID();
    const deltas = [2, -1, 3, 0];
    await run(
      dayBefore,
      'SVD_FACTOR',
      '2026-10-19T00:00:00Z',
      actual.map((a, i) => a + deltas[i]),
    );
    // made at 09:00: its 08:00 and 08:30 intervals had begun (a record, not a forecast)
    await run(
      morning,
      'INTRADAY',
      '2026-10-20T09:00:00Z',
      actual.map((a) => a + 5),
    );
    const answer = await postGraphQL<{
      forecastAccuracy: {
        runId: string;
        method: string;
        leadHours: number;
        wape: number;
        bias: number;
        mape: number;
        intervals: number;
      }[];
    }>(
      wfm.url,
      `query($q: ID!) { forecastAccuracy(queueId: $q, from: "2026-10-20", to: "2026-10-21") {
        runId method leadHours wape bias mape intervals } }`,
      { q: queue },
    );
    expect(answer.errors).toBeUndefined();
    const sum = actual.reduce((a, b) => a + b, 0);
    const lastTwo = actual[2] + actual[3];
    expect(answer.data?.forecastAccuracy).toEqual([
      {
        runId: morning,
        method: 'INTRADAY',
        leadHours: 0,
        wape: expect.closeTo(10 / lastTwo, 12),
        bias: expect.closeTo(10 / lastTwo, 12),
        mape: expect.closeTo((5 / actual[2] + 5 / actual[3]) / 2, 12),
        intervals: 2,
      },
      {
        runId: dayBefore,
        method: 'SVD_FACTOR',
        leadHours: 32,
        wape: expect.closeTo(6 / sum, 12),
        bias: expect.closeTo(4 / sum, 12),
        mape: expect.closeTo((2 / actual[0] + 1 / actual[1] + 3 / actual[2]) / 4, 12),
        intervals: 4,
      },
    ]);
    const refused = await postGraphQL(
      wfm.url,
      `{ forecastAccuracy(queueId: "${queue}", from: "2026-10-21", to: "2026-10-20") { runId } }`,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('to');
  });

  it('refuses an interval not dividing 60 (import and forecast) and an unknown queue, naming the field', async () => {
    const before = await databaseFingerprint(wfm.orm);
    const importing = await postGraphQL(wfm.url, IMPORT, {
      csv: `${HEADER}\n${queue},VOICE,2026-11-10T09:00:00Z,3,180`,
      m: 25,
    });
    expect(importing.errors?.[0]?.message).toContain('intervalMinutes');
    const forecasting = await postGraphQL(
      wfm.url,
      'query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-03", intervalMinutes: 7) { id } }',
      { q: queue },
    );
    expect(forecasting.errors?.[0]?.message).toContain('intervalMinutes');
    const unknown = await postGraphQL(
      wfm.url,
      'query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-03") { id } }',
      { q: randomUUID() },
    );
    expect(unknown.errors?.[0]?.message).toContain('queueId');
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('streams history through POST /import/volumes and says a queue with no history is not forecastable', async () => {
    const other = randomUUID();
    const bare = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', queue, other).source,
    });
    try {
      const { events } = await postImportFile(
        bare.url,
        '/import/volumes?intervalMinutes=30',
        `${HEADER}\n${other},CHAT,2026-11-01T09:00:00Z,5,300\n`,
      );
      expect(events).toEqual([expect.objectContaining({ type: 'report', written: 1, applied: true })]);
      const answer = await postGraphQL<{
        forecast: { forecastable: boolean; reason: string; method: string };
      }>(
        bare.url,
        'query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-03") { forecastable reason method } }',
        { q: other },
      );
      expect(answer.data?.forecast).toMatchObject({ forecastable: false, method: 'SAME_WEEKDAY_4W' });
      expect(answer.data?.forecast.reason).toContain('history');
    } finally {
      await bare.stop();
    }
  });

  it('refuses forecasts to an agent', async () => {
    const answer = await postGraphQL(
      wfm.url,
      'query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-03") { id } }',
      { q: queue },
      await authorizationFor(wfm.url, {
        subject: 'a',
        roles: ['AGENT'],
        centers: [],
        teams: [],
        employeeNo: '1042',
      }),
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
