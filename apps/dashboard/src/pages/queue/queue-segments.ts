import type { QueueSegmentsQuery } from '../../api/generated';

type SegmentStats = NonNullable<QueueSegmentsQuery['segmentStats']>[number];
type SegmentKpi = NonNullable<QueueSegmentsQuery['performance']>['segmentKpis'][number];
export type SegmentName = SegmentStats['segment'];

/** The KPIs shown per segment and the segmentStats field holding each one's value. */
export const SEGMENT_KPIS = {
  SERVICE_LEVEL: 'serviceLevel',
  ASA: 'asaSeconds',
  ABANDON_RATE: 'abandonRate',
} as const;
export type SegmentKpiCode = keyof typeof SEGMENT_KPIS;

export interface SegmentCell {
  value: number | null;
  /** The segment's target and status, when kpi gives the queue's record to the caller. */
  target: number | null;
  status: SegmentKpi['status'];
}

/** One segment of the queue: its offered contacts and each KPI against the segment's target. */
export interface SegmentRow {
  segment: SegmentName;
  offered: number;
  kpis: Record<SegmentKpiCode, SegmentCell>;
}

/** VIP first, STANDARD (everyone else) last. */
export const SEGMENT_ORDER: Record<SegmentName, number> = {
  VIP: 0,
  SENSITIVE: 1,
  VULNERABLE: 2,
  STANDARD: 3,
};

/** One row per segment with contacts: traffic's figures, with kpi's target and status beside each where given. */
export function segmentRows(stats: readonly SegmentStats[], kpis: readonly SegmentKpi[]): SegmentRow[] {
  const targetOf = (segment: SegmentName, code: string) =>
    kpis.find((k) => k.segment === segment && k.code === code);
  return stats
    .map((s) => ({
      segment: s.segment,
      offered: s.offered,
      kpis: Object.fromEntries(
        (Object.keys(SEGMENT_KPIS) as SegmentKpiCode[]).map((code) => {
          const kpi = targetOf(s.segment, code);
          return [
            code,
            {
              value: s[SEGMENT_KPIS[code]] ?? null,
              target: kpi?.target ?? null,
              status: kpi?.status ?? null,
            },
          ];
        }),
      ) as Record<SegmentKpiCode, SegmentCell>,
    }))
    .sort((a, b) => SEGMENT_ORDER[a.segment] - SEGMENT_ORDER[b.segment]);
}
