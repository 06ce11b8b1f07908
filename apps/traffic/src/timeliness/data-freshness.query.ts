import type { EntityManager } from '@mikro-orm/postgresql';
import {
  dataLagMinutes,
  freshnessStatus,
  intervalCompleteness,
  rejectRate,
  timelinessSlots,
  type FreshnessRule,
  type FreshnessStatus,
} from '@switchboard/metrics';
import { inPgTransaction } from '../ingest/pg-client';
import { DATA_SOURCE_KINDS, DEFAULT_RULES, type DataSourceKind } from './data-source';

const FIFTEEN_MINUTES = 15 * 60_000;

/** The ORM's pg connection hands timestamps back as text. */
export const asDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value));

export interface FreshnessWindow {
  /** The center (its own batches and those of every center), or null: batches of every center only. */
  centerId: string | null;
  from: Date;
  to: Date;
  now: Date;
  /** Service hours of the window, for interval completeness. */
  serviceWindows: { start: Date; end: Date }[];
  kinds?: readonly DataSourceKind[] | null;
}

export interface SourceFreshness extends FreshnessRule {
  kind: DataSourceKind;
  centerId: string | null;
  configured: boolean;
  latestEventAt: Date | null;
  lastReceivedAt: Date | null;
  lagMinutes: number | null;
  status: FreshnessStatus;
  batches: number;
  rowsRead: number;
  rowsRejected: number;
  rejectRate: number | null;
  slotsExpected: number;
  slotsOnTime: number;
  missedSlots: Date[];
  timelinessRate: number | null;
  /** ACD contacts only: 15-minute intervals of service hours with data, per queue of the center. */
  intervalsWithData: number | null;
  openIntervals: number | null;
  intervalCompleteness: number | null;
}

interface RuleRow {
  kind: DataSourceKind;
  center_key: string;
  cadence_minutes: number;
  warn_after_minutes: number;
  error_after_minutes: number;
}

interface BatchRow {
  kind: DataSourceKind;
  latest: Date | null;
  last_received: Date | null;
  batches: number;
  rows_read: string;
  rows_rejected: string;
  receipts: string | null;
}

/** The rule in force for a center: its own, else every center's, else the default. */
export function ruleOf(rows: readonly RuleRow[], kind: DataSourceKind, centerId: string | null) {
  const row =
    rows.find((r) => r.kind === kind && centerId !== null && r.center_key === centerId) ??
    rows.find((r) => r.kind === kind && r.center_key === '');
  const rule: FreshnessRule = row
    ? {
        cadenceMinutes: row.cadence_minutes,
        warnAfterMinutes: row.warn_after_minutes,
        errorAfterMinutes: row.error_after_minutes,
      }
    : DEFAULT_RULES[kind];
  return { rule, configured: row !== undefined };
}

/** The rules and each source's latest batch: what `stale` on performance needs (two statements). */
export async function latestBatches(
  em: EntityManager,
  centerIds: readonly (string | null)[],
): Promise<{
  rules: RuleRow[];
  latest: { kind: DataSourceKind; center_id: string | null; latest: Date | null }[];
}> {
  const centers = [...new Set(centerIds.filter((c): c is string => c !== null))];
  return inPgTransaction(em, async (client) => {
    const rules = await client.query<RuleRow>(
      `select kind, center_key, cadence_minutes, warn_after_minutes, error_after_minutes
       from data_source where center_key = '' or center_key = any($1::text[])`,
      [centers],
    );
    const latest = await client.query<{
      kind: DataSourceKind;
      center_id: string | null;
      latest: Date | null;
    }>(
      `select kind, center_id::text, max(latest_event_at) as latest from ingest_batch
       where center_id is null or center_id = any($1::uuid[]) group by kind, center_id`,
      [centers],
    );
    return { rules: rules.rows, latest: latest.rows.map((r) => ({ ...r, latest: asDate(r.latest) })) };
  });
}

/**
 * Every source's freshness for a center over a window: lag and status now, batches, rows and rejects
 * in the window, timeliness slots, and (ACD contacts) interval completeness. Three statements.
 */
export async function dataFreshness(em: EntityManager, window: FreshnessWindow): Promise<SourceFreshness[]> {
  const kinds = window.kinds?.length ? window.kinds : DATA_SOURCE_KINDS;
  const { from, to, now, centerId } = window;
  const { rules, batches, intervals } = await inPgTransaction(em, async (client) => {
    const ruleRows = await client.query<RuleRow>(
      `select kind, center_key, cadence_minutes, warn_after_minutes, error_after_minutes
       from data_source where center_key = '' or center_key = $1`,
      [centerId ?? ''],
    );
    // receipts by the minute: a live feed delivers every second, the slots need no finer grain
    const batchRows = await client.query<BatchRow>(
      `select kind,
         max(latest_event_at) filter (where received_at <= $4) as latest,
         max(received_at) filter (where received_at <= $4) as last_received,
         count(*) filter (where received_at >= $2 and received_at < $3)::int as batches,
         coalesce(sum(rows_read) filter (where received_at >= $2 and received_at < $3), 0) as rows_read,
         coalesce(sum(rows_rejected) filter (where received_at >= $2 and received_at < $3), 0) as rows_rejected,
         array_to_string(array_agg(distinct date_trunc('minute', received_at))
           filter (where received_at >= $2 and received_at < $3 and received_at <= $4), '|') as receipts
       from ingest_batch
       where (center_id is null or center_id = $1::uuid) and kind = any($5::text[])
       group by kind`,
      [centerId, from, to, now, kinds],
    );
    const starts = window.serviceWindows.map((w) => w.start);
    const ends = window.serviceWindows.map((w) => (w.end.getTime() < now.getTime() ? w.end : now));
    const intervalRows = kinds.includes('ACD_CONTACTS')
      ? await client.query<{ queues: number; with_data: number }>(
          `with q as (select id::text as key from queue where $1::uuid is null or center_id = $1::uuid)
           select (select count(*) from q)::int as queues,
             (select count(distinct (s.queue_key, s.interval_start)) from queue_interval_stat s
              join q on q.key = s.queue_key
              join unnest($2::timestamptz[], $3::timestamptz[]) as w(s, e)
                on s.interval_start >= w.s and s.interval_start < w.e)::int as with_data`,
          [centerId, starts, ends],
        )
      : { rows: [] };
    return { rules: ruleRows.rows, batches: batchRows.rows, intervals: intervalRows.rows[0] };
  });
  const serviceIntervals = window.serviceWindows.reduce((sum, w) => {
    const end = Math.min(w.end.getTime(), now.getTime());
    return sum + Math.max(0, Math.ceil((end - w.start.getTime()) / FIFTEEN_MINUTES));
  }, 0);
  return kinds.map((kind) => {
    const { rule, configured } = ruleOf(rules, kind, centerId);
    const row = batches.find((b) => b.kind === kind);
    const latestEventAt = asDate(row?.latest);
    const lag = dataLagMinutes(latestEventAt, now);
    const receipts = row?.receipts ? row.receipts.split('|').map((r) => new Date(r)) : [];
    const slots = timelinessSlots(receipts, from, to, now, rule);
    const read = Number(row?.rows_read ?? 0);
    const rejected = Number(row?.rows_rejected ?? 0);
    const open = kind === 'ACD_CONTACTS' && intervals ? intervals.queues * serviceIntervals : null;
    const withData = kind === 'ACD_CONTACTS' && intervals ? intervals.with_data : null;
    return {
      kind,
      centerId,
      ...rule,
      configured,
      latestEventAt,
      lastReceivedAt: asDate(row?.last_received),
      lagMinutes: lag,
      status: freshnessStatus(lag, rule),
      batches: row?.batches ?? 0,
      rowsRead: read,
      rowsRejected: rejected,
      rejectRate: rejectRate(rejected, read),
      slotsExpected: slots.expected,
      slotsOnTime: slots.onTime,
      missedSlots: slots.missed,
      timelinessRate: slots.rate,
      intervalsWithData: withData,
      openIntervals: open,
      intervalCompleteness: open === null || withData === null ? null : intervalCompleteness(withData, open),
    };
  });
}
