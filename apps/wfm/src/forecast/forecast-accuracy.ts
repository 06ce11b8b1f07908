import type { EntityManager } from '@mikro-orm/postgresql';
import { forecastAccuracy, type ForecastAccuracy } from '@switchboard/metrics';

/** Kept runs read per request: the newest that overlap the period. */
export const MAX_ACCURACY_RUNS = 50;

/** How one kept forecast fared against the actual volumes loaded since (METRICS.md: never recomputed). */
export interface KeptRunAccuracy extends ForecastAccuracy {
  runId: string;
  method: string;
  source: string | null;
  createdAt: Date;
  /** Hours from the run's making to the first interval measured. */
  leadHours: number | null;
}

interface Row {
  run_id: string;
  method: string;
  source: string | null;
  created_at: Date;
  interval_start: Date;
  forecast: number;
  actual: number | null;
}

/**
 * Every interval of the newest kept runs of a queue that overlap [from, to), forecast as it was made
 * (only intervals starting after the run was made: a forecast, not a record), beside the actual
 * offered summed over the run's interval from wfm's history; an interval with no volume loaded is left
 * out (no actual to judge it by). One statement whatever the number of runs.
 */
const SQL = `
  with runs as (
    select id, method, source, created_at, interval_minutes, intervals, queue_id
    from wfm_forecast_run
    where queue_id = ? and to_date >= (?::timestamptz - interval '1 day')::date
      and from_date <= (?::timestamptz + interval '1 day')::date
    order by created_at desc, id
    limit ${MAX_ACCURACY_RUNS}
  )
  select r.id as run_id, r.method, r.source, r.created_at, f.start as interval_start, f.offered as forecast,
    (select sum(v.offered) from wfm_interval_volume v
      where v.queue_id = r.queue_id and v.interval_start >= f.start
        and v.interval_start < f.start + make_interval(mins => r.interval_minutes))::float8 as actual
  from runs r
  cross join lateral (
    select (i->>'intervalStart')::timestamptz as start, (i->>'offered')::float8 as offered
    from jsonb_array_elements(r.intervals) i
  ) f
  where f.start >= ? and f.start < ? and r.created_at <= f.start
  order by r.created_at desc, r.id, f.start`;

export async function keptRunAccuracy(
  em: EntityManager,
  queueId: string,
  from: Date,
  to: Date,
): Promise<KeptRunAccuracy[]> {
  const rows = await em.execute<Row[]>(SQL, [
    queueId,
    from.toISOString(),
    to.toISOString(),
    from.toISOString(),
    to.toISOString(),
  ]);
  const runs = new Map<string, { head: Row; forecast: number[]; actual: number[] }>();
  for (const row of rows) {
    if (row.actual === null) continue;
    const run = runs.get(row.run_id) ?? { head: row, forecast: [], actual: [] };
    run.forecast.push(row.forecast);
    run.actual.push(row.actual);
    runs.set(row.run_id, run);
  }
  return [...runs.values()].map(({ head, forecast, actual }) => ({
    runId: head.run_id,
    method: head.method,
    source: head.source,
    createdAt: new Date(head.created_at),
    leadHours: (new Date(head.interval_start).getTime() - new Date(head.created_at).getTime()) / 3_600_000,
    ...forecastAccuracy(forecast, actual),
  }));
}
