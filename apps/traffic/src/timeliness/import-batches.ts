import type { EntityManager } from '@mikro-orm/postgresql';
import { importBatchRows, type ImportRunFacts } from '@switchboard/subgraph-kit';
import { recordIngestBatches, type IngestBatch } from './ingest-batch';

/**
 * A contact import's or a piece of live events' deliveries: one ACD_CONTACTS batch when it carried
 * contacts (or rejected rows), one AGENT_STATES batch when it carried agent states. The batch is of
 * every center (a file holds many queues); its latest event time is the latest contact end or state.
 */
export async function recordImportBatches(
  em: EntityManager,
  source: string,
  totals: { read: number; inserted: number; rejected: number; agentStates: number },
  latest: { contact: Date | null; state: Date | null },
): Promise<void> {
  const batches: IngestBatch[] = [];
  if (totals.read > 0)
    batches.push({
      kind: 'ACD_CONTACTS',
      source,
      centerId: null,
      batchKey: null,
      rowsRead: totals.read,
      rowsInserted: totals.inserted,
      rowsRejected: totals.rejected,
      latestEventAt: latest.contact,
    });
  if (totals.agentStates > 0 || latest.state)
    batches.push({
      kind: 'AGENT_STATES',
      source,
      centerId: null,
      batchKey: null,
      rowsRead: totals.agentStates,
      rowsInserted: totals.agentStates,
      rowsRejected: 0,
      latestEventAt: latest.state,
    });
  await recordIngestBatches(em, batches);
}

/**
 * An outcomes import's delivery (CRM_OUTCOMES, of every center), recorded in traffic's own database
 * right after its rows, as the contact import's: as of the latest outcome recorded in it.
 */
export async function recordOutcomeBatch(
  em: EntityManager,
  source: string,
  run: ImportRunFacts,
  latestEventAt: Date | null,
): Promise<void> {
  if (run.read <= 0) return;
  await recordIngestBatches(em, [
    { kind: 'CRM_OUTCOMES', source, centerId: null, batchKey: null, latestEventAt, ...importBatchRows(run) },
  ]);
}
