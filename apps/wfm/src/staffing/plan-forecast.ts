import {
  addDays,
  backtest,
  forecastDays,
  type IntervalForecast,
  type ForecastMethod,
} from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { loadQueuesHistory, type QueueHistory } from '../forecast/history.loader';

/** History a plan's backtest and forecast read: half a year before the day. */
export const PLAN_HISTORY_DAYS = 182;
/** A history that ended longer ago than this before the day does not forecast it. */
export const PLAN_MAX_STALE_DAYS = 28;

export interface PlanForecastKey {
  queueId: string;
  day: string;
  timeZone: string;
  intervalMinutes: number;
}

export interface PlanForecast {
  /** The backtest chose a method and the history reaches the day. */
  forecastable: boolean;
  /** The method that forecast the day (null: not forecastable, the plan falls back to the baseline). */
  method: ForecastMethod | null;
  /** Why not forecastable. */
  reason: string | null;
  /** The day's band per interval from local midnight (special days applied); null when not forecastable. */
  bands: IntervalForecast[] | null;
}

const keyOf = (k: PlanForecastKey) => `${k.queueId}|${k.day}|${k.timeZone}|${k.intervalMinutes}`;

/**
 * A plan's day forecast from wfm's interval history, by the method the queue's backtest over the
 * history before the day chose (the day is forecast from the days before it only). A queue with
 * too little history, or none recent enough, is not forecastable and says why.
 */
export function planForecast(key: PlanForecastKey, history: QueueHistory): PlanForecast {
  const notForecastable = (reason: string): PlanForecast => ({
    forecastable: false,
    method: null,
    reason,
    bands: null,
  });
  const days = history.volumes;
  if (!days.length)
    return notForecastable(
      `no interval history in wfm for this queue in the ${PLAN_HISTORY_DAYS} days before ${key.day} ` +
        '(syncVolumesFromTraffic or import volumes)',
    );
  const last = days[days.length - 1].date;
  if (last < addDays(key.day, -PLAN_MAX_STALE_DAYS))
    return notForecastable(
      `the history ends on ${last}, more than ${PLAN_MAX_STALE_DAYS} days before ${key.day}`,
    );
  const chosen = backtest(days);
  if (!chosen.forecastable) return notForecastable(chosen.reason ?? 'too little history');
  const [forecast] = forecastDays(days, [key.day], chosen);
  const special = history.specialDays.get(key.day);
  const factor = special?.kind === 'CLOSED' ? 0 : (special?.multiplier ?? 1);
  return {
    forecastable: true,
    method: forecast.method,
    reason: null,
    bands: forecast.intervals.map((b) => ({ p10: b.p10 * factor, p50: b.p50 * factor, p90: b.p90 * factor })),
  };
}

/** Plans' forecasts, batched: one load of every plan's history (two statements) per batch. */
export function loadPlanForecast(ctx: SubgraphContext, key: PlanForecastKey): Promise<PlanForecast> {
  const loader: DataLoader<string, PlanForecast> = ctx.loaders.get(
    'staffingPlanForecast',
    async (keys: readonly string[]) => {
      const parsed = keys.map((k): PlanForecastKey => {
        const [queueId, day, timeZone, minutes] = k.split('|');
        return { queueId, day, timeZone, intervalMinutes: Number(minutes) };
      });
      const histories = await loadQueuesHistory(
        ctx.em,
        parsed.map((k) => ({
          queueId: k.queueId,
          before: k.day,
          since: addDays(k.day, -PLAN_HISTORY_DAYS),
          intervalMinutes: k.intervalMinutes,
          timeZone: k.timeZone,
        })),
      );
      return parsed.map((k, i) => planForecast(k, histories[i]));
    },
  );
  return loader.load(keyOf(key));
}
