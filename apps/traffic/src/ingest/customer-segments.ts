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

/**
 * Keys' JSON per gateway request at most: the gateway takes bodies up to 1 MiB. A batch's keys (phone
 * numbers: about 17 bytes each, 20,000 at most) fit in one request; long keys are split over as few
 * as fit.
 */
export const MAX_SEGMENT_REQUEST_BYTES = 900_000;

/** The keys in runs whose JSON stays under `maxBytes` (one run unless the keys are long). */
export function keyRuns(keys: readonly string[], maxBytes = MAX_SEGMENT_REQUEST_BYTES): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let bytes = 0;
  for (const key of keys) {
    const size = Buffer.byteLength(JSON.stringify(key)) + 1;
    if (run.length && bytes + size > maxBytes) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(key);
    bytes += size;
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Care's segments through the gateway, as traffic's service identity. */
export const careSegmentSource: SegmentSource & { calls: number } = {
  calls: 0,
  async segmentsOf(keys) {
    const found = new Map<string, CustomerSegment>();
    try {
      for (const run of keyRuns(keys)) {
        careSegmentSource.calls += 1;
        const data = await queryGateway<{ customerSegments: { key: string; segment: string }[] }>(
          QUERY,
          { k: run },
          { purpose: "contact import (care's customer segments)", timeoutMs: CARE_SEGMENTS_TIMEOUT_MS },
        );
        for (const s of data.customerSegments) if (isCustomerSegment(s.segment)) found.set(s.key, s.segment);
      }
      return found;
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

/**
 * One import's lookups: once care has not answered for a batch, the import's later batches do not ask
 * again (stored without segments, counted), so a care outage costs an import one timeout, not one
 * per batch.
 */
export class ImportSegments {
  private unavailable = false;

  constructor(private readonly source: SegmentSource) {}

  async ofBatch(customerKeys: readonly (string | null)[]): ReturnType<typeof segmentsOfBatch> {
    if (this.unavailable)
      return { segmentOf: () => null, unknown: customerKeys.filter((k) => k !== null).length };
    const found = await segmentsOfBatch(this.source, customerKeys);
    if (found.unknown > 0) this.unavailable = true;
    return found;
  }
}
