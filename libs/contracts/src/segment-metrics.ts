/**
 * The contact figures measured per customer segment (issue 20), owned here once: traffic answers each
 * on `Performance.trafficBySegment` (PerformanceSegmentTraffic), and kpi lets a KPI reading one of
 * them from traffic have targets per segment and reads them through `@requires`.
 */
export const SEGMENT_METRIC_SOURCE = 'traffic';
export const SEGMENT_METRICS = [
  'serviceLevel',
  'asaSeconds',
  'ahtSeconds',
  'abandonRate',
  'transferRate',
] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];
