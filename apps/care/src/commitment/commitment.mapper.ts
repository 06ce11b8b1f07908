import { commitmentStatus } from '@switchboard/metrics';
import type { Commitment } from './commitment.entity';
import { CommitmentType } from './commitment.type';

export function toCommitmentType(row: Commitment, now: Date): CommitmentType {
  return Object.assign(new CommitmentType(), {
    id: row.id,
    clientKey: row.clientKey,
    centerId: row.centerId,
    teamId: row.teamId,
    ownerEmployeeNo: row.ownerEmployeeNo,
    customerKey: row.customerKey,
    contactSource: row.contactSource,
    contactExternalId: row.contactExternalId,
    caseId: row.caseId,
    kind: row.kind,
    channel: row.channel,
    madeAt: row.madeAt,
    dueAt: row.dueAt,
    dueBasis: row.dueBasis,
    graceMinutes: row.graceMinutes,
    status: commitmentStatus(row, now),
    fulfilledAt: row.fulfilledAt,
    fulfilmentEvidence: row.fulfilmentEvidence,
    basePriority: row.priority,
    version: row.version,
  });
}
