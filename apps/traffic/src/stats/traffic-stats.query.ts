import { badUserInput } from '@switchboard/server';
import { Granularity, StatsDimension } from '../common/enums';
import { visibleContactsSql, type ContactVisibility } from '../access/contact-visibility';
import { alignedBucketOrigin, checkIntervalPeriod, intervalStartSql, isUuid } from '../common/intervals';
import {
  DERIVED_MEASURES,
  MEASURES,
  OUTCOME_MEASURES,
  SPARSE_OUTCOME_MEASURES,
  READ_MEASURES,
  hasOutcomesSql,
  readSql,
  type MeasureColumn,
} from '../model/measures';
import type { StatsFilter } from './stats.input';

/** Rows one trafficStats answer may hold; narrow the filter or coarsen the granularity beyond it. */
// Checked after the fetch: a SQL LIMIT here turns the plan into a nested loop (measured 6x slower).
export const MAX_STATS_ROWS = 500_000;

/**
 * `work_mem` for one stats statement: a month of half hours per queue is tens of thousands of
 * groups, which at PostgreSQL's default 4 MB spill both the hash aggregate and the sort to disk.
 */
export const STATS_WORK_MEM = '64MB';

/** The summed rollup columns every stats row carries (snake_case as selected). */
export const SUM_COLUMNS = READ_MEASURES.filter((m) => m.read === 'sum' || m.read === 'voice').map(
  (m) => m.column,
);

/**
 * Sums of rollup rows `s` (one select list for stats rows and summaries alike): every measure, or
 * only `columns` (see metric-columns.ts) when a query asks for a few metrics.
 */
export function sumMeasuresSql(columns?: ReadonlySet<MeasureColumn>): string[] {
  return selectedMeasures(columns).map((m) => m.sql);
}

/** One summed measure of a stats select list, in the list's order. */
interface SelectedMeasure {
  column: MeasureColumn;
  sql: string;
  /** An outcome measure (SPARSE_OUTCOME_MEASURES): summed apart, from the rows with one, when few have. */
  outcome: boolean;
  /** Its SQL type as selected, for a typed null in the part of a union that does not sum it. */
  type: 'float8' | 'text';
}

const OUTCOME_COLUMNS = new Set<string>(SPARSE_OUTCOME_MEASURES.map((m) => m.column));

/**
 * In a statement with outcome sums (trafficStatsSql), an outcome count is read as null where it is
 * 0, as it is in most groups: nothing to print or parse (the service makes it 0, mergeOutcomeRows).
 * Measured on the stats bench's dense month: 7 counts +44 ms of PostgreSQL CPU as numbers, +32 ms so.
 */
const ZERO_AS_NULL = new Set<string>(OUTCOME_MEASURES.filter((m) => m.read === 'sum').map((m) => m.column));
const outcomeStatementSql = (m: SelectedMeasure): string =>
  ZERO_AS_NULL.has(m.column) ? `nullif(sum(s.${m.column}), 0)::float8 as ${m.column}` : m.sql;

function selectedMeasures(columns?: ReadonlySet<MeasureColumn>): SelectedMeasure[] {
  const all: SelectedMeasure[] = [
    ...READ_MEASURES.map(
      (m): SelectedMeasure => ({
        column: m.column,
        sql: readSql(m),
        outcome: OUTCOME_COLUMNS.has(m.column),
        type: m.read === 'money' ? 'text' : 'float8',
      }),
    ),
    ...DERIVED_MEASURES.map(
      (m): SelectedMeasure => ({
        column: m.column,
        sql: `${m.sql} as ${m.column}`,
        outcome: false,
        type: 'float8',
      }),
    ),
  ];
  return all.filter((m) => !columns || columns.has(m.column));
}

/**
 * An exact sum of money of no rows, as PostgreSQL prints the sum of the column's zeros (its scale):
 * what a group without outcomes answers when its outcome sums are read apart.
 */
export const MONEY_ZERO: Readonly<Record<string, string>> = Object.fromEntries(
  MEASURES.flatMap((m) => ('zero' in m ? [[m.column, m.zero]] : [])),
);

/**
 * Below this share of a rollup's rows with outcomes (index entries over table rows, the catalog's
 * counts), a statement with outcome fields sums them apart from those rows alone (trafficStatsSql).
 * Measured on the stats bench's month (tools/bench/stats.bench.ts --outcomes [--dispositions]):
 * apart, the outcomes cost nothing at 0 % and +150 % of the statement's CPU at 96 %; alongside, a
 * constant +45 %: the two meet near 30 %.
 */
export const SPLIT_BELOW_SHARE = 0.3;

export interface StatsSqlRow extends Record<(typeof SUM_COLUMNS)[number], number> {
  voice_offered: number;
  /** Exact sums of money (numeric as text). */
  sales_amount?: string;
  revenue?: string;
  /** The bucket's start, epoch milliseconds. */
  interval_ms: number;
  queue_key: string | null;
  channel: string | null;
  agent_key: string | null;
  center_id: string | null;
  team_id?: string | null;
  /** A queue's own variant, where a statement reads it (summaries by queue). */
  sl_variant?: string | null;
  max_wait_seconds: number | null;
  /**
   * Only in a statement that reads the outcome sums apart (trafficStatsSql): 0 for a group's row of
   * the other sums, 1 for its row of outcome sums, which sorts right after it.
   */
  part?: number;
}

/** Half hours and hours whose local starts are fixed instants apart all period long (most zones). */
function alignedOrigin(granularity: Granularity, filter: StatsFilter): Date | null {
  const minutes =
    granularity === Granularity.THIRTY_MINUTES ? 30 : granularity === Granularity.HOUR ? 60 : null;
  return minutes && alignedBucketOrigin(filter.from, filter.to, filter.timeZone, minutes);
}

/**
 * Start of the bucket holding each 15-minute rollup, in the query's time zone. Sub-day buckets stay
 * in absolute time (so the two 01:00 hours of a DST fall-back stay apart) and align to the local clock.
 */
function bucketSql(granularity: Granularity, start: string, origin: Date | null): string {
  if (origin) {
    return `date_bin('${granularity === Granularity.HOUR ? '1 hour' : '30 minutes'}', ${start}, ?::timestamptz)`;
  }
  const local = `${start} at time zone ?`;
  // Half hours and hours start where the local minute is a multiple of 30 or 60 (the local hour
  // does not matter: it is a whole number of both), so zones offset by 15 or 45 minutes align too.
  const localMinute = `extract(minute from ${local})::int`;
  switch (granularity) {
    case Granularity.FIFTEEN_MINUTES:
      return start;
    case Granularity.THIRTY_MINUTES:
      return `${start} - (${localMinute} % 30) * interval '1 minute'`;
    case Granularity.HOUR:
      return `${start} - ${localMinute} * interval '1 minute'`;
    case Granularity.DAY:
      return `date_trunc('day', ${local}) at time zone ?`;
    case Granularity.WEEK:
      return `date_trunc('week', ${local}) at time zone ?`;
    case Granularity.MONTH:
      return `date_trunc('month', ${local}) at time zone ?`;
    case Granularity.TOTAL:
      return '?::timestamptz';
  }
}

function bucketParams(granularity: Granularity, filter: StatsFilter, origin: Date | null): unknown[] {
  if (origin) return [origin];
  switch (granularity) {
    case Granularity.FIFTEEN_MINUTES:
      return [];
    case Granularity.THIRTY_MINUTES:
    case Granularity.HOUR:
      return [filter.timeZone];
    case Granularity.DAY:
    case Granularity.WEEK:
    case Granularity.MONTH:
      return [filter.timeZone, filter.timeZone];
    case Granularity.TOTAL:
      return [filter.from];
  }
}

export function checkFilter(filter: StatsFilter): void {
  checkIntervalPeriod(filter.from, filter.to, { from: 'filter.from', to: 'filter.to' });
  for (const [field, ids] of [
    ['filter.queueIds', filter.queueIds],
    ['filter.centerIds', filter.centerIds],
    ['filter.teamIds', filter.teamIds],
  ] as const) {
    const bad = ids?.find((id) => !isUuid(id));
    if (bad !== undefined) throw badUserInput({ field, message: `"${bad}" is not an id` });
  }
}

/** Where a statistics query reads from: a 15-minute rollup table, or the contacts themselves. */
export interface StatsSource {
  from: string;
  /** Joins `queue q` (for center groups and queue filters): only when they need it. */
  queueJoin: string;
  /** Start of the row's 15-minute interval. */
  start: string;
  queueKey: string;
  channel: string;
  agentKey: string;
  /** The customer segment, grouped by always when given (the segment rollup: segment-stats.ts). */
  segment?: string;
}

const ROLLUP_QUEUE_JOIN = " left join queue q on q.id::text = nullif(s.queue_key, '')";

/** Per queue, agent and channel: for agent and team dimensions and filters. */
const AGENT_ROLLUPS: StatsSource = {
  from: 'interval_stat s',
  queueJoin: ROLLUP_QUEUE_JOIN,
  start: 's.interval_start',
  queueKey: 's.queue_key',
  channel: 's.channel',
  agentKey: 's.agent_key',
};

/** Per queue and channel (no agent): far fewer rows, for everything else. */
export const QUEUE_ROLLUPS: StatsSource = { ...AGENT_ROLLUPS, from: 'queue_interval_stat s', agentKey: "''" };

const CONTACTS: StatsSource = {
  from: 'contact c',
  queueJoin: ' left join queue q on q.id = c.queue_id',
  start: intervalStartSql('c.arrived_at'),
  queueKey: "coalesce(c.queue_id::text, '')",
  channel: 'c.channel',
  agentKey: "coalesce(c.agent, '')",
};

/** Whether a query needs agents: grouped or filtered by agent or team. */
export function needsAgents(filter: StatsFilter, groupBy: readonly StatsDimension[]): boolean {
  return (
    groupBy.includes(StatsDimension.AGENT) ||
    groupBy.includes(StatsDimension.TEAM) ||
    filter.employeeNos !== undefined ||
    filter.teamIds !== undefined
  );
}

/**
 * Buckets, group keys and filters shared by the rollup and the contact queries: the sums grouped,
 * without the queue table unless a center or queue filter needs it (the rows' queue codes and
 * service-level variants are read apart, once per answer: see trafficStats).
 */
export function statsSql(
  source: StatsSource,
  measures: string[],
  extraWhere: string[],
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  visibility: ContactVisibility | null,
  { rawBucket = false, order = true }: { rawBucket?: boolean; order?: boolean } = {},
): { sql: string; params: unknown[]; groupAliases: string[] } {
  const dims = new Set(groupBy);
  const origin = alignedOrigin(granularity, filter);
  const bucket = bucketSql(granularity, source.start, origin);
  // The bucket's start as epoch milliseconds: a number is read far faster than a timestamptz text.
  // Raw (a timestamptz named bucket) for a caller that converts it once per group rather than per row.
  const select: string[] = [
    rawBucket ? `${bucket} as bucket` : `(extract(epoch from ${bucket}) * 1000)::float8 as interval_ms`,
  ];
  const groupAliases: string[] = [];
  const params: unknown[] = [...bucketParams(granularity, filter, origin)];
  // Team as of the contact's arrival: the assignment period (dates in the query's zone) holding it.
  const byTeam = dims.has(StatsDimension.TEAM) || filter.teamIds !== undefined;
  const teamJoin = byTeam
    ? ` left join agent_team_period p on p.employee_no = ${source.agentKey}
        and ${source.start} >= (p.valid_from::timestamp at time zone ?)
        and (p.valid_to is null or ${source.start} < (p.valid_to::timestamp at time zone ?))`
    : '';
  const joinParams = byTeam ? [filter.timeZone, filter.timeZone] : [];
  const withQueue =
    dims.has(StatsDimension.CENTER) ||
    filter.queueCodes !== undefined ||
    filter.centerIds !== undefined ||
    visibility !== null;
  const group: string[] = ['1'];
  const add = (expression: string, alias: string): void => {
    select.push(`${expression} as ${alias}`);
    group.push(String(group.length + 1));
    groupAliases.push(alias);
  };
  const byQueue = dims.has(StatsDimension.QUEUE);
  if (byQueue) add(source.queueKey, 'queue_key');
  if (dims.has(StatsDimension.CHANNEL)) add(source.channel, 'channel');
  if (dims.has(StatsDimension.AGENT)) add(`nullif(${source.agentKey}, '')`, 'agent_key');
  if (dims.has(StatsDimension.CENTER)) add('q.center_id', 'center_id');
  if (dims.has(StatsDimension.TEAM)) add('p.team_id', 'team_id');
  if (source.segment) add(source.segment, 'segment');
  select.push(...measures);
  params.push(...joinParams);
  const where = [`${source.start} >= ?`, `${source.start} < ?`, ...extraWhere];
  params.push(filter.from, filter.to);
  const inList = (column: string, values: readonly string[]): void => {
    where.push(values.length ? `${column} in (${values.map(() => '?').join(', ')})` : 'false');
    params.push(...values);
  };
  if (filter.queueIds) inList(source.queueKey, filter.queueIds);
  if (filter.queueCodes) inList('q.code', filter.queueCodes);
  if (filter.centerIds) inList('q.center_id::text', filter.centerIds);
  if (filter.channels) inList(`${source.channel}::text`, filter.channels);
  if (filter.employeeNos) inList(source.agentKey, filter.employeeNos);
  if (filter.teamIds) inList('p.team_id::text', filter.teamIds);
  // A caller who does not see everything: only their agents' rows and their centers' queues' rows.
  if (visibility) {
    const visible = visibleContactsSql(visibility, source.agentKey, 'q.center_id');
    where.push(visible.sql);
    params.push(...visible.params);
  }
  const sql = `select ${select.join(', ')}
from ${source.from}${withQueue ? source.queueJoin : ''}${teamJoin}
where ${where.join(' and ')}
group by ${group.join(', ')}${order ? `\norder by ${group.join(', ')}` : ''}`;
  return { sql, params, groupAliases };
}

/**
 * SQL (knex placeholders) summing the rollups per bucket and requested dimension: the queue-level
 * rollups unless the query needs agents, or the caller sees only some agents' rows.
 */
export function trafficStatsSql(
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  columns?: ReadonlySet<MeasureColumn>,
  visibility: ContactVisibility | null = null,
  splitBelowShare = SPLIT_BELOW_SHARE,
): { sql: string; params: unknown[] } {
  const source = needsAgents(filter, groupBy) || visibility ? AGENT_ROLLUPS : QUEUE_ROLLUPS;
  const measures = selectedMeasures(columns);
  // Every measure (the CSV export) or none of the outcomes: one grouped select, as always.
  if (!columns || !measures.some((m) => m.outcome)) {
    const { sql, params } = statsSql(
      source,
      measures.map((m) => m.sql),
      [],
      filter,
      granularity,
      groupBy,
      visibility,
    );
    return { sql, params };
  }
  // Outcome sums asked for (issue 20: they may cost at most 10 % more). Summed alongside the other
  // sums, they cost +40-65 % of PostgreSQL's CPU (tools/bench/stats.bench.ts --outcomes): 8 more sums
  // over every row and 8 more values per answer row, outcomes or not. So while most rollup rows have
  // no outcome (no sales or retention outcome, no queue requiring a code), those sums are taken
  // apart, over the rows with one only (the partial covering index holds them), in a second part of
  // the statement, each group's row of them sorted right after its row of the other sums (part 0,
  // then 1) for the service to read with it (outcomeSumsOf). Where most rows have such outcomes, reading them twice and sorting twice the rows
  // costs more than summing them alongside (measured: +150 % against +45 % at 96 % of the rows), so
  // the statement sums them alongside there. Which of the two runs is decided inside the statement,
  // from the catalog's row counts of the index and its table (kept by autovacuum): the other branch
  // is never executed.
  const table = source.from.split(' ')[0];
  const dense = `(select coalesce(i.reltuples, 0) > ${Number(splitBelowShare)} * greatest(t.reltuples, 1)
    from pg_class t left join pg_class i on i.oid = to_regclass('${table}_outcomes') where t.oid = '${table}'::regclass)`;
  const together = statsSql(
    source,
    [...measures.map(outcomeStatementSql), '0 as part'],
    [dense],
    filter,
    granularity,
    groupBy,
    visibility,
    { order: false },
  );
  const typedNull = (m: SelectedMeasure): string => `null::${m.type} as ${m.column}`;
  const main = statsSql(
    source,
    [...measures.map((m) => (m.outcome ? typedNull(m) : outcomeStatementSql(m))), '0 as part'],
    [`not ${dense}`],
    filter,
    granularity,
    groupBy,
    visibility,
    { order: false },
  );
  const outcomes = statsSql(
    source,
    measures.filter((m) => m.outcome).map(outcomeStatementSql),
    [`not ${dense}`, hasOutcomesSql('s')],
    filter,
    granularity,
    groupBy,
    visibility,
    { rawBucket: true, order: false },
  );
  const keys = ['interval_ms', ...main.groupAliases];
  const sql = `${together.sql}
union all
${main.sql}
union all
select (extract(epoch from o.bucket) * 1000)::float8 as interval_ms, ${[
    ...main.groupAliases.map((a) => `o.${a}`),
    ...measures.map((m) => (m.outcome ? `o.${m.column}` : typedNull(m))),
    '1 as part',
  ].join(', ')}
from (${outcomes.sql}) o
order by ${[...keys, 'part'].join(', ')}`;
  return { sql, params: [...together.params, ...main.params, ...outcomes.params] };
}

export interface FcrSqlRow {
  interval_ms: number;
  queue_key?: string;
  channel?: string;
  agent_key?: string | null;
  center_id?: string | null;
  team_id?: string | null;
  resolved: number;
  eligible: number;
}

/**
 * First-contact resolution per bucket and group (METRICS.md): answered inbound contacts with a
 * customer key, and of those the ones after which the same customer has no other contact (any
 * channel, any queue) arriving within the window. Read from the contacts: the window is an argument.
 */
export function fcrSql(
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  windowDays: number,
  visibility: ContactVisibility | null = null,
): { sql: string; params: unknown[] } {
  const { sql, params } = statsSql(
    CONTACTS,
    [
      `count(*) filter (where not exists (select 1 from contact n where n.customer_key = c.customer_key
        and n.arrived_at > c.arrived_at and n.arrived_at <= c.arrived_at + ${windowDays} * interval '1 day'))::float8 as resolved`,
      'count(*)::float8 as eligible',
    ],
    ["c.direction = 'INBOUND'", "c.outcome = 'ANSWERED'", 'c.customer_key is not null'],
    filter,
    granularity,
    groupBy,
    visibility,
  );
  return { sql, params };
}
