import type { EntityManager } from '@mikro-orm/postgresql';
import { complaintKpis, emptyComplaintTotals, type ComplaintTotals } from '@switchboard/metrics';

export const COMPLAINT_DIMENSIONS = [
  'CHANNEL_AXIS',
  'BUSINESS_AXIS',
  'REASON_AXIS',
  'PRODUCT',
  'CENTER',
  'TEAM',
  'AGENT',
] as const;
export type ComplaintDimension = (typeof COMPLAINT_DIMENSIONS)[number];

/** Each dimension's column and the row field it fills (a fixed list: nothing from input reaches SQL). */
export const DIMENSION_COLUMNS: Record<ComplaintDimension, { column: string; field: string }> = {
  CHANNEL_AXIS: { column: 'channel_code', field: 'channelCode' },
  BUSINESS_AXIS: { column: 'business_code', field: 'businessCode' },
  REASON_AXIS: { column: 'reason_code', field: 'reasonCode' },
  PRODUCT: { column: 'product_code', field: 'productCode' },
  CENTER: { column: 'center_id::text', field: 'centerId' },
  TEAM: { column: 'team_id::text', field: 'teamId' },
  AGENT: { column: 'subject_agent_no', field: 'subjectAgentNo' },
};

export interface ComplaintStatsQuery {
  from: Date;
  to: Date;
  /** the period's end as counted for overdue: min(to, now) */
  end: Date;
  groupBy: readonly ComplaintDimension[];
  /** the SQL condition keeping the caller's complaints (alias x) */
  visible: { sql: string; params: unknown[] };
  centerIds: readonly string[] | null;
}

export type ComplaintStatsRow = ComplaintTotals & Record<string, string | number | null>;

/**
 * Complaint counts per group in one SQL statement (docs/METRICS.md, Complaints): received in the
 * period, closed in it (timely, on the merits, upheld), open and overdue at its end, escalated.
 */
export async function complaintStats(
  em: EntityManager,
  q: ComplaintStatsQuery,
): Promise<ComplaintStatsRow[]> {
  const dims = [...new Set(q.groupBy)].map((d) => DIMENSION_COLUMNS[d]);
  const select = dims.map((d, i) => `x.${d.column} as g${i}`);
  const group = dims.length
    ? `group by ${dims.map((_, i) => `g${i}`).join(', ')} order by ${dims.map((_, i) => `g${i}`).join(', ')}`
    : '';
  // the period's ends as literal parameters (not a CTE) so the planner sees them, and each branch of
  // the WHERE on an index of its own (received_at, closed_at, open by deadline_at): a bitmap OR
  const [f, t, e] = [q.from, q.to, q.end];
  const rows = await em.execute<Record<string, string | null>[]>(
    `select ${[...select, ''].join(', ')}
       count(*) filter (where x.received_at >= ? and x.received_at < ?) as received,
       count(*) filter (where x.closed_at >= ? and x.closed_at < ?) as closed,
       count(*) filter (where x.closed_at >= ? and x.closed_at < ? and x.closed_at < x.deadline_at) as closed_timely,
       count(*) filter (where x.closed_at >= ? and x.closed_at < ? and x.outcome <> 'WITHDRAWN') as decided,
       count(*) filter (where x.closed_at >= ? and x.closed_at < ? and x.outcome in ('UPHELD', 'PARTIALLY_UPHELD')) as upheld,
       count(*) filter (where x.received_at < ? and (x.closed_at is null or x.closed_at >= ?) and x.deadline_at <= ?) as overdue_open,
       count(*) filter (where x.received_at >= ? and x.received_at < ? and x.escalated_from_type is not null) as escalated
     from complaint x
     where ${q.visible.sql}
       and (?::text is null or x.center_id::text in (select jsonb_array_elements_text(?::jsonb)))
       and ((x.received_at >= ? and x.received_at < ?) or (x.closed_at >= ? and x.closed_at < ?)
         or (x.closed_at is null and x.deadline_at <= ?) or (x.closed_at >= ? and x.deadline_at <= ?))
     ${group}`,
    [
      ...[f, t, f, t, f, t, f, t, f, t, e, e, e, f, t],
      ...q.visible.params,
      q.centerIds ? 'y' : null,
      JSON.stringify(q.centerIds ?? []),
      ...[f, t, f, t, e, e, e],
    ],
  );
  return rows.map((r) => {
    const totals: ComplaintTotals = {
      ...emptyComplaintTotals(),
      received: Number(r.received),
      closed: Number(r.closed),
      closedTimely: Number(r.closed_timely),
      decided: Number(r.decided),
      upheld: Number(r.upheld),
      overdueOpen: Number(r.overdue_open),
      escalatedFromCase: Number(r.escalated),
    };
    const keys = Object.fromEntries(dims.map((d, i) => [d.field, r[`g${i}`] ?? null]));
    return { ...totals, ...keys, ...complaintKpis(totals) } as ComplaintStatsRow;
  });
}

/** Cases opened in the period in the caller's centers, and those of another type that became complaints. */
export async function casesOpenedAndEscalated(
  em: EntityManager,
  from: Date,
  to: Date,
  centerIds: readonly string[] | null,
): Promise<{ opened: number; escalated: number }> {
  const [row] = await em.execute<{ opened: string; escalated: string }[]>(
    `select count(*) as opened,
       count(*) filter (where exists (select 1 from complaint x where x.case_id = c.id and x.escalated_from_type is not null)) as escalated
     from care_case c where c.opened_at >= ? and c.opened_at < ?
       and (?::text is null or c.center_id::text in (select jsonb_array_elements_text(?::jsonb)))`,
    [from, to, centerIds ? 'y' : null, JSON.stringify(centerIds ?? [])],
  );
  return { opened: Number(row.opened), escalated: Number(row.escalated) };
}
