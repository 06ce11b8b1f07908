import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  ahtForecast,
  backtest,
  chooseWithExternal,
  daysBefore,
  EXTERNAL_METHOD,
  externalAccuracy,
  forecastDays,
  localDay,
  localMidnight,
  type ForecastLead,
} from '@switchboard/metrics';
import { ForecastRun, type StoredForecastInterval } from './forecast-run.entity';
import { loadQueueHistory } from './history.loader';

export interface ForecastRequest {
  queueId: string;
  from: string;
  to: string;
  intervalMinutes: number;
  timeZone: string;
}

function dates(from: string, to: string): string[] {
  const list: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) list.push(d);
  return list;
}

/**
 * Forecasts with the forecast branch's methods (libs/metrics): the backtest over the history
 * before `from` chooses the method; each day is forecast from the days before it only; a CLOSED
 * special day is forecast as 0 and a multiplier scales its day. Every run is kept.
 */
export class ForecastService {
  constructor(private readonly em: EntityManager) {}

  async forecast(request: ForecastRequest, createdBy: string): Promise<ForecastRun> {
    const { queueId, from, to, intervalMinutes, timeZone } = request;
    const history = await loadQueueHistory(this.em, queueId, to, intervalMinutes, timeZone);
    const chosen = backtest(daysBefore(history.volumes, from));
    // no day before the first: nothing to learn from, the forecast is 0 (and not forecastable, said why)
    const days = dates(from, to).map((date) =>
      daysBefore(history.volumes, date).length
        ? forecastDays(history.volumes, [date], chosen)[0]
        : { date, method: chosen.chosenMethod, forecastable: false, intervals: [] },
    );
    const intervals: StoredForecastInterval[] = [];
    for (const day of days) {
      const special = history.specialDays.get(day.date);
      const factor = special?.kind === 'CLOSED' ? 0 : (special?.multiplier ?? 1);
      const aht = ahtForecast(
        daysBefore(history.volumes, day.date),
        daysBefore(history.handleSeconds, day.date),
        day.date,
      );
      const midnight = localMidnight(day.date, timeZone).getTime();
      const width = day.intervals.length || Math.round(1440 / intervalMinutes);
      for (let i = 0; i < width; i += 1) {
        const f = day.intervals[i] ?? { p10: 0, p50: 0, p90: 0 };
        intervals.push({
          intervalStart: new Date(midnight + i * intervalMinutes * 60_000).toISOString(),
          offered: f.p50 * factor,
          p10: f.p10 * factor,
          p90: f.p90 * factor,
          ahtSeconds: aht[i] ?? null,
        });
      }
    }
    const run = this.em.create(ForecastRun, {
      queueId,
      fromDate: from,
      toDate: to,
      intervalMinutes,
      timeZone,
      method: chosen.chosenMethod,
      forecastable: chosen.forecastable,
      reason: chosen.reason,
      intervals,
      createdBy,
    });
    await this.em.persistAndFlush(run);
    return run;
  }

  /** The backtest of the operating days in [from, to) (history before them included), at one lead. */
  async backtest(
    queueId: string,
    from: string,
    to: string,
    lead: ForecastLead,
    intervalMinutes: number,
    timeZone: string,
  ) {
    const history = await loadQueueHistory(this.em, queueId, to, intervalMinutes, timeZone);
    const tested = history.volumes.filter((d) => d.date >= from).length;
    const result = backtest(history.volumes, { testDays: Math.max(tested, 1) });
    const ours = result.methods.filter((m) => m.lead === lead);
    // an imported forecast's lead is not known: it is measured at day- and week-ahead, not intraday
    const external =
      lead === 'INTRADAY' || !result.testDates.length
        ? null
        : externalAccuracy(
            result.testDates,
            new Map(history.volumes.map((d) => [d.date, d.values])),
            await this.externalDays(queueId, result.testDates, intervalMinutes, timeZone),
            result.noiseFloors[lead],
          );
    return {
      forecastable: result.forecastable,
      reason: result.reason,
      testDates: result.testDates,
      noiseFloor: result.noiseFloors[lead],
      methods: external ? [...ours, external] : ours,
      chosenMethod: result.forecastable
        ? chooseWithExternal(ours, result.chosenByLead[lead], external)
        : result.chosenByLead[lead],
    };
  }

  /**
   * The EXTERNAL runs' forecast of the test days, per local day and interval of the request (an
   * imported interval shorter than the request's is summed into it; a longer one cannot be split
   * and is left out); where runs overlap, the later import's day wins. One statement.
   */
  private async externalDays(
    queueId: string,
    testDates: readonly string[],
    intervalMinutes: number,
    timeZone: string,
  ): Promise<Map<string, number[]>> {
    const first = testDates[0];
    const last = testDates[testDates.length - 1];
    const runs = await this.em.execute<{ interval_minutes: number; intervals: StoredForecastInterval[] }[]>(
      `select interval_minutes, intervals from wfm_forecast_run
        where queue_id = ? and method = ? and from_date <= ? and to_date > ? and ? % interval_minutes = 0
        order by created_at, id`,
      [queueId, EXTERNAL_METHOD, addDays(last, 1), addDays(first, -1), intervalMinutes],
    );
    const wanted = new Set(testDates);
    const days = new Map<string, number[]>();
    const width = Math.round(1440 / intervalMinutes);
    for (const run of runs) {
      const ofRun = new Map<string, number[]>();
      for (const interval of run.intervals) {
        const at = new Date(interval.intervalStart);
        const date = localDay(at, timeZone);
        if (!wanted.has(date)) continue;
        const slot = Math.floor(
          (at.getTime() - localMidnight(date, timeZone).getTime()) / (intervalMinutes * 60_000),
        );
        let values = ofRun.get(date);
        if (!values) ofRun.set(date, (values = new Array<number>(width).fill(0)));
        if (slot >= 0 && slot < width) values[slot] += interval.offered;
      }
      for (const [date, values] of ofRun) days.set(date, values);
    }
    return days;
  }
}
