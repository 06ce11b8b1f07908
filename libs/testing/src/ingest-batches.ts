import { configureIngestBatchRecorder, type IngestBatchReport } from '@switchboard/subgraph-kit';

const reported: IngestBatchReport[] = [];
let installed = false;

/**
 * In tests of one subgraph the gateway is absent or a double that answers only what the test asks:
 * import batches are kept here instead (startTestSubgraph installs it). A test of the real path sets
 * configureIngestBatchRecorder(gatewayIngestBatchRecorder) itself.
 */
export function keepIngestBatchesInMemory(): void {
  if (installed) return;
  installed = true;
  configureIngestBatchRecorder(async (batch) => {
    reported.push(batch);
    return true;
  });
}

/** The batches reported so far in this test file (newest last), of `kind` when given. */
export function reportedIngestBatches(kind?: string): IngestBatchReport[] {
  return reported.filter((b) => kind === undefined || b.kind === kind);
}
