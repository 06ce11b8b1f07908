import type { EntityManager } from '@mikro-orm/postgresql';
import {
  contactMetrics,
  fcrRate,
  emptyOutcomeTotals,
  outcomeMetrics,
  DEFAULT_SERVICE_LEVEL_VARIANT,
  type OutcomeMetrics,
  type OutcomeTotals,
  type ContactMetrics,
  type ContactTotals,
  type ServiceLevelVariant,
} from '@switchboard/metrics';
import type { ContactVisibility } from '../access/contact-visibility';
import type { Granularity, StatsDimension } from '../common/enums';
import type { Channel } from '../contact/contact-record';
import type { Queue } from '../queue/queue.entity';
import { QueueService } from '../queue/queue.service';
import { columnsFor, wantsOutcomes, type MeasureColumn } from './metric-columns';
import { DERIVED_MEASURES, READ_MEASURES } from '../model/measures';

const TOTAL_MEASURES = [...READ_MEASURES, ...DERIVED_MEASURES].flatMap((m) =>
  'total' in m ? [{ column: m.column, total: m.total }] : [],
);
import type { StatsFilter } from './stats.input';
import {
  checkFilter,
  fcrSql,
  MAX_STATS_ROWS,
  MONEY_ZERO,
  STATS_WORK_MEM,
  trafficStatsSql,
  type FcrSqlRow,
  type StatsSqlRow,
} from './traffic-stats.query';
import { badUserInput, checkStatsRows } from '@switchboard/server';

/** The outcome fields of a stats row (zeros and nulls when not asked for). */
export interface OutcomeStatsFields extends OutcomeMetrics {
  eligible: number;
  offers: number;
  sales: number;
  saves: number;
  lost: number;
  cancellations: number;
  salesAmount: string;
  revenue: string;
}

/** The outcome sums and figures of a row when no outcome field is asked for (not read). */
const NO_OUTCOME_SUMS = emptyOutcomeTotals();
const NO_OUTCOME_METRICS = outcomeMetrics(NO_OUTCOME_SUMS);

/** The outcome sums of one SQL row (unselected ones 0), in the shape the formula library takes. */
export function outcomeTotalsOf(row: StatsSqlRow, { answered = true } = {}): OutcomeTotals {
  const n = (v: number | undefined): number => v ?? 0;
  return {
    answered: answered ? n(row.answered) : 0,
    eligible: n(row.eligible),
    offers: n(row.offers),
    sales: n(row.sales),
    saleOutcomes: n(row.sale_outcomes),
    salesAmount: row.sales_amount ?? '0',
    revenue: row.revenue ?? '0',
    saves: n(row.saves),
    lost: n(row.lost),
    cancellations: n(row.cancellations),
    requiringCode: n(row.requiring_code),
    coded: n(row.coded),
  };
}

/**
 * The outcome sums of one group of a stats statement (unselected ones 0), in the shape the formula
 * library takes: from its row, or from its row of outcome sums when the statement read those apart
 * (part 1, a 0 read as null: see trafficStatsSql). A group
 * without that row has no such outcome: its counts are 0 and its sums of money the exact zero the
 * column's sum would print. Without `answered` (revenuePerContact not asked for), revenuePerContact
 * is null and costs nothing: it divides exact decimals, the dearest of the outcome fields.
 */
export function outcomeSumsOf(
  row: StatsSqlRow,
  apart: StatsSqlRow | undefined,
  { answered = true } = {},
): OutcomeTotals {
  const o = apart ?? row;
  return {
    answered: answered ? (row.answered ?? 0) : 0,
    eligible: o.eligible ?? 0,
    offers: o.offers ?? 0,
    sales: o.sales ?? 0,
    saleOutcomes: o.sale_outcomes ?? 0,
    salesAmount: o.sales_amount ?? MONEY_ZERO.sales_amount,
    revenue: o.revenue ?? MONEY_ZERO.revenue,
    saves: o.saves ?? 0,
    lost: o.lost ?? 0,
    cancellations: o.cancellations ?? 0,
    requiringCode: o.requiring_code ?? 0,
    coded: o.coded ?? 0,
  };
}

export interface TrafficStatsRow extends ContactMetrics, OutcomeStatsFields {
  intervalStart: Date;
  queueId: string | null;
  queueCode: string | null;
  channel: Channel | null;
  employeeNo: string | null;
  centerId: string | null;
  teamId: string | null;
  /** Only when asked for (it reads the contacts, not the rollups); null otherwise. */
  fcrRate: number | null;
}

const groupKey = (row: {
  interval_ms: number;
  queue_key?: string | null;
  channel?: string | null;
  agent_key?: string | null;
  center_id?: string | null;
  team_id?: string | null;
}): string =>
  [
    row.interval_ms,
    row.queue_key ?? '',
    row.channel ?? '',
    row.agent_key ?? '',
    row.center_id ?? '',
    row.team_id ?? '',
  ].join('|');

/** The rollup sums of one SQL row, in the shape the formula library takes (from the measure list). */
export function totalsOf(
  row: Omit<StatsSqlRow, 'interval_ms' | 'queue_key' | 'channel' | 'agent_key' | 'center_id'>,
): ContactTotals {
  const totals: Record<string, number | null> = {};
  const values = row as unknown as Record<string, number | null | undefined>;
  // a column a query did not select stays undefined, as the row has it
  for (const m of TOTAL_MEASURES) if (m.column in values) totals[m.total] = values[m.column] ?? null;
  return totals as unknown as ContactTotals;
}

/**
 * trafficStats' one statement, its filter checked first (the same checks, the same SQL for the
 * GraphQL field and the CSV export route): refused before it runs when the period, granularity and
 * groups promise too many rows (the gateway checks the same estimate; a subgraph reached another
 * way keeps the guard).
 */
export function trafficStatsStatement(
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  columns: ReadonlySet<MeasureColumn> | undefined,
  visibility: ContactVisibility | null,
): { sql: string; params: unknown[] } {
  checkFilter(filter);
  checkStatsRows({
    from: filter.from,
    to: filter.to,
    granularity,
    groupBy,
    named: {
      CENTER: filter.centerIds?.length,
      TEAM: filter.teamIds?.length,
      QUEUE: (filter.queueIds?.length ?? 0) + (filter.queueCodes?.length ?? 0) || undefined,
      CHANNEL: filter.channels?.length,
      AGENT: filter.employeeNos?.length,
    },
  });
  return trafficStatsSql(filter, granularity, groupBy, columns, visibility);
}

/**
 * trafficStats: one SQL statement over the 15-minute rollups; the formulas turn each row's sums into
 * rates. With `metrics`, only the sums those metrics read are selected, and only those metrics of
 * the rows are meaningful (the others are computed from missing sums).
 */
export async function trafficStats(
  em: EntityManager,
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  options: { fcr: boolean; metrics?: Iterable<string>; visibility?: ContactVisibility | null } = {
    fcr: false,
  },
): Promise<TrafficStatsRow[]> {
  const visibility = options.visibility ?? null;
  const { sql, params } = trafficStatsStatement(
    filter,
    granularity,
    groupBy,
    columnsFor(options.metrics),
    visibility,
  );
  const rows = await executeWithSortMemory<StatsSqlRow>(em, sql, params);
  const apart = outcomesApart(rows);
  const count = apart ? rows.length - apart.size : rows.length;
  if (count > MAX_STATS_ROWS) {
    throw badUserInput({
      field: 'filter',
      message: `the answer would exceed ${MAX_STATS_ROWS} rows: narrow the filter or use a coarser granularity`,
    });
  }
  const fcr = options.fcr ? await fcrByGroup(em, filter, granularity, groupBy, visibility) : null;
  const queues = await queueSettings(em, rows);
  const variant = (filter.serviceLevelVariant ?? DEFAULT_SERVICE_LEVEL_VARIANT) as ServiceLevelVariant;
  // Plain objects of one shape, built once per row with their final values (the leaves as GraphQL
  // writes them: SERIALIZED_STATS_TYPES): tens of thousands of rows are common. Rows come ordered
  // by bucket, so the rows of one bucket share one Date.
  let start = new Date(Number.NaN);
  // An agent's or a team's contacts are those it handled: a call abandoned in the queue reached no
  // agent (it is in the row without one), so such a row, or a filter on agents, has no abandon rate.
  const byAgents = Boolean(filter.employeeNos?.length);
  // outcome fields only when asked for (their money sums are exact decimals: dearer per row)
  const outcomes = wantsOutcomes(options.metrics);
  const perContact = options.metrics === undefined || new Set(options.metrics).has('revenuePerContact');
  const totals = totalsReader(rows[0]);
  const answer: TrafficStatsRow[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (apart?.has(i)) continue;
    const t = outcomes
      ? outcomeSumsOf(row, apart?.has(i + 1) ? rows[i + 1] : undefined, { answered: perContact })
      : NO_OUTCOME_SUMS;
    const o = outcomes ? outcomeMetrics(t) : NO_OUTCOME_METRICS;
    const queue = row.queue_key ? queues.get(row.queue_key) : undefined;
    const m = contactMetrics(totals(row), queue?.variant ?? variant);
    if (start.getTime() !== row.interval_ms) start = new Date(row.interval_ms);
    answer.push({
      intervalStart: start,
      queueId: row.queue_key || null,
      queueCode: queue?.code ?? null,
      channel: (row.channel as Channel | null) ?? null,
      employeeNo: row.agent_key ?? null,
      centerId: row.center_id ?? null,
      teamId: row.team_id ?? null,
      offered: m.offered,
      answered: m.answered,
      abandoned: m.abandoned,
      shortAbandoned: m.shortAbandoned,
      answeredWithinThreshold: m.answeredWithinThreshold,
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      ahtSeconds: m.ahtSeconds,
      avgTalkSeconds: m.avgTalkSeconds,
      avgHoldSeconds: m.avgHoldSeconds,
      avgAcwSeconds: m.avgAcwSeconds,
      abandonRate: byAgents || row.agent_key || row.team_id ? null : m.abandonRate,
      maxWaitSeconds: m.maxWaitSeconds,
      transferRate: m.transferRate,
      ivrContainmentRate: m.ivrContainmentRate,
      fcrRate: fcr ? (fcr.get(groupKey(row)) ?? null) : null,
      // Named one by one, not spread: a literal of one shape, built without copying property by property
      eligible: t.eligible,
      offers: t.offers,
      sales: t.sales,
      saves: t.saves,
      lost: t.lost,
      cancellations: t.cancellations,
      salesAmount: t.salesAmount,
      revenue: t.revenue,
      offerRate: o.offerRate,
      conversionRate: o.conversionRate,
      retentionSaveRate: o.retentionSaveRate,
      revenuePerContact: o.revenuePerContact,
      dispositionCompliance: o.dispositionCompliance,
    });
  }
  return answer;
}

/**
 * The rollup sums of each SQL row as ContactTotals: the measures the statement selected, found once
 * on its first row (every row has the same columns), then read by name (no look-up of every measure
 * in every row, a third of the rows' building time on a month of half hours per queue).
 */
function totalsReader(first: StatsSqlRow | undefined): (row: StatsSqlRow) => ContactTotals {
  const selected = first ? TOTAL_MEASURES.filter((m) => m.column in first) : [];
  return (row) => {
    const totals: Record<string, number | null> = {};
    const values = row as unknown as Record<string, number | null>;
    for (const m of selected) totals[m.total] = values[m.column] ?? null;
    return totals as unknown as ContactTotals;
  };
}

const GROUP_FIELDS = ['interval_ms', 'queue_key', 'channel', 'agent_key', 'center_id', 'team_id'] as const;

/**
 * In the rows of a statement that may sum the outcomes apart (trafficStatsSql), the indexes of the
 * groups' rows of outcome sums (part 1), each right after its group's row of the other sums (part
 * 0), which outcomeSumsOf reads with it; undefined for the rows of any other statement. Rows summed
 * alongside are all part 0.
 */
export function outcomesApart(rows: readonly StatsSqlRow[]): Set<number> | undefined {
  if (!rows.length || rows[0].part === undefined) return undefined;
  const groups = GROUP_FIELDS.filter((c) => c in rows[0]);
  const apart = new Set<number>();
  for (let i = 0; i < rows.length; i += 1) {
    if (rows[i].part !== 1) continue;
    const group = rows[i - 1] as StatsSqlRow | undefined;
    if (group?.part !== 0 || groups.some((g) => group[g] !== rows[i][g])) {
      throw new Error('trafficStats: outcome sums of a group without its row');
    }
    apart.add(i);
  }
  return apart;
}

/**
 * Runs a stats statement in a transaction of its own with `work_mem` raised for it alone. At
 * PostgreSQL's default 4 MB, a month of half hours per queue (tens of thousands of groups) spills
 * both its hash aggregate and its sort to disk (EXPLAIN ANALYZE: "external merge").
 */
function executeWithSortMemory<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.transactional(async (tx) => {
    await tx.execute(`set local work_mem = '${STATS_WORK_MEM}'`);
    return tx.execute<T[]>(sql, params);
  });
}

/**
 * The code and variant of each queue the rows are grouped by (none unless grouped by queue), as
 * plain values: read for every row, where an entity's property is a getter.
 */
async function queueSettings(
  em: EntityManager,
  rows: readonly StatsSqlRow[],
): Promise<Map<string, { code: string; variant: ServiceLevelVariant }>> {
  const ids = new Set<string>();
  for (const row of rows) if (row.queue_key) ids.add(row.queue_key);
  if (!ids.size) return new Map();
  const queues: Queue[] = await new QueueService(em).findByIds([...ids]);
  return new Map(queues.map((q) => [q.id, { code: q.code, variant: q.slVariant as ServiceLevelVariant }]));
}

/** FCR per bucket and group, keyed like the rollup rows they are joined to. */
async function fcrByGroup(
  em: EntityManager,
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  visibility: ContactVisibility | null,
): Promise<Map<string, number | null>> {
  const { sql, params } = fcrSql(filter, granularity, groupBy, filter.fcrWindowDays ?? 7, visibility);
  const rows = await em.execute<FcrSqlRow[]>(sql, params);
  return new Map(rows.map((r) => [groupKey(r), fcrRate(r.resolved, r.eligible)]));
}
