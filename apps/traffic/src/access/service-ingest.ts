import { forbidden, requireServiceOrRole, WRITERS, type Identity } from '@switchboard/auth';
import type { DataSourceKind } from '../timeliness/data-source';

/*
 * Services recording their import batches (docs/DESIGN.md, "Service identities"): a subgraph's
 * service identity may call recordIngestBatch, and only for the sources it owns, so a compromised or
 * confused service cannot make another's data look fresh. traffic's own sources (ACD contacts, agent
 * states, outcomes) are recorded locally by its imports, never through the gateway.
 */
export const SERVICE_INGEST_KINDS: Readonly<Record<string, readonly DataSourceKind[]>> = {
  staff: ['ROSTER'],
  training: ['LMS'],
  qa: ['QA'],
  voc: ['SURVEYS'],
  care: ['CASES'],
  wfm: ['SCHEDULES', 'FORECASTS'],
};

/**
 * Who may record a batch of `kind`: traffic's writers (by hand, any kind), or the service owning the
 * kind. Returns the batch's origin: the service's name, or the person's subject.
 */
export function requireIngestBatchRecorder(identity: Identity, kind: DataSourceKind): string {
  const service = requireServiceOrRole(identity, WRITERS.traffic, 'recordIngestBatch');
  if (service === null) return identity.subject;
  if (!(SERVICE_INGEST_KINDS[service] ?? []).includes(kind))
    throw forbidden(`recordIngestBatch: the ${service} service does not report ${kind} batches`);
  return service;
}
