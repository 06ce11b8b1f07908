import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  ahtForecast,
  backtest,
  daysBefore,
  forecastDays,
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
    return {
      forecastable: result.forecastable,
      reason: result.reason,
      testDates: result.testDates,
      noiseFloor: result.noiseFloors[lead],
      methods: result.methods.filter((m) => m.lead === lead),
      chosenMethod: result.chosenByLead[lead],
    };
  }
}
