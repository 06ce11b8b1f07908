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
import { DERIVED_MEASURES, OUTCOME_MEASURES, READ_MEASURES } from '../model/measures';

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

const NO_OUTCOMES: OutcomeStatsFields = {
  eligible: 0,
  offers: 0,
  sales: 0,
  saves: 0,
  lost: 0,
  cancellations: 0,
  salesAmount: '0',
  revenue: '0',
  ...outcomeMetrics(emptyOutcomeTotals()),
};

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
 * The outcome fields of one row. revenuePerContact divides exact decimals (the dearest of them per
 * row): computed only when asked for, as an unselected field is never read.
 */
function outcomeFields(row: StatsSqlRow, revenuePerContact: boolean): OutcomeStatsFields {
  // without the answered count, revenuePerContact is null and costs nothing
  const t = outcomeTotalsOf(row, { answered: revenuePerContact });
  const metrics = outcomeMetrics(t);
  return {
    eligible: t.eligible,
    offers: t.offers,
    sales: t.sales,
    saves: t.saves,
    lost: t.lost,
    cancellations: t.cancellations,
    salesAmount: t.salesAmount,
    revenue: t.revenue,
    offerRate: metrics.offerRate,
    conversionRate: metrics.conversionRate,
    retentionSaveRate: metrics.retentionSaveRate,
    revenuePerContact: metrics.revenuePerContact,
    dispositionCompliance: metrics.dispositionCompliance,
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
  const rows = mergeOutcomeRows(await executeWithSortMemory<StatsSqlRow>(em, sql, params));
  if (rows.length > MAX_STATS_ROWS) {
    throw badUserInput({
      field: 'filter',
      message: `the answer would exceed ${MAX_STATS_ROWS} rows: narrow the filter or use a coarser granularity`,
    });
  }
  const fcr = options.fcr ? await fcrByGroup(em, filter, granularity, groupBy, visibility) : null;
  const queues = await queueSettings(em, rows);
  const variant = (filter.serviceLevelVariant ?? DEFAULT_SERVICE_LEVEL_VARIANT) as ServiceLevelVariant;
  // Plain objects of one shape, built once per row: tens of thousands of rows are common. Rows
  // come ordered by bucket, so the rows of one bucket share one Date.
  let start = new Date(Number.NaN);
  // An agent's or a team's contacts are those it handled: a call abandoned in the queue reached no
  // agent (it is in the row without one), so such a row, or a filter on agents, has no abandon rate.
  const byAgents = Boolean(filter.employeeNos?.length);
  // outcome fields only when asked for (their money sums are exact decimals: dearer per row)
  const outcomes = wantsOutcomes(options.metrics);
  const perContact = options.metrics === undefined || new Set(options.metrics).has('revenuePerContact');
  return rows.map((row): TrafficStatsRow => {
    const o = outcomes ? outcomeFields(row, perContact) : NO_OUTCOMES;
    const queue = row.queue_key ? queues.get(row.queue_key) : undefined;
    const m = contactMetrics(totalsOf(row), (queue?.slVariant as ServiceLevelVariant | undefined) ?? variant);
    if (start.getTime() !== row.interval_ms) start = new Date(row.interval_ms);
    return {
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
      eligible: o.eligible,
      offers: o.offers,
      sales: o.sales,
      saves: o.saves,
      lost: o.lost,
      cancellations: o.cancellations,
      salesAmount: o.salesAmount,
      revenue: o.revenue,
      offerRate: o.offerRate,
      conversionRate: o.conversionRate,
      retentionSaveRate: o.retentionSaveRate,
      revenuePerContact: o.revenuePerContact,
      dispositionCompliance: o.dispositionCompliance,
    };
  });
}

const GROUP_FIELDS = ['interval_ms', 'queue_key', 'channel', 'agent_key', 'center_id', 'team_id'] as const;

/**
 * The rows of a statement that may sum the outcomes apart (trafficStatsSql): each group's row of
 * outcome sums (part 1) merged into the group's row of the other sums (part 0) just before it. A
 * group without outcomes has no part 1: its outcome counts are 0 and its sums of money
 * are the exact zero the column's sum would print. Rows summed alongside (every part 0, with their
 * outcome sums) and rows of any other statement are returned as they are.
 */
export function mergeOutcomeRows(rows: StatsSqlRow[]): StatsSqlRow[] {
  if (!rows.length || rows[0].part === undefined) return rows;
  const merged: StatsSqlRow[] = [];
  const money = Object.keys(MONEY_ZERO).filter((c) => c in rows[0]) as ('sales_amount' | 'revenue')[];
  const counts = OUTCOME_MEASURES.map((m) => m.column).filter(
    (c) => c in rows[0] && !(c in MONEY_ZERO),
  ) as (keyof StatsSqlRow)[];
  const fields = Object.keys(rows[0]).filter(
    (c) => c !== 'part' && !(GROUP_FIELDS as readonly string[]).includes(c),
  );
  const groups = GROUP_FIELDS.filter((c) => c in rows[0]);
  let last: StatsSqlRow | undefined;
  for (const row of rows) {
    if (row.part === 0) {
      for (const c of money) row[c] ??= MONEY_ZERO[c];
      for (const c of counts) (row as unknown as Record<string, unknown>)[c] ??= 0;
      merged.push(row);
      last = row;
      continue;
    }
    if (!last || groups.some((g) => last?.[g] !== row[g])) {
      throw new Error('trafficStats: outcome sums of a group without its row');
    }
    const into = last as unknown as Record<string, unknown>;
    const from = row as unknown as Record<string, unknown>;
    for (const c of fields) if (from[c] !== null) into[c] = from[c];
  }
  return merged;
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

/** The code and variant of each queue the rows are grouped by (none unless grouped by queue). */
async function queueSettings(em: EntityManager, rows: readonly StatsSqlRow[]): Promise<Map<string, Queue>> {
  const ids = new Set<string>();
  for (const row of rows) if (row.queue_key) ids.add(row.queue_key);
  if (!ids.size) return new Map();
  return new Map((await new QueueService(em).findByIds([...ids])).map((q) => [q.id, q]));
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
