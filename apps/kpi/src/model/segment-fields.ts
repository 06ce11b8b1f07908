/** Where per-segment figures come from: traffic's Performance.trafficBySegment. */
export const SEGMENT_SOURCE = 'traffic';
/** The traffic metrics measured per customer segment: a KPI reading one of them may have segment targets. */
export const SEGMENT_FIELDS = [
  'serviceLevel',
  'asaSeconds',
  'ahtSeconds',
  'abandonRate',
  'transferRate',
] as const;
