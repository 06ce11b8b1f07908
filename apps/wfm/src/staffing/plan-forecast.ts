import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  backtest,
  EXTERNAL_METHOD,
  forecastDays,
  localMidnight,
  type IntervalForecast,
  type ForecastMethod,
} from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import type { StoredForecastInterval } from '../forecast/forecast-run.entity';
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

/**
 * Per plan, in one statement: the digest of what its forecast is made from (the queue's volumes
 * of the half year before the day, as stored, and the queue's special days: any import of volumes,
 * sync from traffic or special day changes it), and the run last kept for the same queue, day,
 * grid and digest, made before the day (a forecast of then), if any.
 */
const KEPT_PLAN_RUNS = `select k.i, d.digest, r.method, r.intervals
  from json_to_recordset(?::json) as k(i int, queue_id uuid, day date, interval_minutes int, time_zone text,
    since timestamptz, midnight timestamptz)
  cross join lateral (
    select encode(sha256(convert_to(concat_ws('|', 'plan-v1', k.day::text, k.interval_minutes::text, k.time_zone,
      (select string_agg(concat_ws(' ', extract(epoch from v.interval_start)::bigint, v.channel, v.offered), ','
                         order by v.interval_start, v.channel)
         from wfm_interval_volume v
        where v.queue_id = k.queue_id and v.interval_start >= k.since and v.interval_start < k.midnight),
      (select string_agg(concat_ws(' ', s.date, s.kind, s.multiplier, s.exclude_from_history), ',' order by s.date, s.id)
         from wfm_special_day s where s.queue_id = k.queue_id)), 'UTF8')), 'hex') as digest
  ) d
  left join lateral (
    select r.method, r.intervals from wfm_forecast_run r
     where r.queue_id = k.queue_id and r.history_digest = d.digest and r.from_date = k.day
       and r.to_date = k.day + 1 and r.interval_minutes = k.interval_minutes and r.time_zone = k.time_zone
       and r.created_at < k.midnight and r.forecastable and r.method <> '${EXTERNAL_METHOD}'
     order by r.created_at desc, r.id limit 1
  ) r on true
  order by k.i`;

const KEEP_PLAN_RUNS = `insert into wfm_forecast_run (id, queue_id, from_date, to_date, interval_minutes, time_zone, method,
    forecastable, reason, intervals, history_digest, created_by, created_at)
  select gen_random_uuid(), r.queue_id, r.day, r.day + 1, r.interval_minutes, r.time_zone, r.method, true, null,
    r.intervals, r.history_digest, ?, now()
  from json_to_recordset(?::json) as r(queue_id uuid, day date, interval_minutes int, time_zone text, method text,
    intervals jsonb, history_digest text)`;

/** Plans' forecasts, batched (see `planForecasts`). */
export function loadPlanForecast(ctx: SubgraphContext, key: PlanForecastKey): Promise<PlanForecast> {
  const loader: DataLoader<string, PlanForecast> = ctx.loaders.get(
    'staffingPlanForecast',
    async (keys: readonly string[]) =>
      planForecasts(
        ctx.em,
        ctx.identity.subject,
        keys.map((k): PlanForecastKey => {
          const [queueId, day, timeZone, minutes] = k.split('|');
          return { queueId, day, timeZone, intervalMinutes: Number(minutes) };
        }),
      ),
  );
  return loader.load(keyOf(key));
}

/**
 * The forecasts of a batch of plans, in one statement when every plan reuses a kept run and at
 * most four otherwise: the look-up of the runs kept for the same queue, day and history (made
 * before the day), reused without loading the history nor running a backtest; for the others one
 * load of their histories (two statements), their backtests and forecasts, and one insert keeping
 * those made before their day for the next plan.
 */
export async function planForecasts(
  em: EntityManager,
  createdBy: string,
  keys: readonly PlanForecastKey[],
  now = new Date(),
): Promise<PlanForecast[]> {
  if (!keys.length) return [];
  const looked = await em.execute<
    { i: number; digest: string; method: ForecastMethod | null; intervals: StoredForecastInterval[] | null }[]
  >(KEPT_PLAN_RUNS, [
    JSON.stringify(
      keys.map((k, i) => ({
        i,
        queue_id: k.queueId,
        day: k.day,
        interval_minutes: k.intervalMinutes,
        time_zone: k.timeZone,
        since: localMidnight(addDays(k.day, -PLAN_HISTORY_DAYS), k.timeZone).toISOString(),
        midnight: localMidnight(k.day, k.timeZone).toISOString(),
      })),
    ),
  ]);
  const byIndex = new Map(looked.map((r) => [r.i, r]));
  const forecasts: (PlanForecast | null)[] = keys.map(() => null);
  const missing: number[] = [];
  for (const [i] of keys.entries()) {
    const run = byIndex.get(i);
    if (run?.intervals && run.method)
      forecasts[i] = {
        forecastable: true,
        method: run.method,
        reason: null,
        bands: run.intervals.map((b) => ({ p10: b.p10, p50: b.offered, p90: b.p90 })),
      };
    else missing.push(i);
  }
  if (missing.length) {
    const histories = await loadQueuesHistory(
      em,
      missing.map((i) => ({
        queueId: keys[i].queueId,
        before: keys[i].day,
        since: addDays(keys[i].day, -PLAN_HISTORY_DAYS),
        intervalMinutes: keys[i].intervalMinutes,
        timeZone: keys[i].timeZone,
      })),
    );
    const keep: object[] = [];
    for (const [n, i] of missing.entries()) {
      const k = keys[i];
      const made = planForecast(k, histories[n]);
      forecasts[i] = made;
      const midnight = localMidnight(k.day, k.timeZone).getTime();
      const digest = byIndex.get(i)?.digest;
      if (made.forecastable && made.bands && made.method && digest && now.getTime() < midnight)
        keep.push({
          queue_id: k.queueId,
          day: k.day,
          interval_minutes: k.intervalMinutes,
          time_zone: k.timeZone,
          method: made.method,
          history_digest: digest,
          intervals: made.bands.map(
            (b, slot): StoredForecastInterval => ({
              intervalStart: new Date(midnight + slot * k.intervalMinutes * 60_000).toISOString(),
              offered: b.p50,
              p10: b.p10,
              p90: b.p90,
              ahtSeconds: null,
            }),
          ),
        });
    }
    if (keep.length) await em.execute(KEEP_PLAN_RUNS, [createdBy, JSON.stringify(keep)]);
  }
  return forecasts as PlanForecast[];
}
