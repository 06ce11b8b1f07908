import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  postImportFile,
  reportedIngestBatches,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const good = randomUUID(); // its old tool forecast the test days exactly
const poor = randomUUID(); // its old tool forecast half again too much
const partial = randomUUID(); // its old tool's forecast covers only some test days
const VOLUMES = 'queue,channel,interval_start,offered,aht';
const FORECAST = 'queue,channel,interval_start,offered,aht,p10,p90,source';
const IMPORT_VOLUMES = `mutation($csv: String!) { importVolumes(csv: $csv) { written applied } }`;
const IMPORT = `mutation($csv: String!, $o: ScheduleImportOptions) { importForecast(csv: $csv, options: $o) {
  read written unchanged rejected applied runIds problems { row field message } } }`;
const BACKTEST = `query($q: ID!, $lead: ForecastLead!) { forecastBacktest(queueId: $q, from: "2026-10-12", to: "2026-11-02", lead: $lead) {
  testDates chosenMethod methods { method wape bias mape intervals } } }`;

interface Report {
  read: number;
  written: number;
  unchanged: number;
  rejected: number;
  applied: boolean;
  runIds: string[];
  problems: { row: number; field: string; message: string }[];
}
interface Backtest {
  testDates: string[];
  chosenMethod: string;
  methods: { method: string; wape: number; bias: number; mape: number; intervals: number }[];
}

/** Offered on day `day` (0 = Monday 2026-09-07) at half-hour `slot`: a weekday shape, quieter weekends. */
function offered(day: number, slot: number): number {
  const weekend = [5, 6].includes(day % 7);
  return Math.round((weekend ? 10 : 30) * (1 + Math.sin((slot - 16) / 8)) + ((day * 7 + slot) % 5));
}
const start = (day: number, slot: number) =>
  new Date(Date.UTC(2026, 8, 7 + day) + slot * 1_800_000).toISOString();

describe('Import of an external forecast', () => {
  let wfm: TestSubgraph;
  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', good, poor, partial).source,
    });
    const lines = [VOLUMES];
    for (const q of [good, poor, partial])
      for (let day = 0; day < 56; day += 1)
        for (let slot = 16; slot < 40; slot += 1)
          lines.push(`${q},VOICE,${start(day, slot)},${offered(day, slot)},180`);
    const imported = await postGraphQL<{ importVolumes: { written: number } }>(wfm.url, IMPORT_VOLUMES, {
      csv: lines.join('\n'),
    });
    expect(imported.data?.importVolumes.written).toBe(3 * 56 * 24);
  });
  afterAll(() => wfm.stop());

  /** The old tool's forecast of days [first, last) (days from 2026-09-07), channels split VOICE/CHAT. */
  function external(queue: string, first: number, last: number, scale: (v: number) => number): string[] {
    const lines: string[] = [];
    for (let day = first; day < last; day += 1)
      for (let slot = 16; slot < 40; slot += 1) {
        const value = scale(offered(day, slot));
        const chat = Math.floor(value / 3);
        lines.push(`${queue},VOICE,${start(day, slot)},${value - chat},200,,,OldTool`);
        lines.push(`${queue},CHAT,${start(day, slot)},${chat},,${chat},${chat + 2},OldTool`);
      }
    return lines;
  }

  it('keeps a run of method EXTERNAL per queue (who, when, source), once: importing again changes nothing', async () => {
    // 2026-10-12 is day 35, 2026-11-02 day 56: the whole backtest window
    const csv = [
      FORECAST,
      ...external(good, 35, 56, (v) => v),
      ...external(poor, 35, 56, (v) => v * 1.5 + 3),
    ].join('\n');
    const first = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, { csv });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importForecast).toMatchObject({
      read: 2 * 21 * 24 * 2,
      written: 2,
      unchanged: 0,
      rejected: 0,
      applied: true,
      problems: [],
    });
    // the FORECASTS batch for the data timeliness (issue 22)
    expect(reportedIngestBatches('FORECASTS').at(-1)).toMatchObject({
      source: 'forecast',
      rowsRead: 2 * 21 * 24 * 2,
      rowsInserted: 2 * 21 * 24 * 2,
      rowsRejected: 0,
    });
    const runs: {
      queue_id: string;
      created_by: string;
      created_at: string;
      first: { intervalStart: string; offered: number; p10: number; p90: number; ahtSeconds: number };
    }[] = await wfm.orm.em
      .fork()
      .getConnection()
      .execute(
        `select queue_id, method, source, created_by, created_at, from_date::text as from_date, to_date::text as to_date,
           jsonb_array_length(intervals)::int as n, intervals->0 as first
         from wfm_forecast_run where id = any(?::uuid[]) order by from_date`,
        [`{${(first.data?.importForecast.runIds ?? []).join(',')}}`],
      );
    expect(runs).toHaveLength(2);
    const run = runs.find((r) => r.queue_id === good);
    if (!run) throw new Error('no run of the good queue');
    expect(run).toMatchObject({
      method: 'EXTERNAL',
      source: 'OldTool',
      from_date: '2026-10-12',
      to_date: '2026-11-02',
      n: 21 * 24,
    });
    expect(run.created_by).toBeTruthy();
    expect(Date.now() - new Date(run.created_at).getTime()).toBeLessThan(60_000);
    // channels summed; the CHAT half's band as given, the VOICE half's the Poisson band
    const v = offered(35, 16);
    const chat = Math.floor(v / 3);
    expect(run.first.intervalStart).toBe('2026-10-12T08:00:00.000Z');
    expect(run.first.offered).toBe(v);
    expect(run.first.p10).toBeCloseTo(
      Math.max(0, v - chat - 1.2815515655446004 * Math.sqrt(v - chat)) + chat,
      9,
    );
    expect(run.first.p90).toBeCloseTo(v - chat + 1.2815515655446004 * Math.sqrt(v - chat) + chat + 2, 9);
    // AHT weighted by offered over the rows that give one (VOICE only)
    expect(run.first.ahtSeconds).toBeCloseTo(200, 9);

    const before = await databaseFingerprint(wfm.orm);
    const again = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, { csv });
    expect(again.data?.importForecast).toMatchObject({ written: 0, unchanged: 2, applied: true });
    expect([...(again.data?.importForecast.runIds ?? [])].sort()).toEqual(
      [...(first.data?.importForecast.runIds ?? [])].sort(),
    );
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('measures EXTERNAL in forecastBacktest against the actuals and chooses it only when it wins', async () => {
    const won = await postGraphQL<{ forecastBacktest: Backtest }>(wfm.url, BACKTEST, {
      q: good,
      lead: 'DAY_AHEAD',
    });
    expect(won.errors).toBeUndefined();
    const table = won.data?.forecastBacktest;
    expect(table?.testDates).toHaveLength(21);
    const ext = table?.methods.find((m) => m.method === 'EXTERNAL');
    expect(ext).toEqual({ method: 'EXTERNAL', wape: 0, bias: 0, mape: 0, intervals: 21 * 48 });
    expect(table?.methods.filter((m) => m.method !== 'EXTERNAL')).toHaveLength(4);
    expect(table?.chosenMethod).toBe('EXTERNAL');

    const lost = await postGraphQL<{ forecastBacktest: Backtest }>(wfm.url, BACKTEST, {
      q: poor,
      lead: 'WEEK_AHEAD',
    });
    const rows = lost.data?.forecastBacktest.methods ?? [];
    const poorExt = rows.find((m) => m.method === 'EXTERNAL');
    // Σ(1.5A + 3 − A) / ΣA over the test days: computed from the series itself
    let sum = 0;
    let n = 0;
    for (let day = 35; day < 56; day += 1)
      for (let slot = 16; slot < 40; slot += 1) {
        sum += offered(day, slot);
        n += 1;
      }
    expect(poorExt?.bias).toBeCloseTo((0.5 * sum + 3 * n) / sum, 9);
    expect(poorExt?.wape).toBeCloseTo((0.5 * sum + 3 * n) / sum, 9);
    const best = Math.min(...rows.map((m) => m.wape));
    expect(lost.data?.forecastBacktest.chosenMethod).not.toBe('EXTERNAL');
    expect(rows.find((m) => m.method === lost.data?.forecastBacktest.chosenMethod)?.wape).toBe(best);

    // intraday: an imported forecast's lead is unknown, it is not listed
    const intraday = await postGraphQL<{ forecastBacktest: Backtest }>(wfm.url, BACKTEST, {
      q: good,
      lead: 'INTRADAY',
    });
    expect(intraday.data?.forecastBacktest.methods.map((m) => m.method)).not.toContain('EXTERNAL');
    expect(intraday.data?.forecastBacktest.chosenMethod).not.toBe('EXTERNAL');
  });

  it('leaves EXTERNAL out where the imported forecast does not cover every test day', async () => {
    const answer = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, {
      csv: [FORECAST, ...external(partial, 35, 45, (v) => v)].join('\n'),
    });
    expect(answer.data?.importForecast).toMatchObject({ written: 1, applied: true });
    const table = await postGraphQL<{ forecastBacktest: Backtest }>(wfm.url, BACKTEST, {
      q: partial,
      lead: 'DAY_AHEAD',
    });
    expect(table.errors).toBeUndefined();
    expect(table.data?.forecastBacktest.methods.map((m) => m.method)).not.toContain('EXTERNAL');
    expect(table.data?.forecastBacktest.chosenMethod).not.toBe('EXTERNAL');
  });

  const ok = `${good},VOICE,2026-11-10T08:30:00Z,4,180,3,6,OldTool`;
  it.each([
    ['an unknown queue', `${randomUUID()},VOICE,2026-11-10T09:00:00Z,3,180,,,OldTool`, 'queue'],
    ['an interval off the grid', `${good},VOICE,2026-11-10T09:10:00Z,3,180,,,OldTool`, 'interval_start'],
    ['a negative offered', `${good},VOICE,2026-11-10T09:00:00Z,-3,180,,,OldTool`, 'offered'],
    ['a negative AHT', `${good},VOICE,2026-11-10T09:00:00Z,3,-1,,,OldTool`, 'aht'],
    ['a negative p10', `${good},VOICE,2026-11-10T09:00:00Z,3,180,-1,4,OldTool`, 'p10'],
    ['p10 above p90', `${good},VOICE,2026-11-10T09:00:00Z,3,180,5,2,OldTool`, 'p10'],
    ['offered outside p10..p90', `${good},VOICE,2026-11-10T09:00:00Z,9,180,1,4,OldTool`, 'offered'],
    ['p10 without p90', `${good},VOICE,2026-11-10T09:00:00Z,3,180,1,,OldTool`, 'p90'],
    ['a duplicate interval', `${good},VOICE,2026-11-10T08:30:00+00:00,5,180,,,OldTool`, 'interval_start'],
    ['no source', `${good},VOICE,2026-11-10T09:00:00Z,3,180,,,`, 'source'],
    ['an unknown channel', `${good},FAX,2026-11-10T09:00:00Z,3,180,,,OldTool`, 'channel'],
  ])('refuses %s on its row, naming the column, and writes nothing', async (_, line, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, {
      csv: [FORECAST, ok, line].join('\n'),
    });
    expect(answer.data?.importForecast).toMatchObject({ applied: false, written: 0, rejected: 1 });
    expect(answer.data?.importForecast.problems).toEqual([expect.objectContaining({ row: 3, field })]);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('reports every bad row at once; with skipInvalidRows keeps the good rows only', async () => {
    const before = await databaseFingerprint(wfm.orm);
    const csv = [
      FORECAST,
      `${good},VOICE,2026-11-20T08:00:00Z,4,180,,,Other`,
      `${randomUUID()},VOICE,2026-11-20T08:00:00Z,4,180,,,Other`,
      `${good},VOICE,2026-11-20T08:30:00Z,4,180,,,Other`,
      `${good},VOICE,2026-11-20T08:45:00Z,4,180,,,Other`,
      `${good},VOICE,2026-11-20T09:00:00Z,4,180,6,2,Other`,
    ].join('\n');
    const all = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, { csv });
    expect(all.data?.importForecast.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'queue'],
      [5, 'interval_start'],
      [6, 'p10'],
    ]);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
    const some = await postGraphQL<{ importForecast: Report }>(wfm.url, IMPORT, {
      csv,
      o: { skipInvalidRows: true },
    });
    expect(some.data?.importForecast).toMatchObject({ written: 1, rejected: 3, applied: true });
    const kept = await wfm.orm.em
      .fork()
      .getConnection()
      .execute('select jsonb_array_length(intervals)::int as n from wfm_forecast_run where id = ?', [
        some.data?.importForecast.runIds[0],
      ]);
    expect(kept[0].n).toBe(2);
  });

  it('writes a file of many queues in the same statements as a file of one', async () => {
    const day = (q: string, d: number) => `${q},VOICE,2026-12-${d}T09:00:00Z,4,180,,,Counted`;
    const one = await wfm.sql.count(() =>
      postGraphQL(wfm.url, IMPORT, { csv: [FORECAST, day(good, 10)].join('\n') }),
    );
    const three = await wfm.sql.count(() =>
      postGraphQL(wfm.url, IMPORT, {
        csv: [FORECAST, day(good, 11), day(poor, 11), day(partial, 11), day(partial, 12)].join('\n'),
      }),
    );
    expect((three.result as { data?: { importForecast: Report } }).data?.importForecast.written).toBe(3);
    expect(three.statements.length).toBe(one.statements.length);
    expect(one.statements.length).toBeLessThanOrEqual(2);
  });

  it('refuses an interval not dividing 60 and a bad time zone, naming the field', async () => {
    const before = await databaseFingerprint(wfm.orm);
    const minutes = await postGraphQL(
      wfm.url,
      `mutation($csv: String!) { importForecast(csv: $csv, intervalMinutes: 25) { written } }`,
      { csv: `${FORECAST}\n${ok}` },
    );
    expect(minutes.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(minutes.errors?.[0]?.message).toContain('intervalMinutes');
    const zone = await postGraphQL(
      wfm.url,
      `mutation($csv: String!) { importForecast(csv: $csv, timeZone: "Mars/Base") { written } }`,
      { csv: `${FORECAST}\n${ok}` },
    );
    expect(zone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(zone.errors?.[0]?.message).toContain('timeZone');
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('streams a forecast through POST /import/forecast (15-minute intervals, a local time zone)', async () => {
    const { events } = await postImportFile(
      wfm.url,
      '/import/forecast?intervalMinutes=15&timeZone=Asia/Shanghai',
      `${FORECAST}\n${partial},CHAT,2026-12-01T01:15:00Z,5,300,3,7,Streamed\n${partial},CHAT,2026-12-01T16:00:00Z,5,300,3,7,Streamed\n`,
    );
    expect(events).toEqual([expect.objectContaining({ type: 'report', written: 1, applied: true })]);
    const run = await wfm.orm.em
      .fork()
      .getConnection()
      .execute(
        "select interval_minutes, time_zone, from_date::text as f, to_date::text as t from wfm_forecast_run where source = 'Streamed'",
      );
    // 16:00Z is 00:00 on 2 December in Shanghai
    expect(run).toEqual([
      { interval_minutes: 15, time_zone: 'Asia/Shanghai', f: '2026-12-01', t: '2026-12-03' },
    ]);
  });
});
