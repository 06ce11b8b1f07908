import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

/*
 * staffingPlan on the backtest-chosen method (issue 21): the plan's forecastCalls come from the
 * method the queue's backtest chose over the history before the day, its agents from Erlang at the
 * forecast's chosen quantile; a queue with too little history falls back to traffic's same-weekday
 * mean with a wide band. The plan is asked of wfm as the gateway asks it (`_entities` with traffic's
 * `history` and `centerId`), so traffic's baseline is computed here from the same series.
 */
const queue = randomUUID();
const shortQueue = randomUUID();
const emptyQueue = randomUUID();
const center = randomUUID();
const FIRST = Date.UTC(2026, 7, 3); // 2026-08-03, a Monday
const DAYS = 84;
const DAY_MS = 86_400_000;
const HEADER = 'queue,channel,interval_start,offered,aht';
const IMPORT = `mutation($csv: String!) { importVolumes(csv: $csv, intervalMinutes: 30) { written applied problems { row field message } } }`;

const dateOf = (day: number) => new Date(FIRST + day * DAY_MS).toISOString().slice(0, 10);

/** Offered calls of day `day` (from FIRST), 30-minute slot `slot`: a growing queue (+1.5 % a day), quieter weekends. */
function offered(day: number, slot: number): number {
  if (slot < 16 || slot >= 40) return 0;
  const weekend = [0, 6].includes(new Date(FIRST + day * DAY_MS).getUTCDay());
  const level = (weekend ? 15 : 40) * (1 + 0.015 * day);
  return Math.round(level * (1 + Math.sin((slot - 16) / 8)) + (((day * 7 + slot) % 5) - 2));
}

function csvOf(queueId: string, days: number[]): string {
  const lines = [HEADER];
  for (const day of days)
    for (let slot = 16; slot < 40; slot += 1)
      lines.push(
        `${queueId},VOICE,${new Date(FIRST + day * DAY_MS + slot * 1_800_000).toISOString()},${offered(day, slot)},180`,
      );
  return lines.join('\n');
}

/** What traffic's `StaffingPlan.history` says of a day: the mean of the same interval of the last 4 same weekdays. */
function trafficHistory(day: number) {
  return Array.from({ length: 48 }, (_, slot) => ({
    intervalStart: new Date(FIRST + day * DAY_MS + slot * 1_800_000).toISOString(),
    forecastCalls: [1, 2, 3, 4].reduce((sum, k) => sum + offered(day - 7 * k, slot), 0) / 4,
    ahtSeconds: 180,
    loggedInAgents: 10,
  }));
}

interface PlanInterval {
  intervalStart: string;
  forecastCalls: number;
  forecastP10: number;
  forecastP90: number;
  staffedCalls: number;
  rawAgents: number;
}
interface Plan {
  day: string;
  forecastable: boolean;
  forecastReason: string | null;
  forecastMethod: string;
  intervals: PlanInterval[];
}

const PLANS = `query($r: [_Any!]!, $risk: StaffingRisk!) { _entities(representations: $r) { ... on StaffingPlan {
  day forecastable forecastReason forecastMethod
  intervals(risk: $risk) { intervalStart forecastCalls forecastP10 forecastP90 staffedCalls rawAgents } } } }`;

describe('staffingPlan on the backtest-chosen method', () => {
  let wfm: TestSubgraph;
  const plans = (queueId: string, days: number[], risk = 'P50') =>
    postGraphQL<{ _entities: Plan[] }>(wfm.url, PLANS, {
      risk,
      r: days.map((day) => ({
        __typename: 'StaffingPlan',
        queueId,
        day: dateOf(day),
        timeZone: 'UTC',
        weeks: 4,
        intervalMinutes: 30,
        centerId: center,
        history: trafficHistory(day),
      })),
    });

  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('queue', queue, shortQueue, emptyQueue).source,
    });
    const all = Array.from({ length: DAYS }, (_, d) => d);
    for (const [queueId, days] of [
      [queue, all],
      [shortQueue, all.slice(DAYS - 10)],
    ] as const) {
      const imported = await postGraphQL<{ importVolumes: { applied: boolean } }>(wfm.url, IMPORT, {
        csv: csvOf(queueId, days),
      });
      expect(imported.data?.importVolumes.applied).toBe(true);
    }
  });
  afterAll(() => wfm.stop());

  // the last two weeks of the series, each planned from the days before it only
  const TESTED = Array.from({ length: 14 }, (_, k) => DAYS - 14 + k);

  it('forecasts each day by the method that won its backtest, which beats the baseline there', async () => {
    const answer = await plans(queue, TESTED);
    expect(answer.errors).toBeUndefined();
    const planned = answer.data?._entities ?? [];
    expect(planned.map((p) => p.day)).toEqual(TESTED.map(dateOf));
    for (const [k, day] of TESTED.entries()) {
      if (k % 6 !== 0) continue; // three of the days: each one's own backtest over the 20 days before it
      const backtest = await postGraphQL<{
        forecastBacktest: {
          forecastable: boolean;
          chosenMethod: string;
          methods: { method: string; wape: number }[];
        };
      }>(
        wfm.url,
        `query($q: ID!, $f: LocalDate!, $t: LocalDate!) { forecastBacktest(queueId: $q, from: $f, to: $t, lead: DAY_AHEAD) {
          forecastable chosenMethod methods { method wape } } }`,
        { q: queue, f: dateOf(day - 20), t: dateOf(day) },
      );
      const result = backtest.data?.forecastBacktest;
      expect(result?.forecastable).toBe(true);
      const wape = Object.fromEntries((result?.methods ?? []).map((m) => [m.method, m.wape]));
      expect(planned[k]).toMatchObject({
        forecastable: true,
        forecastReason: null,
        forecastMethod: result?.chosenMethod,
      });
      expect(wape[planned[k].forecastMethod]).toBe(Math.min(...Object.values(wape)));
      expect(wape[planned[k].forecastMethod]).toBeLessThan(wape.SAME_WEEKDAY_4W);
      // the plan's calls are the forecast's of that day
      const forecast = await postGraphQL<{
        forecast: { method: string; intervals: { offered: number; p90: number }[] };
      }>(
        wfm.url,
        `query($q: ID!, $f: LocalDate!, $t: LocalDate!) { forecast(queueId: $q, from: $f, to: $t) { method intervals { offered p90 } } }`,
        { q: queue, f: dateOf(day), t: dateOf(day + 1) },
      );
      expect(forecast.data?.forecast.method).toBe(planned[k].forecastMethod);
      expect(planned[k].intervals.map((i) => i.forecastCalls)).toEqual(
        forecast.data?.forecast.intervals.map((i) => i.offered),
      );
      expect(planned[k].intervals.map((i) => i.forecastP90)).toEqual(
        forecast.data?.forecast.intervals.map((i) => i.p90),
      );
    }
    // over the two weeks, the plan's interval error is under the same-weekday mean's (traffic's forecastCalls)
    let planError = 0;
    let baselineError = 0;
    let total = 0;
    for (const [k, day] of TESTED.entries()) {
      const baseline = trafficHistory(day);
      for (let slot = 0; slot < 48; slot += 1) {
        const actual = offered(day, slot);
        planError += Math.abs(planned[k].intervals[slot].forecastCalls - actual);
        baselineError += Math.abs(baseline[slot].forecastCalls - actual);
        total += actual;
      }
    }
    expect(planError / total).toBeLessThan(baselineError / total);
    expect(baselineError / total).toBeGreaterThan(0.05); // the baseline lags the growth: a test that can fail
  });

  it('staffs for the risk chosen: P90 staffs the band’s p90, P75 between, P50 the point (the default)', async () => {
    const [p50, p75, p90] = await Promise.all(
      ['P50', 'P75', 'P90'].map((risk) => plans(queue, [DAYS - 1], risk)),
    );
    const at = (answer: typeof p50) => answer.data?._entities[0].intervals ?? [];
    const agents = (answer: typeof p50) => at(answer).reduce((sum, i) => sum + i.rawAgents, 0);
    for (let slot = 0; slot < 48; slot += 1) {
      expect(at(p50)[slot].staffedCalls).toBe(at(p50)[slot].forecastCalls);
      expect(at(p90)[slot].staffedCalls).toBe(at(p90)[slot].forecastP90);
      expect(at(p75)[slot].staffedCalls).toBeGreaterThanOrEqual(at(p50)[slot].staffedCalls);
      expect(at(p75)[slot].staffedCalls).toBeLessThanOrEqual(at(p90)[slot].staffedCalls);
      expect(at(p90)[slot].rawAgents).toBeGreaterThanOrEqual(at(p50)[slot].rawAgents);
    }
    expect(agents(p90)).toBeGreaterThan(agents(p75));
    expect(agents(p75)).toBeGreaterThan(agents(p50));
    const byDefault = await postGraphQL<{ _entities: { intervals: { rawAgents: number }[] }[] }>(
      wfm.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffingPlan { intervals { rawAgents } } } }`,
      {
        r: [
          {
            __typename: 'StaffingPlan',
            queueId: queue,
            day: dateOf(DAYS - 1),
            timeZone: 'UTC',
            weeks: 4,
            intervalMinutes: 30,
            centerId: center,
            history: trafficHistory(DAYS - 1),
          },
        ],
      },
    );
    expect(byDefault.data?._entities[0].intervals.map((i) => i.rawAgents)).toEqual(
      at(p50).map((i) => i.rawAgents),
    );
  });

  it('falls back to traffic’s same-weekday mean with a wide band when the history is too short, and says why', async () => {
    const answer = await plans(shortQueue, [DAYS]);
    const empty = await plans(emptyQueue, [DAYS]);
    for (const [response, reason] of [
      [answer, 'history covers 10 operating days'],
      [empty, 'syncVolumesFromTraffic'],
    ] as const) {
      expect(response.errors).toBeUndefined();
      const plan = response.data?._entities[0] as Plan;
      expect(plan).toMatchObject({ forecastable: false, forecastMethod: 'SAME_WEEKDAY_4W' });
      expect(plan.forecastReason).toContain(reason);
      const baseline = trafficHistory(DAYS);
      expect(plan.intervals.map((i) => i.forecastCalls)).toEqual(baseline.map((i) => i.forecastCalls));
      for (const i of plan.intervals) {
        expect(i.forecastP90).toBeGreaterThanOrEqual(1.5 * i.forecastCalls);
        expect(i.forecastP10).toBeLessThanOrEqual(0.5 * i.forecastCalls);
      }
    }
  });

  it('runs the same statements for fourteen plans as for one (one look-up of kept runs and one history load per batch)', async () => {
    const one = await wfm.sql.count(() => plans(queue, [DAYS - 1]));
    const fourteen = await wfm.sql.count(() => plans(queue, TESTED));
    expect(fourteen.result.errors).toBeUndefined();
    expect(fourteen.statements.length).toBe(one.statements.length);
    // the look-up of kept runs (one statement), then the history (two); past days keep none
    expect(one.statements.length).toBeLessThanOrEqual(3);
  });
});
