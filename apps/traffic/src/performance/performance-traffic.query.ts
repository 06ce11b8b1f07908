import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_FCR_WINDOW_DAYS } from '@switchboard/metrics';
import { MEASURES, READ_MEASURES } from '../model/measures';
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
  /** Σ handle hours × the standard cost rate of the queue's center and channel (numeric as text). */
  handling_cost: string | null;
  /** Answered contacts no standard cost rate applies to (their queue has no center, or no rate). */
  uncosted: number | null;
}

/**
 * The standard cost rates with the day each stops being in force (the next one's of the same scope),
 * and how specific each is (1 most): a handful of rows, matched to the per-day rows (METRICS.md,
 * costPerContact: a center's rate for a role and level, for a role, for a level, for every agent).
 */
const RATES = `rates as materialized (
  select r.center_id, r.role, r.level, r.channel, r.per_hour, r.valid_from,
    lead(r.valid_from) over (partition by r.center_id, r.role, r.level, r.channel order by r.valid_from) as valid_until,
    case when r.role is not null and r.level is not null then 1 when r.role is not null then 2
         when r.level is not null then 3 else 4 end as specificity
  from cost_rate r where r.center_id is not null
)`;

/**
 * The picked rollup rows summed per record, queue, channel and UTC day first (far fewer rows than
 * 15-minute intervals of each agent): the record's sums add these up (rows summed twice give the
 * same sums, maxima the same max), and the handling cost prices them, so the picked rows are read
 * once rather than materialized for two readers.
 */
const PER_DAY = `per_day as (
  select s.perf_key, s.queue_key, s.channel, (s.interval_start at time zone 'UTC')::date as day, s.agent_no,
    max(s.variant) as variant,
    ${READ_MEASURES.map((m) => `${m.read === 'max' ? 'max' : 'sum'}(s.${m.column}) as ${m.column}`).join(', ')}
  from picked s group by 1, 2, 3, 4, 5
)`;

/**
 * Each record's handling cost and its contacts no rate prices: its per-day rows' handle seconds at
 * the most specific rate of their queue's center and channel in force that day for the agent's role
 * and level (agent_grade, staff's copy). A queue's or a center's rows carry no agent (the queue-level
 * rollup): only the center's every-agent rate applies to them. Exact: numeric, never floats. The
 * candidates come by one hash join and the most specific is kept by one hash aggregate (a LATERAL
 * pick per row cost the drill-down +50 % PostgreSQL CPU, measured by outcome-cost.bench.ts).
 */
const HANDLING_COST = `priced as (
  select d.perf_key, d.handle_seconds, d.answered,
    -- the most specific candidate: arrays compare element by element (specificity first)
    (min(array[r.specificity::numeric, r.per_hour]))[2] as per_hour
  from per_day d
  left join queue q on q.id::text = d.queue_key
  left join agent_grade ag on ag.employee_no = d.agent_no
  left join rates r on r.center_id = q.center_id and r.channel = d.channel
    and r.valid_from <= d.day and (r.valid_until is null or d.day < r.valid_until)
    and (r.role is null or r.role = ag.role) and (r.level is null or r.level = ag.career_level::text)
  group by d.perf_key, d.queue_key, d.channel, d.day, d.agent_no, d.handle_seconds, d.answered
), handling as (
  select p.perf_key,
    (coalesce(sum(p.handle_seconds::numeric * p.per_hour), 0) / 3600)::text as handling_cost,
    coalesce(sum(p.answered) filter (where p.per_hour is null), 0)::int as uncosted
  from priced p
  group by p.perf_key
)`;

/** A JSON parameter of (record, ref, period) rows for one kind of match. */
const pairsOf = (alias: string): string =>
  `json_to_recordset(?::json) as ${alias}(perf_key text, ref text, p_from timestamptz, p_to timestamptz)`;

/**
 * Rows of `source` (alias s for rollups, c for contacts) per (record, match) pair.
 *
 * One period (a drill-down: many agents or teams over a month): each kind of match gets its own JSON
 * parameter (so the planner sees its size), and the batch's period bounds the scan as constants, so
 * the month is read once by range and hash-joined to the pairs. An agent's or a team's rows (up to
 * AGENTS_BY_INDEX agents) and every trend's are read by the (agent, time) index instead, pair by pair:
 * an agent page read the whole center's rows to answer one agent (issue 23). A center's and a
 * queue's rows come from the queue-level rollup, which has no agent dimension.
 *
 * Several periods (a trend: one scope, a year of days): each distinct period is read once by an
 * index range scan (a LATERAL subquery, fenced by OFFSET 0 so the planner keeps it), then joined to
 * that period's pairs, instead of every row of the year being matched against every day's pair (a
 * year by day took longer than the statement timeout). The two shapes are kept apart because the
 * LATERAL one, given a single month, let the drill-down past the statement timeout.
 *
 * A center's queues come from the materialized center_queues (a handful of rows per period), so a
 * misestimated contact scan cannot turn into that join re-run once per contact.
 */
function matched(
  source: 'interval_stat s' | 'contact c',
  start: string,
  select: string,
  shape: MatchShape,
): string {
  const queueKey = source === 'contact c' ? 'c.queue_id::text' : 's.queue_key';
  const agentKey = source === 'contact c' ? 'c.agent' : 's.agent_key';
  const [table, alias] = source.split(' ');
  // a queue's or a center's rollup rows need no agent: the queue-level rollup holds the same sums in
  // a fraction of the rows (issue 23: a center's record and trend read every agent's rows)
  const queueTable = table === 'interval_stat' ? 'queue_interval_stat' : table;
  const column = start.slice(start.indexOf('.') + 1);
  const from = (pairs: string, on: string, read = queueTable): string =>
    shape.perPeriod && read === 'queue_interval_stat'
      ? byQueue(pairs, read)
      : shape.perPeriod
        ? `(select distinct p_from, p_to from ${pairs}) pr
      cross join lateral (select * from ${read} x where x.${column} >= pr.p_from and x.${column} < pr.p_to
        and x.${column} >= ?::timestamptz and x.${column} < ?::timestamptz offset 0) ${alias}
      join ${pairs} g on g.p_from = pr.p_from and g.p_to = pr.p_to and ${on}`
        : `${read} ${alias} join ${pairs} on ${on}`;
  // A trend of a queue or a center from the queue-level rollup: each (queue, period) pair reads its
  // own rows by an index range scan. Read by period and joined to the pairs afterwards, the planner
  // (its estimate of the JSON pairs: one row) re-ran each period's scan once per queue: a center's
  // trend of 9 buckets over 8 queues scanned every queue's rows of a bucket 72 times, 164,000 buffer
  // hits and 0.7 s for 15,000 rows (issue 23, profile-pages.ts).
  const byQueue = (pairs: string, read: string): string => {
    const ref = pairs === 'center_queues' ? 'queue_key' : 'ref';
    return `${pairs} g cross join lateral (select * from ${read} x where x.queue_key = g.${ref}
        and x.${column} >= g.p_from and x.${column} < g.p_to
        and x.${column} >= ?::timestamptz and x.${column} < ?::timestamptz offset 0) ${alias}`;
  };
  const where = shape.perPeriod
    ? ''
    : `where ${start} >= ?::timestamptz and ${start} < ?::timestamptz and ${start} >= g.p_from and ${start} < g.p_to`;
  const pairs = (kind: 'agent' | 'queue'): string => (shape.perPeriod ? `pairs_${kind}` : pairsOf('g'));
  const agentColumn = agentKey.slice(agentKey.indexOf('.') + 1);
  // An agent's rows by the (agent, time) index, pair by pair: a team's or an agent's records never
  // read the other agents' rows of the period (issue 23). Fenced by OFFSET 0 like the periods above.
  const byAgent = `${shape.perPeriod ? 'pairs_agent g' : pairs('agent')} cross join lateral (select * from ${table} x where x.${agentColumn} = g.ref
        and x.${column} >= g.p_from and x.${column} < g.p_to
        and x.${column} >= ?::timestamptz and x.${column} < ?::timestamptz offset 0) ${alias}`;
  // agent_no: the agent of an agent's rows (what role and level cost rates match); none for a queue's
  // or a center's rows, read from the queue-level rollup
  const branches: Record<ScopeMatch, string> = {
    agent: shape.agentsByIndex
      ? `select ${select}, null::text as variant, g.ref as agent_no from ${byAgent}`
      : `select ${select}, null::text as variant, g.ref as agent_no from ${from(pairs('agent'), `${agentKey} = g.ref`, table)} ${where}`,
    queue: `select ${select}, q.sl_variant::text as variant, null::text as agent_no from ${from(pairs('queue'), `${queueKey} = g.ref`)}
      join queue q on q.id::text = g.ref ${where}`,
    center: `select ${select}, null::text as variant, null::text as agent_no from ${from(shape.perPeriod ? 'center_queues' : 'center_queues g', `${queueKey} = g.queue_key`)} ${where}`,
  };
  // only the kinds the batch holds: an empty branch would still scan the period
  return shape.kinds.map((kind) => branches[kind]).join('\n    union all\n    ');
}

/** The pairs of each kind of match of a several-period batch, as materialized CTEs (one JSON parameter each). */
function pairsCtes(shape: MatchShape): string {
  if (!shape.perPeriod) return '';
  return shape.kinds
    .filter((kind) => kind !== 'center')
    .map((kind) => `, pairs_${kind} as materialized (select * from ${pairsOf('j')})`)
    .join('');
}

/** A part's pairs as the JSON parameter of one kind of match. */
function pairsJson(parts: readonly ScopePart[], match: ScopeMatch, key: (p: ScopePart) => string): string {
  return JSON.stringify(
    parts
      .filter((p) => p.match === match)
      .map((p) => ({ perf_key: key(p), ref: p.ref, p_from: p.from.toISOString(), p_to: p.to.toISOString() })),
  );
}

interface MatchShape {
  kinds: ScopeMatch[];
  /** The batch holds more than one period (a trend). */
  perPeriod: boolean;
  /** Agents' rows are read by the (agent, time) index, pair by pair (see AGENTS_BY_INDEX). */
  agentsByIndex: boolean;
}

/**
 * Up to this many distinct agents in a one-period batch (an agent, a team), their rows are read by
 * index pair by pair; more (a center's whole drill-down) read the period once and hash-join, as a
 * center's agents are most of the period's rows anyway. A trend always reads by index: each bucket
 * is short.
 */
export const AGENTS_BY_INDEX = 60;

/** The kinds of match among `parts`, the shape of `matched` for them, and its statement parameters. */
function matchParams(
  parts: readonly ScopePart[],
  key: (p: ScopePart) => string,
): { shape: MatchShape; params: unknown[] } {
  const lowest = new Date(Math.min(...parts.map((p) => p.from.getTime())));
  const highest = new Date(Math.max(...parts.map((p) => p.to.getTime())));
  const kinds = (['agent', 'queue', 'center'] as const).filter((m) => parts.some((p) => p.match === m));
  const perPeriod = new Set(parts.map((p) => `${p.from.getTime()}/${p.to.getTime()}`)).size > 1;
  // center_queues' JSON is the statement's first parameter; one period: each branch's pairs, then
  // its bounds; several: each other kind's pairs (pairsCtes) first, then every branch's bounds
  const params = perPeriod
    ? [
        ...kinds.filter((m) => m !== 'center').map((m) => pairsJson(parts, m, key)),
        ...kinds.flatMap(() => [lowest, highest]),
      ]
    : kinds.flatMap((m) =>
        m === 'center' ? [lowest, highest] : [pairsJson(parts, m, key), lowest, highest],
      );
  const agents = new Set(parts.filter((p) => p.match === 'agent').map((p) => p.ref)).size;
  return { shape: { kinds, perPeriod, agentsByIndex: perPeriod || agents <= AGENTS_BY_INDEX }, params };
}

/**
 * What first-contact resolution is computed from, as one value that changes whenever that does: the
 * largest contact id (ids only grow; contacts are never changed or deleted) and a digest of which
 * center each queue belongs to (a center's contacts are its queues').
 */
const CONTACTS_VERSION = `(select coalesce(max(id), 0)::text from contact) || '/' ||
  (select coalesce(md5(string_agg(id::text || ':' || coalesce(center_id::text, ''), ',' order by id)), '') from queue)`;

const CENTER_QUEUES = `center_queues as materialized (
  select q.id::text as queue_key, g.perf_key, g.p_from, g.p_to
  from queue q join ${pairsOf('g')} on q.center_id::text = g.ref
)`;

/** The columns both rollups share (the agent-level one has agent_key besides), so their rows unite. */
const ROLLUP_SELECT = ['interval_start', 'queue_key', 'channel', ...MEASURES.map((m) => m.column)]
  .map((c) => `s.${c}`)
  .join(', ');

/**
 * The contact sums (from the 15-minute rollups) of a whole batch of performance records, in one
 * statement, with the largest contact id stored (what the first-contact-resolution counts, read
 * from the contacts themselves, are valid for). The pairs travel as JSON parameters, so the
 * statement's text is the same whatever the batch size.
 */
export async function performanceTrafficRows(
  em: EntityManager,
  parts: readonly ScopePart[],
  /** Price the handling time (false: the sums alone, as before issue 20; for the benchmark's reference). */
  { handlingCost = true }: { handlingCost?: boolean } = {},
): Promise<{ rows: PerformanceTrafficRow[]; contactsVersion: string | null }> {
  // a batch of records with no contacts to match (queues by unknown ids) reads nothing
  if (parts.length === 0) return { rows: [], contactsVersion: null };
  const byRecord = (p: ScopePart): string => p.key;
  const { shape, params } = matchParams(parts, byRecord);
  const sql = `
with ${CENTER_QUEUES}${pairsCtes(shape)}, picked as (${matched('interval_stat s', 's.interval_start', `g.perf_key, ${ROLLUP_SELECT}`, shape)}
), ${handlingCost ? `${RATES}, ${PER_DAY}, ` : ''}sums as (
  select s.perf_key, max(s.variant) as sl_variant, ${sumMeasuresSql().join(', ')}
  from ${handlingCost ? 'per_day' : 'picked'} s group by s.perf_key
)${handlingCost ? `, ${HANDLING_COST}` : ''}
select s.*, ${handlingCost ? 'h.handling_cost, h.uncosted' : 'null::text as handling_cost, null::int as uncosted'}, v.contacts_version
from (select ${CONTACTS_VERSION} as contacts_version) v left join sums s on true
  ${handlingCost ? 'left join handling h on h.perf_key = s.perf_key' : ''}`;
  const rows = await em.execute<(PerformanceTrafficRow & { contacts_version: string })[]>(sql, [
    pairsJson(parts, 'center', byRecord),
    ...params,
  ]);
  return {
    rows: rows.filter((row) => row.perf_key !== null),
    contactsVersion: rows[0].contacts_version,
  };
}

/** The part's identity in a batch of first-contact-resolution counts. */
export const partKey = (p: Pick<ScopePart, 'match' | 'ref' | 'from' | 'to'>): string =>
  `${p.match}|${p.ref}|${p.from.toISOString()}|${p.to.toISOString()}`;

/**
 * First-contact resolution per part (an agent's, a queue's or a center's answered inbound contacts
 * with a customer key, and how many of them had no contact of the same customer within the window
 * after), in one statement for the batch. The statement probes the contacts once per answered
 * contact: the most expensive thing a drill-down reads, which is why its answers are kept
 * (PartFcrCache).
 */
export async function partFcrRows(
  em: EntityManager,
  parts: readonly ScopePart[],
  windowDays = DEFAULT_FCR_WINDOW_DAYS,
): Promise<Map<string, { resolved: number; eligible: number }>> {
  const counts = new Map<string, { resolved: number; eligible: number }>();
  if (parts.length === 0) return counts;
  const { shape, params } = matchParams(parts, partKey);
  const sql = `
with ${CENTER_QUEUES}${pairsCtes(shape)}, answered as (${matched('contact c', 'c.arrived_at', 'g.perf_key, c.customer_key, c.arrived_at, c.direction, c.outcome', shape)}
)
select a.perf_key,
  count(*) filter (where not exists (select 1 from contact n where n.customer_key = a.customer_key
    and n.arrived_at > a.arrived_at and n.arrived_at <= a.arrived_at + ? * interval '1 day'))::float8 as resolved,
  count(*)::float8 as eligible
from answered a
where a.direction = 'INBOUND' and a.outcome = 'ANSWERED' and a.customer_key is not null
group by a.perf_key`;
  const rows = await em.execute<{ perf_key: string; resolved: number; eligible: number }[]>(sql, [
    pairsJson(parts, 'center', partKey),
    ...params,
    windowDays,
  ]);
  for (const part of parts) counts.set(partKey(part), { resolved: 0, eligible: 0 });
  for (const row of rows) counts.set(row.perf_key, { resolved: row.resolved, eligible: row.eligible });
  return counts;
}
