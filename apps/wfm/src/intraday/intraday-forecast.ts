import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, localDay, localMidnight } from '@switchboard/metrics';
import type { StoredForecastInterval } from '../forecast/forecast-run.entity';

/** The day's forecast of one queue at an instant, as wfm keeps it (or why there is none). */
export interface IntradayForecast {
  queueId: string;
  /** The kept forecast run the day comes from (the latest made covering the day). */
  forecastRunId: string | null;
  madeAt: Date | null;
  method: string | null;
  intervalMinutes: number | null;
  timeZone: string | null;
  /** Start of the forecast day (local midnight in the run's time zone). */
  dayStart: Date | null;
  /** The day's intervals from dayStart: offered (p50) and AHT. */
  intervals: { offered: number; ahtSeconds: number | null }[] | null;
  reason: string | null;
}

interface RunRow {
  id: string;
  queue_id: string;
  created_at: Date;
  method: string;
  interval_minutes: number;
  time_zone: string;
  forecastable: boolean;
  reason: string | null;
  intervals: StoredForecastInterval[];
}

/**
 * Each queue's forecast of the day containing `at`: the latest kept `forecast` run whose days
 * (in its own time zone) include that day. One statement, whatever the number of queues. A queue
 * with no such run, or whose run was not forecastable, has no intervals and a reason.
 */
export async function intradayForecasts(
  em: EntityManager,
  queueIds: readonly string[],
  at: Date,
): Promise<IntradayForecast[]> {
  const ids = [...new Set(queueIds.map((q) => q.toLowerCase()))];
  const rows = ids.length
    ? await em.execute<RunRow[]>(
        `select distinct on (queue_id) id, queue_id, created_at, method, interval_minutes, time_zone,
           forecastable, reason, intervals
         from wfm_forecast_run
         where queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
           and from_date <= (?::timestamptz at time zone time_zone)::date
           and to_date > (?::timestamptz at time zone time_zone)::date
         order by queue_id, created_at desc`,
        [JSON.stringify(ids), at.toISOString(), at.toISOString()],
      )
    : [];
  return queueIds.map((asked): IntradayForecast => {
    const queueId = asked.toLowerCase();
    const row = rows.find((r) => r.queue_id === queueId);
    const none = (reason: string): IntradayForecast => ({
      queueId,
      forecastRunId: row?.id ?? null,
      madeAt: row ? new Date(row.created_at) : null,
      method: row?.method ?? null,
      intervalMinutes: null,
      timeZone: null,
      dayStart: null,
      intervals: null,
      reason,
    });
    if (!row) return none('no forecast kept in wfm covers this day for this queue (run `forecast`)');
    if (!row.forecastable)
      return none(`the kept forecast is not forecastable: ${row.reason ?? 'too little history'}`);
    const day = localDay(at, row.time_zone);
    const start = localMidnight(day, row.time_zone).getTime();
    const end = localMidnight(addDays(day, 1), row.time_zone).getTime();
    const intervals = row.intervals
      .filter((i) => {
        const t = Date.parse(i.intervalStart);
        return t >= start && t < end;
      })
      .sort((a, b) => Date.parse(a.intervalStart) - Date.parse(b.intervalStart))
      .map((i) => ({ offered: i.offered, ahtSeconds: i.ahtSeconds }));
    return {
      queueId,
      forecastRunId: row.id,
      madeAt: new Date(row.created_at),
      method: row.method,
      intervalMinutes: row.interval_minutes,
      timeZone: row.time_zone,
      dayStart: new Date(start),
      intervals,
      reason: null,
    };
  });
}
