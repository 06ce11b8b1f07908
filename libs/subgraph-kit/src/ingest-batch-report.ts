import { randomUUID } from 'node:crypto';
import { ingestBatchReports, type Logger } from '@switchboard/server';
import { queryGateway } from './gateway-client';
import type { RowProblem } from './file-import-route';

/*
 * Every subgraph's import tells traffic's data timeliness (docs/LIVE.md, "Data timeliness") that a
 * batch arrived: its source, rows read, accepted and rejected, and the latest event time in it. The
 * subgraph calls traffic's recordIngestBatch through the gateway as its service identity
 * (service:<name>), which traffic records as the batch's origin. The import's rows are already
 * stored: a report that fails is logged and counted (switchboard_ingest_batch_reports_total
 * {outcome="failed"}), never the import's failure.
 */

/** One delivery as traffic's IngestBatchInput takes it. */
export interface IngestBatchReport {
  kind: string;
  source: string;
  centerId?: string | null;
  /** Reported twice, stored once (a retry of the same report). */
  batchKey: string;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  latestEventAt?: Date | null;
}

/** Sends one batch to traffic; resolves whether it was new. */
export type IngestBatchRecorder = (batch: IngestBatchReport) => Promise<boolean>;

const RECORD_INGEST_BATCH = `mutation RecordIngestBatch($input: IngestBatchInput!) {
  recordIngestBatch(input: $input) { recorded } }`;

/** traffic's recordIngestBatch through the gateway, as this service (SWITCHBOARD_SERVICE_TOKEN). */
export const gatewayIngestBatchRecorder: IngestBatchRecorder = async (batch) => {
  const data = await queryGateway<{ recordIngestBatch: { recorded: boolean } }>(
    RECORD_INGEST_BATCH,
    {
      input: {
        kind: batch.kind,
        source: batch.source,
        centerId: batch.centerId ?? null,
        batchKey: batch.batchKey,
        rowsRead: batch.rowsRead,
        rowsInserted: batch.rowsInserted,
        rowsRejected: batch.rowsRejected,
        latestEventAt: batch.latestEventAt?.toISOString() ?? null,
      },
    },
    { purpose: 'recording the import batch', timeoutMs: 10_000 },
  );
  return data.recordIngestBatch.recorded;
};

let recorder: IngestBatchRecorder = gatewayIngestBatchRecorder;

/** Tests replace where batches go (a double, a list); returns the restore. */
export function configureIngestBatchRecorder(next: IngestBatchRecorder): () => void {
  const before = recorder;
  recorder = next;
  return () => {
    recorder = before;
  };
}

/** What an import run says of itself: the report's counts and problems, and whether it wrote. */
export interface ImportRunFacts {
  read: number;
  problems: readonly Pick<RowProblem, 'row'>[];
  /** false: nothing was written (bad rows without skipInvalidRows): every row counts as not accepted. */
  applied?: boolean;
}

/**
 * The batch's rows: read; rejected are the distinct rows with a problem; accepted (rowsInserted)
 * the others, or none when the run wrote nothing. Never more than read.
 */
export function importBatchRows(
  run: ImportRunFacts,
): Pick<IngestBatchReport, 'rowsRead' | 'rowsInserted' | 'rowsRejected'> {
  const rejected = Math.min(new Set(run.problems.map((p) => p.row)).size, run.read);
  return {
    rowsRead: run.read,
    rowsRejected: rejected,
    rowsInserted: run.applied === false ? 0 : run.read - rejected,
  };
}

export interface ImportBatchOrigin {
  /** The reporting subgraph (the metric's label; traffic reads the origin from its token). */
  service: string;
  kind: string;
  source: string;
  centerId?: string | null;
  latestEventAt?: Date | null;
}

export type IngestBatchOutcome = 'recorded' | 'duplicate' | 'failed' | 'skipped';

/**
 * Reports a finished import run's batch to traffic; never throws. A run that read nothing is not a
 * delivery (skipped); callers skip dry runs.
 */
export async function reportImportBatch(
  origin: ImportBatchOrigin,
  run: ImportRunFacts,
  logger: Logger,
): Promise<IngestBatchOutcome> {
  if (run.read <= 0) return 'skipped';
  const batch: IngestBatchReport = {
    kind: origin.kind,
    source: origin.source,
    centerId: origin.centerId ?? null,
    batchKey: `${origin.service}:${randomUUID()}`,
    latestEventAt: origin.latestEventAt ?? null,
    ...importBatchRows(run),
  };
  let outcome: IngestBatchOutcome;
  try {
    outcome = (await recorder(batch)) ? 'recorded' : 'duplicate';
  } catch (error) {
    outcome = 'failed';
    logger.warn(
      { err: error, kind: batch.kind, source: batch.source, batchKey: batch.batchKey },
      'the import is stored, but its batch could not be reported to the data timeliness',
    );
  }
  ingestBatchReports.inc({ service: origin.service, kind: origin.kind, outcome });
  return outcome;
}

/** The latest of some times (an import's latest event), or null. */
export function latestEventTime(times: Iterable<Date | null | undefined>): Date | null {
  let latest: Date | null = null;
  for (const t of times) if (t && Number.isFinite(t.getTime()) && (!latest || t > latest)) latest = t;
  return latest;
}
