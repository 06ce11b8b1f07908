import { complaintsPer10k } from '@switchboard/metrics';
/**
 * The subgraphs that contribute metrics to Performance, and the metrics kpi reads from each. kpi's
 * `kpis` field @requires exactly these; a KPI of the catalog takes its value from
 * `<sourceSubgraph>.<sourceField>`. Adding a source is one entry here, once that subgraph resolves
 * the field on Performance.
 */
export interface PerformanceSource {
  /** The Performance field the subgraph resolves (also the catalog's sourceSubgraph). */
  field: string;
  /** Its GraphQL type, as the owning subgraph names it. */
  typeName: string;
  /** The metrics (nullable floats) kpi reads. */
  metrics: readonly string[];
  /** Counts (integers) kpi reads besides, e.g. answered contacts for a ranking's minimum volume. */
  counts?: readonly string[];
  /** The source reports how fresh its part is: `dataAsOf` (DateTime) and `stale` (Boolean!). */
  freshness?: boolean;
  /**
   * Read from another Performance field of the same type instead of `field`, and completed by kpi
   * (with traffic's answered contacts, required beside it): `complete` fills the part's metrics. For a part whose subgraph would otherwise @require another subgraph's
   * part, a chain that costs every page one more round trip.
   */
  via?: {
    field: string;
    /** What kpi requires of it: metrics (nullable floats) and counts (integers). */
    metrics: readonly string[];
    counts: readonly string[];
    complete: (part: Record<string, unknown>, answered: number | null) => Record<string, unknown>;
  };
}

/** The fields a source with `freshness` resolves beside its metrics. */
export const FRESHNESS_FIELDS = ['dataAsOf', 'stale'] as const;

export const PERFORMANCE_SOURCES: readonly PerformanceSource[] = [
  {
    field: 'traffic',
    typeName: 'PerformanceTraffic',
    metrics: [
      'serviceLevel',
      'asaSeconds',
      'ahtSeconds',
      'abandonRate',
      'fcrRate',
      'transferRate',
      'occupancy',
      'conversionRate',
      'offerRate',
      'retentionSaveRate',
      'dispositionCompliance',
      'salesPerHour',
      'revenuePerContact',
      'costPerContact',
      'contribution',
    ],
    counts: ['answered'],
    freshness: true,
  },
  { field: 'qa', typeName: 'PerformanceQa', metrics: ['qaScore', 'criticalFailRate'] },
  {
    field: 'training',
    typeName: 'PerformanceTraining',
    metrics: ['completionRate', 'firstAttemptPassRate', 'certificationCoverage'],
  },
  {
    field: 'customer',
    typeName: 'PerformanceCustomer',
    metrics: ['promiseKeptRate', 'overdueCommitments', 'escalationRate', 'caseRepeatRate', 'handoffRate'],
  },
  { field: 'workforce', typeName: 'PerformanceWorkforce', metrics: ['adherence', 'conformance'] },
  { field: 'voice', typeName: 'PerformanceVoice', metrics: ['csat', 'nps', 'ces', 'surveyResponseRate'] },
  {
    field: 'complaints',
    typeName: 'PerformanceComplaints',
    metrics: ['complaintsPer10k', 'complaintTimelyRate', 'upheldRate', 'escalatedToComplaintRate'],
    // care's `complaints` divides by traffic's answered contacts, which care @requires: the gateway
    // would ask care only after traffic answered. kpi reads care's own counts (`complaintTotals`,
    // fetched beside traffic's part) and divides by traffic's answered itself, with care's formula.
    via: {
      field: 'complaintTotals',
      metrics: ['complaintTimelyRate', 'upheldRate', 'escalatedToComplaintRate'],
      counts: ['received'],
      complete: (part, answered) => ({
        ...part,
        complaintsPer10k:
          answered === null || typeof part.received !== 'number'
            ? null
            : complaintsPer10k(part.received, answered),
      }),
    },
  },
];

/** The scope's enclosing scopes (an agent's team and center, a team's center), from staff. */
export const ANCESTORS_SELECTION = 'ancestors { type id }';

/** traffic's answered contacts, which a source read `via` another field is completed with. */
const ANSWERED_SELECTION = 'traffic { answered }';

/** The @requires selection of every kpi field computed over a Performance's metrics. */
export function requiredSelection(sources: readonly PerformanceSource[] = PERFORMANCE_SOURCES): string {
  const needsAnswered = sources.some((s) => s.via) && !sources.some((s) => s.field === 'traffic');
  return [
    ...sources.map((s) =>
      s.via
        ? `${s.via.field} { ${[...s.via.metrics, ...s.via.counts].join(' ')} }`
        : `${s.field} { ${[...s.metrics, ...(s.counts ?? []), ...(s.freshness ? FRESHNESS_FIELDS : [])].join(' ')} }`,
    ),
    ...(needsAnswered ? [ANSWERED_SELECTION] : []),
    ANCESTORS_SELECTION,
  ].join(' ');
}

/** A source's part of a resolved Performance as kpi reads it (completed when read `via` another field). */
function sourcePart(
  performance: Record<string, unknown>,
  source: PerformanceSource,
): Record<string, unknown> | null | undefined {
  if (!source.via) return performance[source.field] as Record<string, unknown> | null | undefined;
  const part = performance[source.via.field] as Record<string, unknown> | null | undefined;
  if (!part) return part;
  const answered = (performance.traffic as Record<string, unknown> | null | undefined)?.answered;
  return source.via.complete(part, typeof answered === 'number' ? answered : null);
}

/** A count of a source in a resolved Performance (answered contacts: traffic's), 0 when the source is absent. */
export function countValue(
  performance: Record<string, unknown>,
  sourceSubgraph: string,
  count: string,
): number {
  const value = (performance[sourceSubgraph] as Record<string, unknown> | null | undefined)?.[count];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The value of `field` of `source` in a resolved Performance, or null when that source is absent. */
export function metricValue(
  performance: Record<string, unknown>,
  sourceSubgraph: string,
  sourceField: string,
): number | null {
  const source = PERFORMANCE_SOURCES.find((s) => s.field === sourceSubgraph);
  if (!source || !source.metrics.includes(sourceField)) return null;
  const value = sourcePart(performance, source)?.[sourceField];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * How fresh a source's part of a resolved Performance is: the time its data is as of and whether it
 * is stale (past its warn age); null and false for a source that does not report it, or is absent.
 */
export function sourceFreshness(
  performance: Record<string, unknown>,
  sourceSubgraph: string,
): { asOf: Date | null; stale: boolean } {
  const source = PERFORMANCE_SOURCES.find((s) => s.field === sourceSubgraph);
  const part = source && sourcePart(performance, source);
  if (!source?.freshness || !part) return { asOf: null, stale: false };
  const asOf = typeof part.dataAsOf === 'string' ? new Date(part.dataAsOf) : null;
  return { asOf: asOf && !Number.isNaN(asOf.getTime()) ? asOf : null, stale: part.stale === true };
}
