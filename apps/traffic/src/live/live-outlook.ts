import type { EntityManager } from '@mikro-orm/postgresql';
import { intradayOutlook } from '@switchboard/metrics';
import { queryGateway } from '@switchboard/subgraph-kit';

/** wfm's forecast of one queue's day (wfm's `intradayForecasts`). */
export interface DayForecast {
  queueId: string;
  intervalMinutes: number | null;
  dayStart: string | null;
  intervals: { offered: number; ahtSeconds: number | null }[] | null;
  reason: string | null;
}

/** Per live queue: the day's forecast against today's arrivals, and agents required now (docs/LIVE.md). */
export interface LiveOutlook {
  expectedSoFar: number | null;
  actualSoFar: number | null;
  forecastRestOfDay: number | null;
  currentIntervalOffered: number | null;
  ahtSeconds: number | null;
  requiredAgentsNow: number | null;
  agentsGap: number | null;
  reason: string | null;
}

/** How long wfm's answer (or its failure) is kept: a day's forecast changes only when one is run. */
export const FORECAST_CACHE_MS = 60_000;
/** A live read never waits longer than this for wfm. */
const WFM_TIMEOUT_MS = 2_000;
/** Arrivals are counted in buckets of this many minutes (every interval length divides 60 by 5s). */
const BUCKET_MINUTES = 5;

const QUERY = `query($q: [ID!]!, $at: DateTimeISO!) { intradayForecasts(queueIds: $q, at: $at) {
  queueId intervalMinutes dayStart intervals { offered ahtSeconds } reason } }`;

/**
 * wfm's day forecasts of the queues, through the gateway: one request for all the queues of a read,
 * kept FORECAST_CACHE_MS per queue set and hour, so the push (every 1.5 s) asks wfm about once a
 * minute. Replaceable in tests (`calls` counts the requests).
 */
export const dayForecastSource = {
  calls: 0,
  cache: new Map<string, { until: number; value: Promise<Map<string, DayForecast> | string> }>(),
  fetch: async (queueIds: readonly string[], at: Date): Promise<Map<string, DayForecast>> => {
    dayForecastSource.calls += 1;
    const data = await queryGateway<{ intradayForecasts: DayForecast[] }>(
      QUERY,
      { q: queueIds, at: at.toISOString() },
      { purpose: 'live outlook (wfm forecasts)', timeoutMs: WFM_TIMEOUT_MS },
    );
    return new Map(data.intradayForecasts.map((f) => [f.queueId.toLowerCase(), f]));
  },
  /** The forecasts, or why wfm could not give them (a string). */
  load(queueIds: readonly string[], at: Date): Promise<Map<string, DayForecast> | string> {
    const key = `${[...queueIds].sort().join(',')}|${at.toISOString().slice(0, 13)}`;
    const now = Date.now();
    const hit = dayForecastSource.cache.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = dayForecastSource
      .fetch(queueIds, at)
      .catch((error: Error) => `wfm's forecasts are unavailable: ${error.message}`);
    if (dayForecastSource.cache.size > 1000) dayForecastSource.cache.clear();
    dayForecastSource.cache.set(key, { until: now + FORECAST_CACHE_MS, value });
    return value;
  },
};

export interface OutlookQueue {
  queueId: string;
  loggedIn: number;
  slTarget: number;
  slThresholdSeconds: number;
  todayAhtSeconds: number | null;
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const round0 = (v: number | null): number | null => (v === null ? null : Math.round(v));

/**
 * Each queue's outlook: wfm's forecast of the day (one gateway request for all, cached) and the
 * queue's arrivals since the earliest forecast day start in BUCKET_MINUTES buckets (ended contacts
 * and contacts in progress: one statement for all queues), through libs/metrics' `intradayOutlook`.
 * Expected so far and the rest of the day move with the clock: rounded to whole contacts, so the
 * push does not change at every tick with the clock alone; the others to a tenth.
 */
export async function liveOutlooks(
  em: EntityManager,
  queues: readonly OutlookQueue[],
  now: Date,
): Promise<Map<string, LiveOutlook>> {
  const result = new Map<string, LiveOutlook>();
  if (queues.length === 0) return result;
  const none = (reason: string): LiveOutlook => ({
    expectedSoFar: null,
    actualSoFar: null,
    forecastRestOfDay: null,
    currentIntervalOffered: null,
    ahtSeconds: null,
    requiredAgentsNow: null,
    agentsGap: null,
    reason,
  });
  const forecasts = await dayForecastSource.load(
    queues.map((q) => q.queueId),
    now,
  );
  if (typeof forecasts === 'string') {
    for (const q of queues) result.set(q.queueId, none(forecasts));
    return result;
  }
  const usable = queues.filter((q) => {
    const f = forecasts.get(q.queueId);
    return f?.intervals && f.dayStart && f.intervalMinutes;
  });
  let buckets: { queue_id: string; bucket: number; arrived: number }[] = [];
  const since = Math.min(...usable.map((q) => Date.parse(forecasts.get(q.queueId)?.dayStart ?? '')));
  if (usable.length) {
    const ids = JSON.stringify(usable.map((q) => q.queueId));
    buckets = await em.execute(
      `with a as (
         select queue_id, arrived_at from contact
         where queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and arrived_at >= ? and arrived_at < ?
           and direction = 'INBOUND' and outcome in ('ANSWERED', 'ABANDONED')
         union all
         select queue_id, arrived_at from live_contact
         where queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and arrived_at >= ? and arrived_at < ?)
       select queue_id, floor(extract(epoch from arrived_at - ?::timestamptz) / ?)::int as bucket, count(*)::int as arrived
       from a group by 1, 2`,
      [ids, new Date(since), now, ids, new Date(since), now, new Date(since), BUCKET_MINUTES * 60],
    );
  }
  for (const q of queues) {
    const f = forecasts.get(q.queueId);
    if (!f) {
      result.set(q.queueId, none('wfm did not answer for this queue'));
      continue;
    }
    if (!f.intervals || !f.dayStart || !f.intervalMinutes) {
      result.set(q.queueId, none(f.reason ?? 'no forecast for today'));
      continue;
    }
    const dayStart = Date.parse(f.dayStart);
    const intervalMs = f.intervalMinutes * 60_000;
    const elapsedMinutes = (now.getTime() - dayStart) / 60_000;
    const current = Math.floor(elapsedMinutes / f.intervalMinutes);
    const actual = new Array<number>(Math.max(0, Math.min(current + 1, f.intervals.length))).fill(0);
    for (const b of buckets) {
      if (b.queue_id !== q.queueId) continue;
      const at = since + b.bucket * BUCKET_MINUTES * 60_000;
      const index = Math.floor((at - dayStart) / intervalMs);
      if (index >= 0 && index < actual.length) actual[index] += b.arrived;
    }
    const o = intradayOutlook({
      forecast: f.intervals,
      intervalMinutes: f.intervalMinutes,
      elapsedMinutes,
      actualByInterval: actual,
      loggedIn: q.loggedIn,
      targetServiceLevel: q.slTarget,
      targetAnswerSeconds: q.slThresholdSeconds,
      fallbackAhtSeconds: q.todayAhtSeconds,
    });
    result.set(q.queueId, {
      expectedSoFar: round0(o.expectedSoFar),
      actualSoFar: o.expectedSoFar === null ? null : o.actualSoFar,
      forecastRestOfDay: round0(o.forecastRestOfDay),
      currentIntervalOffered: round1(o.currentIntervalOffered),
      ahtSeconds: round1(o.ahtSeconds),
      requiredAgentsNow: o.requiredAgentsNow,
      agentsGap: o.agentsGap,
      reason: o.reason,
    });
  }
  return result;
}
