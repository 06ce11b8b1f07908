import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_FCR_WINDOW_DAYS } from '@switchboard/metrics';
import { sumMeasuresSql, type StatsSqlRow } from '../stats/traffic-stats.query';

/** What one performance record's contacts are matched by. */
export type ScopeMatch = 'agent' | 'queue' | 'center';

/** One (record, match) pair: a team's record has one per member, a center's one for its id. */
export interface ScopePart {
  key: string;
  match: ScopeMatch;
  ref: string;
  from: Date;
  to: Date;
}

export interface PerformanceTrafficRow extends StatsSqlRow {
  perf_key: string;
  resolved: number | null;
  eligible: number | null;
}

/** A JSON parameter of (record, ref, period) rows for one kind of match. */
const pairsOf = (alias: string): string =>
  `json_to_recordset(?::json) as ${alias}(perf_key text, ref text, p_from timestamptz, p_to timestamptz)`;

/**
 * Rows of `source` (alias s for rollups, c for contacts) per (record, match) pair. Each kind of match
 * gets its own JSON parameter (so the planner sees its size), and the batch's overall period bounds
 * the scan as constants, so the month is read once by range and hash-joined to the pairs. A
 * center's queues come from the materialized center_queues (a handful of rows), so a misestimated
 * contact scan cannot turn into that join re-run once per contact.
 */
function matched(
  source: 'interval_stat s' | 'contact c',
  start: string,
  select: string,
  kinds: readonly ScopeMatch[],
): string {
  const queueKey = source === 'contact c' ? 'c.queue_id::text' : 's.queue_key';
  const agentKey = source === 'contact c' ? 'c.agent' : 's.agent_key';
  const within = `${start} >= ?::timestamptz and ${start} < ?::timestamptz and ${start} >= g.p_from and ${start} < g.p_to`;
  const branches: Record<ScopeMatch, string> = {
    agent: `select ${select}, null::text as variant from ${source} join ${pairsOf('g')} on ${agentKey} = g.ref
      where ${within}`,
    queue: `select ${select}, q.sl_variant::text as variant from ${source} join ${pairsOf('g')} on ${queueKey} = g.ref
      join queue q on q.id::text = g.ref where ${within}`,
    center: `select ${select}, null::text as variant from ${source} join center_queues g on ${queueKey} = g.queue_key
      where ${within}`,
  };
  // only the kinds the batch holds: an empty branch would still scan the period
  return kinds.map((kind) => branches[kind]).join('\n    union all\n    ');
}

/**
 * The contact sums (from the 15-minute rollups) and the first-contact-resolution counts (from the
 * contacts) of a whole batch of performance records, in one statement. The pairs travel as JSON
 * parameters, so the statement's text is the same whatever the batch size.
 */
export async function performanceTrafficRows(
  em: EntityManager,
  parts: readonly ScopePart[],
): Promise<PerformanceTrafficRow[]> {
  if (parts.length === 0) return [];
  const json = (match: ScopeMatch): string =>
    JSON.stringify(
      parts
        .filter((p) => p.match === match)
        .map((p) => ({
          perf_key: p.key,
          ref: p.ref,
          p_from: p.from.toISOString(),
          p_to: p.to.toISOString(),
        })),
    );
  const lowest = new Date(Math.min(...parts.map((p) => p.from.getTime())));
  const highest = new Date(Math.max(...parts.map((p) => p.to.getTime())));
  const kinds = (['agent', 'queue', 'center'] as const).filter((m) => parts.some((p) => p.match === m));
  // a center's queues come from center_queues (its JSON is the statement's first parameter)
  const matchParams = kinds.flatMap((m) => (m === 'center' ? [lowest, highest] : [json(m), lowest, highest]));
  const sql = `
with center_queues as materialized (
  select q.id::text as queue_key, g.perf_key, g.p_from, g.p_to
  from queue q join ${pairsOf('g')} on q.center_id::text = g.ref
), picked as (${matched('interval_stat s', 's.interval_start', 'g.perf_key, s.*', kinds)}
), sums as (
  select s.perf_key, max(s.variant) as sl_variant, ${sumMeasuresSql().join(', ')}
  from picked s group by s.perf_key
), answered as (${matched('contact c', 'c.arrived_at', 'g.perf_key, c.customer_key, c.arrived_at, c.direction, c.outcome', kinds)}
), fcr as (
  select a.perf_key,
    count(*) filter (where not exists (select 1 from contact n where n.customer_key = a.customer_key
      and n.arrived_at > a.arrived_at and n.arrived_at <= a.arrived_at + ? * interval '1 day'))::float8 as resolved,
    count(*)::float8 as eligible
  from answered a
  where a.direction = 'INBOUND' and a.outcome = 'ANSWERED' and a.customer_key is not null
  group by a.perf_key
)
select s.*, f.resolved, f.eligible from sums s left join fcr f on f.perf_key = s.perf_key`;
  return em
    .getConnection()
    .execute<
      PerformanceTrafficRow[]
    >(sql, [json('center'), ...matchParams, ...matchParams, DEFAULT_FCR_WINDOW_DAYS]);
}
