import { localDay } from '@switchboard/metrics';

/** Where an open complaint stands on the deadline board. */
export type ComplaintColumn = 'overdue' | 'dueSoon' | 'extended' | 'onClock';

export const COMPLAINT_COLUMNS: readonly ComplaintColumn[] = ['overdue', 'dueSoon', 'extended', 'onClock'];

/** Calendar days left within which a complaint on the 15-day clock counts as due soon. */
export const DUE_SOON_DAYS = 3;

export interface OpenComplaint {
  deadlineBasis: string;
  /** The last local day a decision is in time (YYYY-MM-DD, the complaint's zone) */
  deadlineDate: string;
  timeZone: string;
  overdue: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Calendar days left on the regulatory clock: 0 on the deadline's own day (still in time), negative
 * once it has passed; counted in the complaint's (center's) time zone, as the clock is.
 */
export function daysLeft(complaint: Pick<OpenComplaint, 'deadlineDate' | 'timeZone'>, now: Date): number {
  const today = localDay(now, complaint.timeZone);
  return Math.round(
    (Date.parse(`${complaint.deadlineDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
}

/**
 * Overdue: care says so (open, deadline passed); extended: an approved 30 or 60 days still running;
 * due soon: on the 15-day clock with at most DUE_SOON_DAYS left; the rest are on the clock.
 */
export function complaintColumn(complaint: OpenComplaint, now: Date): ComplaintColumn {
  if (complaint.overdue || daysLeft(complaint, now) < 0) return 'overdue';
  if (complaint.deadlineBasis !== 'DAYS_15') return 'extended';
  return daysLeft(complaint, now) <= DUE_SOON_DAYS ? 'dueSoon' : 'onClock';
}

/** The open complaints by column, each column soonest deadline first. */
export function complaintBoard<C extends OpenComplaint & { deadlineAt: string }>(
  complaints: readonly C[],
  now: Date,
): Record<ComplaintColumn, (C & { daysLeft: number })[]> {
  const board: Record<ComplaintColumn, (C & { daysLeft: number })[]> = {
    overdue: [],
    dueSoon: [],
    extended: [],
    onClock: [],
  };
  for (const c of complaints) board[complaintColumn(c, now)].push({ ...c, daysLeft: daysLeft(c, now) });
  for (const column of COMPLAINT_COLUMNS)
    board[column].sort((a, b) => Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt));
  return board;
}

export interface AxisCount {
  code: string;
  received: number;
  closed: number;
  overdueOpen: number;
  complaintTimelyRate: number | null;
}

/** complaintStats' rows of one axis as code and counts, most received first, then by code. */
export function axisCounts(
  rows: readonly {
    channelCode?: string | null;
    businessCode?: string | null;
    reasonCode?: string | null;
    received: number;
    closed: number;
    overdueOpen: number;
    complaintTimelyRate?: number | null;
  }[],
  axis: 'CHANNEL' | 'BUSINESS' | 'REASON',
): AxisCount[] {
  const codeOf = (r: (typeof rows)[number]) =>
    (axis === 'CHANNEL' ? r.channelCode : axis === 'BUSINESS' ? r.businessCode : r.reasonCode) ?? '';
  return rows
    .map((r) => ({
      code: codeOf(r),
      received: r.received,
      closed: r.closed,
      overdueOpen: r.overdueOpen,
      complaintTimelyRate: r.complaintTimelyRate ?? null,
    }))
    .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));
}
