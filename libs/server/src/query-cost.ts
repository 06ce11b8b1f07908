import { queryTooCostly } from './errors';

/**
 * What one request may cost (issue 17): shared by the gateway, which estimates the whole operation
 * before any subgraph is asked, and the traffic subgraph, which keeps its own guard on trafficStats.
 */
export const COST_LIMITS = {
  /** Rows one trafficStats answer may be estimated to hold (the subgraph also counts the real ones). */
  maxStatsRows: 500_000,
  /** Objects (list items and nested records) one operation may be estimated to resolve. */
  maxObjects: 500_000,
  /** Items assumed for a list whose size no argument bounds (a team's members, a center's teams). */
  defaultListSize: 20,
} as const;

/**
 * Typical group counts per trafficStats dimension when the filter does not name the members; a
 * large center. Rows are estimated, not counted: the estimate is an upper bound of a sane answer.
 */
export const TYPICAL_GROUPS = { CENTER: 5, TEAM: 50, QUEUE: 50, CHANNEL: 7, AGENT: 500 } as const;

/** An agent works a handful of queues: agents x queues is not a full cross product. */
const QUEUES_PER_AGENT = 5;

const BUCKET_MS: Record<string, number> = {
  FIFTEEN_MINUTES: 15 * 60_000,
  THIRTY_MINUTES: 30 * 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
  MONTH: 28 * 86_400_000,
};

export interface StatsRequest {
  from?: unknown;
  to?: unknown;
  granularity?: unknown;
  groupBy?: readonly unknown[] | null;
  /** How many members the filter names per dimension (undefined: not narrowed). */
  named?: Partial<Record<keyof typeof TYPICAL_GROUPS, number>>;
}

export interface StatsEstimate {
  buckets: number;
  groups: number;
  rows: number;
}

const instant = (value: unknown): number =>
  typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : Number.NaN;

/** Buckets of the period times groups of the dimensions: the most rows the answer can hold. */
export function estimateStatsRows(request: StatsRequest): StatsEstimate {
  const span = instant(request.to) - instant(request.from);
  const bucketMs = BUCKET_MS[String(request.granularity)];
  const buckets =
    request.granularity === 'TOTAL' || !Number.isFinite(span) || span <= 0 || !bucketMs
      ? 1
      : Math.ceil(span / bucketMs);
  const dims = new Set((request.groupBy ?? []).map(String));
  const size = (dim: keyof typeof TYPICAL_GROUPS): number =>
    dims.has(dim) ? Math.max(1, request.named?.[dim] ?? TYPICAL_GROUPS[dim]) : 1;
  let groups: number;
  if (dims.has('AGENT')) {
    // An agent belongs to one team and center at a time and works a few queues and channels.
    groups = size('AGENT') * Math.min(size('QUEUE') * size('CHANNEL'), QUEUES_PER_AGENT);
  } else if (dims.has('QUEUE')) {
    // A queue has one channel and one center.
    groups = size('QUEUE') * (dims.has('TEAM') ? size('TEAM') : 1);
  } else {
    groups = (dims.has('TEAM') ? size('TEAM') : size('CENTER')) * size('CHANNEL');
  }
  return { buckets, groups, rows: buckets * groups };
}

/** Refuses (QUERY_TOO_COSTLY) a trafficStats estimated over the row limit; returns the estimate. */
export function checkStatsRows(request: StatsRequest, field = 'trafficStats'): StatsEstimate {
  const estimate = estimateStatsRows(request);
  if (estimate.rows > COST_LIMITS.maxStatsRows) {
    throw queryTooCostly(
      field,
      `an estimated ${estimate.rows.toLocaleString('en-US')} rows (${estimate.buckets.toLocaleString('en-US')} ` +
        `intervals x ${estimate.groups.toLocaleString('en-US')} groups) is over the limit of ` +
        `${COST_LIMITS.maxStatsRows.toLocaleString('en-US')}: narrow filter.from/filter.to, use a coarser ` +
        'granularity, fewer groupBy dimensions, or name the queues, agents or teams in the filter',
      { estimatedRows: estimate.rows, limit: COST_LIMITS.maxStatsRows },
    );
  }
  return estimate;
}
