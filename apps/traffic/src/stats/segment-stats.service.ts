import type { EntityManager } from '@mikro-orm/postgresql';
import {
  contactMetrics,
  DEFAULT_SERVICE_LEVEL_VARIANT,
  remainderContactTotals,
  type ContactMetrics,
  type ContactTotals,
  type ServiceLevelVariant,
} from '@switchboard/metrics';
import { badUserInput, checkStatsRows } from '@switchboard/server';
import type { ContactVisibility } from '../access/contact-visibility';
import { StatsDimension, type Granularity } from '../common/enums';
import type { Channel } from '../contact/contact-record';
import { DERIVED_MEASURES, READ_MEASURES, type MeasureColumn } from '../model/measures';
import { CUSTOMER_SEGMENTS, ROLLED_SEGMENTS, type CustomerSegment } from '../model/segments';
import { QueueService } from '../queue/queue.service';
import { SEGMENT_MEASURES } from './segment-rollup';
import type { StatsFilter } from './stats.input';
import {
  checkFilter,
  MAX_STATS_ROWS,
  QUEUE_ROLLUPS,
  statsSql,
  STATS_WORK_MEM,
  sumMeasuresSql,
  type StatsSource,
  type StatsSqlRow,
} from './traffic-stats.query';
import { totalsOf } from './traffic-stats.service';

export interface SegmentStatsRow extends ContactMetrics {
  intervalStart: Date;
  segment: CustomerSegment;
  queueId: string | null;
  queueCode: string | null;
  channel: Channel | null;
  centerId: string | null;
}

/** The segment rollup read like the queue rollup, with its segment as one more group key. */
const SEGMENT_ROLLUPS: StatsSource = {
  ...QUEUE_ROLLUPS,
  from: 'queue_segment_interval_stat s',
  segment: 's.segment',
};

/** The sums both rollups hold: the contact measures a stats row reads (no outcome measure). */
const SEGMENT_COLUMNS = new Set<MeasureColumn>([
  ...READ_MEASURES.filter((m) => SEGMENT_MEASURES.some((s) => s.column === m.column)).map(
    (m) => m.column as MeasureColumn,
  ),
  ...DERIVED_MEASURES.map((m) => m.column),
]);

const ALLOWED: readonly StatsDimension[] = [
  StatsDimension.CENTER,
  StatsDimension.QUEUE,
  StatsDimension.CHANNEL,
];

type SqlRow = StatsSqlRow & { segment?: CustomerSegment };
const keyOf = (row: SqlRow): string =>
  [row.interval_ms, row.queue_key ?? '', row.channel ?? '', row.center_id ?? ''].join('|');

/** Refusals first: the segment rollup is per queue and channel, it knows no agent and no team. */
function checkSegmentRequest(filter: StatsFilter, groupBy: readonly StatsDimension[]): void {
  checkFilter(filter);
  const problems = [
    ...groupBy
      .filter((d) => !ALLOWED.includes(d))
      .map((d) => ({ field: 'groupBy', message: `${d}: segment figures are per queue, channel or center` })),
    ...(filter.employeeNos !== undefined
      ? [{ field: 'filter.employeeNos', message: 'segment figures are per queue, not per agent' }]
      : []),
    ...(filter.teamIds !== undefined
      ? [{ field: 'filter.teamIds', message: 'segment figures are per queue, not per team' }]
      : []),
  ];
  if (problems.length) throw badUserInput(problems);
}

/**
 * Contact statistics per customer segment (METRICS.md): two statements, the queue rollup's totals
 * and the segment rollup's VIP, SENSITIVE and VULNERABLE rows, under the same filter, buckets and
 * groups; STANDARD is each group's total minus the others. Rows only for segments with contacts.
 */
export async function segmentStats(
  em: EntityManager,
  filter: StatsFilter,
  granularity: Granularity,
  groupBy: readonly StatsDimension[],
  segments: readonly CustomerSegment[] | null,
  visibility: ContactVisibility | null,
): Promise<SegmentStatsRow[]> {
  checkSegmentRequest(filter, groupBy);
  checkStatsRows(
    {
      from: filter.from,
      to: filter.to,
      granularity,
      groupBy,
      named: {
        CENTER: filter.centerIds?.length,
        QUEUE: (filter.queueIds?.length ?? 0) + (filter.queueCodes?.length ?? 0) || undefined,
        CHANNEL: filter.channels?.length,
      },
    },
    'segmentStats',
  );
  const wanted = new Set(segments ?? CUSTOMER_SEGMENTS);
  const measures = sumMeasuresSql(SEGMENT_COLUMNS);
  // a caller who does not see everything: their centers' queues (the rollups have no agent)
  const total = statsSql(QUEUE_ROLLUPS, measures, [], filter, granularity, groupBy, visibility);
  const rolled = ROLLED_SEGMENTS.filter((s) => wanted.has(s));
  const parts = statsSql(
    SEGMENT_ROLLUPS,
    measures,
    [`s.segment in (${ROLLED_SEGMENTS.map((s) => `'${s}'`).join(', ')})`],
    filter,
    granularity,
    groupBy,
    visibility,
  );
  const [totalRows, partRows] = await em.transactional(async (tx) => {
    await tx.execute(`set local work_mem = '${STATS_WORK_MEM}'`);
    return [
      await tx.execute<SqlRow[]>(total.sql, total.params),
      await tx.execute<SqlRow[]>(parts.sql, parts.params),
    ];
  });
  if (totalRows.length * wanted.size > MAX_STATS_ROWS)
    throw badUserInput({
      field: 'filter',
      message: `the answer would exceed ${MAX_STATS_ROWS} rows: narrow the filter or use a coarser granularity`,
    });
  const partsOf = new Map<string, SqlRow[]>();
  for (const row of partRows) {
    const list = partsOf.get(keyOf(row));
    if (list) list.push(row);
    else partsOf.set(keyOf(row), [row]);
  }
  const queueIds = [...new Set(totalRows.flatMap((r) => (r.queue_key ? [r.queue_key] : [])))];
  const queues = new Map(
    queueIds.length ? (await new QueueService(em).findByIds(queueIds)).map((q) => [q.id, q]) : [],
  );
  const variant = (filter.serviceLevelVariant ?? DEFAULT_SERVICE_LEVEL_VARIANT) as ServiceLevelVariant;
  const out: SegmentStatsRow[] = [];
  for (const row of totalRows) {
    const queue = row.queue_key ? queues.get(row.queue_key) : undefined;
    const own = partsOf.get(keyOf(row)) ?? [];
    const partTotals = own.map((p) => [p.segment as CustomerSegment, totalsOf(p)] as const);
    const bySegment: (readonly [CustomerSegment, ContactTotals])[] = [
      [
        'STANDARD',
        remainderContactTotals(
          totalsOf(row),
          partTotals.map(([, t]) => t),
        ),
      ],
      ...partTotals.filter(([s]) => rolled.includes(s as (typeof rolled)[number])),
    ];
    const intervalStart = new Date(row.interval_ms);
    for (const [segment, totals] of bySegment) {
      if (!wanted.has(segment) || totals.answered + totals.abandoned + totals.ivr === 0) continue;
      out.push({
        intervalStart,
        segment,
        queueId: row.queue_key || null,
        queueCode: queue?.code ?? null,
        channel: (row.channel as Channel | null) ?? null,
        centerId: row.center_id ?? null,
        ...contactMetrics(totals, (queue?.slVariant as ServiceLevelVariant | undefined) ?? variant),
      });
    }
  }
  return out;
}
