import type { Client } from 'pg';
import { zoneOffsetMinutes as offsetOf } from '@switchboard/metrics';
import { authorizationFor } from '@switchboard/testing';
// The bench runs the app's own SQL: traffic's benchmarking entry exports it.
import {
  columnsFor,
  Granularity,
  STATS_WORK_MEM,
  StatsDimension,
  trafficStatsSql,
  type StatsFilter,
} from '@switchboard/traffic/bench';

export interface StatsWindow {
  from: Date;
  to: Date;
  timeZone: string;
}

/** One row of the answer, from GraphQL or from the hand-written SQL. */
export interface StatsRow {
  intervalStart: string;
  queueCode: string | null;
  offered: number;
  answered: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
}

export const TRAFFIC_STATS_QUERY = `query Bench($filter: StatsFilter!) {
  trafficStats(filter: $filter, granularity: THIRTY_MINUTES, groupBy: [QUEUE]) {
    intervalStart queueCode offered answered serviceLevel asaSeconds ahtSeconds abandonRate
  }
}`;

/** The outcome fields issue 20 added to trafficStats (read from the same rollup rows). */
export const OUTCOME_FIELDS = [
  'offers',
  'sales',
  'conversionRate',
  'revenue',
  'retentionSaveRate',
  'dispositionCompliance',
] as const;

/** The same query with the outcome fields besides: what the new columns cost is the difference. */
export const TRAFFIC_STATS_OUTCOMES_QUERY = TRAFFIC_STATS_QUERY.replace(
  'abandonRate',
  `abandonRate ${OUTCOME_FIELDS.join(' ')}`,
);

/**
 * What a developer would write by hand for the same answer, over the same rollup table the subgraph
 * reads for a query without agents (the queue-level one, queue_interval_stat): sum the 15-minute rollups into
 * 30-minute buckets of the local clock (every 30 minutes from the local midnight of `from`: right
 * for any zone whose offset changes, if at all, by whole half hours, as the bench's), then join the few queues and compute the METRICS.md ratios per row, with each queue's
 * own service-level variant.
 */
export const HAND_WRITTEN_SQL = `
with bucket as (
  select date_bin('30 minutes', s.interval_start, ($2::timestamptz at time zone $1)::date::timestamp at time zone $1)
           as interval_start,
         s.queue_key,
         sum(s.answered)::int as answered, sum(s.abandoned)::int as abandoned,
         sum(s.short_abandoned)::int as short_abandoned,
         sum(s.answered_within_threshold)::int as within_t,
         sum(s.abandoned_within_threshold)::int as abandoned_within_t,
         sum(s.wait_seconds_answered) as wait_seconds, sum(s.handle_seconds) as handle_seconds
  from queue_interval_stat s
  where s.interval_start >= $2 and s.interval_start < $3
  group by 1, 2
)
select b.interval_start, q.code as queue_code, b.answered + b.abandoned as offered, b.answered,
  case coalesce(q.sl_variant::text, 'EXCLUDE_SHORT_ABANDONS')
    when 'ANSWERED_ONLY' then b.within_t::float8 / nullif(b.answered, 0)
    when 'ALL_OFFERED' then b.within_t::float8 / nullif(b.answered + b.abandoned, 0)
    when 'ABANDONS_WITHIN_T_MEET' then (b.within_t + b.abandoned_within_t)::float8 / nullif(b.answered + b.abandoned, 0)
    else b.within_t::float8 / nullif(b.answered + b.abandoned - b.short_abandoned, 0)
  end as service_level,
  b.wait_seconds / nullif(b.answered, 0) as asa_seconds,
  b.handle_seconds / nullif(b.answered, 0) as aht_seconds,
  (b.abandoned - b.short_abandoned)::float8 / nullif(b.answered + b.abandoned - b.short_abandoned, 0)
    as abandon_rate
from bucket b left join queue q on q.id::text = nullif(b.queue_key, '')
order by b.interval_start, b.queue_key`;

/** POSTs the query; the rows, or an error naming the GraphQL error code. */
export async function postStats(
  url: string,
  window: StatsWindow,
  query = TRAFFIC_STATS_QUERY,
): Promise<StatsRow[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authorizationFor(url)) },
    body: JSON.stringify({
      query,
      variables: {
        filter: { from: window.from.toISOString(), to: window.to.toISOString(), timeZone: window.timeZone },
      },
    }),
  });
  const body = (await response.json()) as {
    data?: { trafficStats: StatsRow[] } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (!body.data) {
    const error = body.errors?.[0];
    throw new Error(
      `${error?.extensions?.code ?? `HTTP ${response.status}`}: ${error?.message ?? 'no data'}`,
    );
  }
  return body.data.trafficStats;
}

/** Minutes `zone` is ahead of UTC at `at`. */
export const zoneOffsetMinutes = (zone: string, at: Date): number => offsetOf(at, zone);

export async function handWrittenStats(client: Client, window: StatsWindow): Promise<StatsRow[]> {
  const result = await client.query<{
    interval_start: Date;
    queue_code: string | null;
    offered: number;
    answered: number;
    service_level: number | null;
    asa_seconds: number | null;
    aht_seconds: number | null;
    abandon_rate: number | null;
  }>(HAND_WRITTEN_SQL, [window.timeZone, window.from, window.to]);
  return result.rows.map((r) => ({
    intervalStart: r.interval_start.toISOString(),
    queueCode: r.queue_code,
    offered: r.offered,
    answered: r.answered,
    serviceLevel: r.service_level,
    asaSeconds: r.asa_seconds,
    ahtSeconds: r.aht_seconds,
    abandonRate: r.abandon_rate,
  }));
}

/** `work` in a transaction with `work_mem` as the traffic subgraph sets it for its stats statement. */
export async function withAppWorkMem<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`set local work_mem = '${STATS_WORK_MEM}'`);
    return await work();
  } finally {
    await client.query('commit');
  }
}

/** The statement the subgraph runs for the query, with pg's $n placeholders instead of knex's ?. */
export function appStatsSql(
  window: StatsWindow,
  { outcomes = false }: { outcomes?: boolean } = {},
): { sql: string; params: unknown[] } {
  const filter = { ...window, fcrWindowDays: 7 } as StatsFilter;
  // The sums of the metrics the query selects, as the subgraph picks them.
  const metrics = [
    'offered',
    'answered',
    'serviceLevel',
    'asaSeconds',
    'ahtSeconds',
    'abandonRate',
    ...(outcomes ? OUTCOME_FIELDS : []),
  ];
  const { sql, params } = trafficStatsSql(
    filter,
    Granularity.THIRTY_MINUTES,
    [StatsDimension.QUEUE],
    columnsFor(metrics),
  );
  let n = 0;
  return { sql: sql.replace(/\?/g, () => `$${(n += 1)}`), params };
}

const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** The first difference between two answers, or null when they agree row for row. */
export function firstDifference(graphql: StatsRow[], sql: StatsRow[]): string | null {
  if (graphql.length !== sql.length) return `${graphql.length} rows through GraphQL, ${sql.length} by SQL`;
  const key = (r: StatsRow): string => `${new Date(r.intervalStart).toISOString()}|${r.queueCode ?? ''}`;
  const byKey = new Map(sql.map((r) => [key(r), r]));
  for (const row of graphql) {
    const other = byKey.get(key(row));
    if (!other) return `no SQL row for ${key(row)}`;
    for (const field of [
      'offered',
      'answered',
      'serviceLevel',
      'asaSeconds',
      'ahtSeconds',
      'abandonRate',
    ] as const) {
      if (!close(row[field], other[field]))
        return `${key(row)} ${field}: ${row[field]} through GraphQL, ${other[field]} by SQL`;
    }
  }
  return null;
}

/** The columns issue 20 added to the rollups (Migration20261207064502_contact_outcomes). */
export const OUTCOME_ROLLUP_COLUMNS = [
  'eligible',
  'offers',
  'sales',
  'sale_outcomes',
  'saves',
  'lost',
  'cancellations',
  'requiring_code',
  'coded',
  'sales_amount',
  'revenue',
] as const;

/** The copy of queue_interval_stat as it was before issue 20: the same rows without its columns. */
export const ROLLUP_BEFORE_OUTCOMES = 'queue_interval_stat_before_outcomes';

/**
 * Makes ROLLUP_BEFORE_OUTCOMES: queue_interval_stat's rows and indexes without issue 20's columns
 * (and without the indexes over them), vacuumed and analyzed like the original. Running the
 * subgraph's statement over both is what the new columns cost a trafficStats that does not ask for them.
 */
export async function createRollupBeforeOutcomes(client: Client): Promise<void> {
  const columns = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
     where table_schema = current_schema() and table_name = 'queue_interval_stat' order by ordinal_position`,
  );
  const kept = columns.rows
    .map((c) => c.column_name)
    .filter((c) => !(OUTCOME_ROLLUP_COLUMNS as readonly string[]).includes(c));
  await client.query(`drop table if exists ${ROLLUP_BEFORE_OUTCOMES}`);
  await client.query(
    `create table ${ROLLUP_BEFORE_OUTCOMES} as select ${kept.map((c) => `"${c}"`).join(', ')} from queue_interval_stat`,
  );
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'queue_interval_stat'`,
  );
  for (const { indexname, indexdef } of indexes.rows) {
    if (OUTCOME_ROLLUP_COLUMNS.some((c) => new RegExp(`\\b${c}\\b`).test(indexdef))) continue;
    await client.query(
      indexdef
        .replace(/^CREATE UNIQUE INDEX \S+/, `CREATE UNIQUE INDEX ${indexname}_before_outcomes`)
        .replace(/^CREATE INDEX \S+/, `CREATE INDEX ${indexname}_before_outcomes`)
        .replace(/ ON (\S+\.)?queue_interval_stat /, ` ON ${ROLLUP_BEFORE_OUTCOMES} `),
    );
  }
  await client.query(`vacuum analyze ${ROLLUP_BEFORE_OUTCOMES}`);
}

/** A statement of appStatsSql over ROLLUP_BEFORE_OUTCOMES instead of queue_interval_stat. */
export function overRollupBeforeOutcomes(statement: { sql: string; params: unknown[] }): {
  sql: string;
  params: unknown[];
} {
  const sql = statement.sql.replace(/\bqueue_interval_stat\b/g, ROLLUP_BEFORE_OUTCOMES);
  if (sql === statement.sql) throw new Error('the statement does not read queue_interval_stat');
  return { sql, params: statement.params };
}
