import { queryGateway } from '@switchboard/subgraph-kit';
import { isCustomerSegment, type CustomerSegment } from '../model/segments';

/**
 * Where ingest learns the segment of each customer key of a batch: care, through the gateway, in one
 * call per batch (`customerSegments`). null when the source could not answer: the batch is stored all
 * the same (an ACD feed does not wait for care), its contacts without a segment (counted as STANDARD),
 * and the import report counts them.
 */
export interface SegmentSource {
  segmentsOf(keys: readonly string[]): Promise<Map<string, CustomerSegment> | null>;
}

const QUERY = 'query CustomerSegments($k: [String!]!) { customerSegments(keys: $k) { key segment } }';

/** A batch's wait for care at most; past it the batch is stored without segments. */
export const CARE_SEGMENTS_TIMEOUT_MS = 10_000;

/** Care's segments through the gateway, as traffic's service identity. */
export const careSegmentSource: SegmentSource & { calls: number } = {
  calls: 0,
  async segmentsOf(keys) {
    careSegmentSource.calls += 1;
    try {
      const data = await queryGateway<{ customerSegments: { key: string; segment: string }[] }>(
        QUERY,
        { k: keys },
        { purpose: "contact import (care's customer segments)", timeoutMs: CARE_SEGMENTS_TIMEOUT_MS },
      );
      return new Map(
        data.customerSegments.flatMap((s) =>
          isCustomerSegment(s.segment) ? [[s.key, s.segment] as const] : [],
        ),
      );
    } catch {
      return null;
    }
  },
};

/** Segments known in advance (the demo seed, whose customers care's seed makes from the same list). */
export function fixedSegmentSource(segments: ReadonlyMap<string, CustomerSegment>): SegmentSource {
  return { segmentsOf: async (keys) => new Map(keys.map((k) => [k, segments.get(k) ?? 'STANDARD'])) };
}

/**
 * The segment of each record's customer (by the key as given), in one call for the batch's distinct
 * keys; none asked when no record has a key. `unknown` counts the records with a key left without a
 * segment because the source did not answer.
 */
export async function segmentsOfBatch(
  source: SegmentSource,
  customerKeys: readonly (string | null)[],
): Promise<{ segmentOf: (key: string | null) => CustomerSegment | null; unknown: number }> {
  const keys = [...new Set(customerKeys.filter((k): k is string => k !== null))];
  if (!keys.length) return { segmentOf: () => null, unknown: 0 };
  const found = await source.segmentsOf(keys);
  if (!found) return { segmentOf: () => null, unknown: customerKeys.filter((k) => k !== null).length };
  return { segmentOf: (key) => (key === null ? null : (found.get(key) ?? 'STANDARD')), unknown: 0 };
}
