import type { EntityManager } from '@mikro-orm/postgresql';
import { inPgTransaction } from '../ingest/pg-client';
import type { DataSourceKind } from './data-source';
import { timelinessClock } from './data-source';

/** One delivery of a source, as an import or a reporter records it. */
export interface IngestBatch {
  kind: DataSourceKind;
  source: string;
  centerId: string | null;
  /** A reporter's natural key (the same batch reported twice is stored once); null for imports. */
  batchKey: string | null;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  latestEventAt: Date | null;
  receivedAt?: Date;
  /** Who recorded it (the calling service's name, a person's subject); null: traffic itself. */
  origin?: string | null;
}

/**
 * Stores the batches (one statement, unnest); a batch whose key is already stored is skipped.
 * Returns how many were new.
 */
export async function recordIngestBatches(
  em: EntityManager,
  batches: readonly IngestBatch[],
): Promise<number> {
  if (batches.length === 0) return 0;
  const now = timelinessClock.now();
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<{ id: string }>(
      `insert into ingest_batch (kind, source, center_id, batch_key, rows_read, rows_inserted, rows_rejected,
       latest_event_at, received_at, origin)
     select * from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::int[],
       $8::timestamptz[], $9::timestamptz[], $10::text[])
     on conflict (kind, batch_key) do nothing
     returning id`,
      [
        batches.map((b) => b.kind),
        batches.map((b) => b.source),
        batches.map((b) => b.centerId),
        batches.map((b) => b.batchKey),
        batches.map((b) => b.rowsRead),
        batches.map((b) => b.rowsInserted),
        batches.map((b) => b.rowsRejected),
        batches.map((b) => b.latestEventAt?.toISOString() ?? null),
        batches.map((b) => (b.receivedAt ?? now).toISOString()),
        batches.map((b) => b.origin ?? null),
      ],
    ),
  );
  return rows.length;
}

/** The latest of some times, or null. */
export function latestOf(times: Iterable<Date | null | undefined>): Date | null {
  let latest: Date | null = null;
  for (const t of times) if (t && (!latest || t.getTime() > latest.getTime())) latest = t;
  return latest;
}
