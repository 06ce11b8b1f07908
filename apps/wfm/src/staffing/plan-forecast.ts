import { createHash } from 'node:crypto';
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
 * Digest of what a plan's forecast is made from: the day, its grid, the history's operating days
 * (special days already applied) and the day's own special day. Any change of the history (an
 * import of volumes, a sync from traffic, a special day) changes it.
 */
export function planHistoryDigest(key: PlanForecastKey, history: QueueHistory): string {
  const special = history.specialDays.get(key.day);
  return createHash('sha256')
    .update(
      JSON.stringify([
        'plan-v1',
        key.day,
        key.intervalMinutes,
        key.timeZone,
        PLAN_HISTORY_DAYS,
        special ? [special.kind, special.multiplier] : null,
        history.volumes.map((d) => [d.date, d.values]),
      ]),
    )
    .digest('hex');
}

const KEPT_PLAN_RUNS = `select distinct on (k.i) k.i, r.method, r.intervals
  from json_to_recordset(?::json) as k(i int, queue_id uuid, day date, interval_minutes int, time_zone text,
    history_digest text, midnight timestamptz)
  join wfm_forecast_run r on r.queue_id = k.queue_id and r.history_digest = k.history_digest
    and r.from_date = k.day and r.to_date = k.day + 1 and r.interval_minutes = k.interval_minutes
    and r.time_zone = k.time_zone and r.created_at < k.midnight and r.forecastable and r.method <> '${EXTERNAL_METHOD}'
  order by k.i, r.created_at desc, r.id`;

const KEEP_PLAN_RUNS = `insert into wfm_forecast_run (id, queue_id, from_date, to_date, interval_minutes, time_zone, method,
    forecastable, reason, intervals, history_digest, created_by, created_at)
  select gen_random_uuid(), r.queue_id, r.day, r.day + 1, r.interval_minutes, r.time_zone, r.method, true, null,
    r.intervals, r.history_digest, ?, now()
  from json_to_recordset(?::json) as r(queue_id uuid, day date, interval_minutes int, time_zone text, method text,
    intervals jsonb, history_digest text)`;

/**
 * Plans' forecasts, batched, in three or four statements per batch: one load of every plan's
 * history (two statements), one look-up of the runs kept for the same queue, day and history
 * (made before the day: a forecast of then), reused without a backtest; the others are forecast
 * (backtest and all) and, when made before their day, kept in one insert for the next plan.
 */
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
      return planForecasts(ctx.em, ctx.identity.subject, parsed, histories);
    },
  );
  return loader.load(keyOf(key));
}

/** The forecasts of plans whose histories are loaded: kept runs reused, the others made (and kept). */
export async function planForecasts(
  em: EntityManager,
  createdBy: string,
  keys: readonly PlanForecastKey[],
  histories: readonly QueueHistory[],
  now = new Date(),
): Promise<PlanForecast[]> {
  const digests = keys.map((k, i) =>
    histories[i].volumes.length ? planHistoryDigest(k, histories[i]) : null,
  );
  const asked = keys.flatMap((k, i) => {
    const digest = digests[i];
    return digest
      ? [
          {
            i,
            queue_id: k.queueId,
            day: k.day,
            interval_minutes: k.intervalMinutes,
            time_zone: k.timeZone,
            history_digest: digest,
            midnight: localMidnight(k.day, k.timeZone).toISOString(),
          },
        ]
      : [];
  });
  const kept = asked.length
    ? await em.execute<{ i: number; method: ForecastMethod; intervals: StoredForecastInterval[] }[]>(
        KEPT_PLAN_RUNS,
        [JSON.stringify(asked)],
      )
    : [];
  const reused = new Map(kept.map((r) => [r.i, r]));
  const keep: object[] = [];
  const forecasts = keys.map((k, i): PlanForecast => {
    const run = reused.get(i);
    if (run)
      return {
        forecastable: true,
        method: run.method,
        reason: null,
        bands: run.intervals.map((b) => ({ p10: b.p10, p50: b.offered, p90: b.p90 })),
      };
    const made = planForecast(k, histories[i]);
    const midnight = localMidnight(k.day, k.timeZone).getTime();
    if (made.forecastable && made.bands && made.method && digests[i] && now.getTime() < midnight)
      keep.push({
        queue_id: k.queueId,
        day: k.day,
        interval_minutes: k.intervalMinutes,
        time_zone: k.timeZone,
        method: made.method,
        history_digest: digests[i],
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
    return made;
  });
  if (keep.length) await em.execute(KEEP_PLAN_RUNS, [createdBy, JSON.stringify(keep)]);
  return forecasts;
}
