import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

/*
 * staffingPlan reuses the forecast run kept for its queue and day (made before the day, from the
 * same history) instead of running the backtest again; any change of the history (here a new
 * import of volumes) makes it forecast afresh: never a stale plan.
 */
const queue = randomUUID();
const center = randomUUID();
const DAY_MS = 86_400_000;
const DAYS = 84;
// the history ends yesterday; the plan is tomorrow's, so its run is made before its day
const FIRST = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAYS * DAY_MS;
const TOMORROW = DAYS + 1;
const HEADER = 'queue,channel,interval_start,offered,aht';
const IMPORT = `mutation($csv: String!) { importVolumes(csv: $csv, intervalMinutes: 30) { written applied } }`;
const dateOf = (day: number) => new Date(FIRST + day * DAY_MS).toISOString().slice(0, 10);

function offered(day: number, slot: number, scale = 1): number {
  const weekend = [0, 6].includes(new Date(FIRST + day * DAY_MS).getUTCDay());
  return Math.round(scale * (weekend ? 15 : 40) * (1 + Math.sin((slot - 16) / 8)) + ((day * 7 + slot) % 5));
}

function csvOf(days: number[], scale = 1): string {
  const lines = [HEADER];
  for (const day of days)
    for (let slot = 16; slot < 40; slot += 1)
      lines.push(
        `${queue},VOICE,${new Date(FIRST + day * DAY_MS + slot * 1_800_000).toISOString()},${offered(day, slot, scale)},180`,
      );
  return lines.join('\n');
}

const PLANS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffingPlan {
  forecastable forecastMethod intervals { forecastCalls forecastP10 forecastP90 } } } }`;
interface Plan {
  forecastable: boolean;
  forecastMethod: string;
  intervals: { forecastCalls: number; forecastP10: number; forecastP90: number }[];
}

describe('staffingPlan reuses the kept forecast run', () => {
  let wfm: TestSubgraph;
  const plan = async (day: number) => {
    const answer = await postGraphQL<{ _entities: Plan[] }>(wfm.url, PLANS, {
      r: [
        {
          __typename: 'StaffingPlan',
          queueId: queue,
          day: dateOf(day),
          timeZone: 'UTC',
          weeks: 4,
          intervalMinutes: 30,
          centerId: center,
          history: Array.from({ length: 48 }, (_, slot) => ({
            intervalStart: new Date(FIRST + day * DAY_MS + slot * 1_800_000).toISOString(),
            forecastCalls: 1,
            ahtSeconds: 180,
            loggedInAgents: 10,
          })),
        },
      ],
    });
    expect(answer.errors).toBeUndefined();
    return answer.data?._entities[0] as Plan;
  };
  const runs = async (day: number) =>
    (await wfm.orm.em
      .fork()
      .getConnection()
      .execute(
        'select id, method from wfm_forecast_run where queue_id = ? and from_date = ? and history_digest is not null order by created_at',
        [queue, dateOf(day)],
      )) as { id: string; method: string }[];

  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', queue).add('center', center).source,
    });
    const imported = await postGraphQL<{ importVolumes: { applied: boolean } }>(wfm.url, IMPORT, {
      csv: csvOf(Array.from({ length: DAYS }, (_, d) => d)),
    });
    expect(imported.data?.importVolumes.applied).toBe(true);
  });
  afterAll(() => wfm.stop());

  it('keeps the forecast of a day ahead and reads it back, without a backtest; a new import of volumes forecasts afresh', async () => {
    const first = await plan(TOMORROW);
    expect(first.forecastable).toBe(true);
    const kept = await runs(TOMORROW);
    expect(kept).toEqual([{ id: expect.any(String), method: first.forecastMethod }]);

    // prove the second plan reads the kept run: change it in the table, the plan shows the change
    await wfm.orm.em
      .fork()
      .getConnection()
      .execute(
        `update wfm_forecast_run set intervals = (select jsonb_agg(jsonb_set(i, '{offered}', to_jsonb((i->>'offered')::float8 + 1000)))
           from jsonb_array_elements(intervals) i) where id = ?`,
        [kept[0].id],
      );
    const second = await plan(TOMORROW);
    expect(second.intervals.map((i) => i.forecastCalls)).toEqual(
      first.intervals.map((i) => i.forecastCalls + 1000),
    );
    expect(await runs(TOMORROW)).toHaveLength(1);

    // a new import of volumes (the last two weeks again, busier): the kept run is stale, not reused
    const reimported = await postGraphQL<{ importVolumes: { written: number } }>(wfm.url, IMPORT, {
      csv: csvOf(
        Array.from({ length: 14 }, (_, k) => DAYS - 14 + k),
        1.5,
      ),
    });
    expect(reimported.data?.importVolumes.written).toBe(14 * 24);
    const third = await plan(TOMORROW);
    expect(third.forecastable).toBe(true);
    const busiest = (p: Plan) => Math.max(...p.intervals.map((i) => i.forecastCalls));
    expect(busiest(third)).toBeLessThan(1000);
    expect(busiest(third)).toBeGreaterThan(busiest(first));
    expect(await runs(TOMORROW)).toHaveLength(2);
  });

  it('forecasts afresh once a special day of the queue is marked (a campaign doubling the day)', async () => {
    const day = TOMORROW + 2;
    const before = await plan(day);
    expect(await runs(day)).toHaveLength(1);
    const marked = await postGraphQL(
      wfm.url,
      `mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id } }`,
      {
        i: {
          centerId: center,
          queueId: queue,
          date: dateOf(day),
          kind: 'CAMPAIGN',
          title: 'Campaign',
          multiplier: 2,
        },
      },
    );
    expect(marked.errors).toBeUndefined();
    const after = await plan(day);
    expect(after.intervals.map((i) => i.forecastCalls)).toEqual(
      before.intervals.map((i) => expect.closeTo(i.forecastCalls * 2, 9) as unknown as number),
    );
    expect(await runs(day)).toHaveLength(2);
  });

  it('keeps no run for a day already begun (a forecast made after its day is no forecast of then)', async () => {
    const past = await plan(DAYS - 1);
    expect(past.forecastable).toBe(true);
    expect(await runs(DAYS - 1)).toEqual([]);
  });

  it('reads a kept run in one statement, without loading the history', async () => {
    await plan(TOMORROW + 1); // keeps the run
    const again = await wfm.sql.count(() => plan(TOMORROW + 1));
    expect(again.statements).toHaveLength(1);
    expect(again.statements[0]).not.toMatch(/insert/i);
  });
});
