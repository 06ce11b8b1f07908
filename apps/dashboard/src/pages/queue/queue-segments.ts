import type { QueueSegmentsQuery } from '../../api/generated';

type SegmentKpi = NonNullable<QueueSegmentsQuery['performance']>['segmentKpis'][number];
export type SegmentName = SegmentKpi['segment'];

export interface SegmentCell {
  value: number | null;
  target: number | null;
  status: SegmentKpi['status'];
}

/** One segment of the queue: its offered contacts and each KPI against the segment's target. */
export interface SegmentRow {
  segment: SegmentName;
  offered: number;
  kpis: Partial<Record<string, SegmentCell>>;
}

/** VIP first, STANDARD (everyone else) last. */
export const SEGMENT_ORDER: Record<SegmentName, number> = {
  VIP: 0,
  SENSITIVE: 1,
  VULNERABLE: 2,
  STANDARD: 3,
};

/** segmentKpis (one entry per segment and KPI) as one row per segment, VIP first, STANDARD last. */
export function segmentRows(kpis: readonly SegmentKpi[]): SegmentRow[] {
  const rows = new Map<SegmentName, SegmentRow>();
  for (const k of kpis) {
    const row = rows.get(k.segment) ?? { segment: k.segment, offered: k.offered, kpis: {} };
    row.kpis[k.code] = { value: k.value ?? null, target: k.target ?? null, status: k.status ?? null };
    rows.set(k.segment, row);
  }
  return [...rows.values()].sort((a, b) => SEGMENT_ORDER[a.segment] - SEGMENT_ORDER[b.segment]);
}
