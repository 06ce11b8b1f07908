import type { Case, CaseContact, CaseEvent } from './case.entity';
import { CaseContactType, CaseEventType, CaseType } from './case.type';

export function toCaseType(row: Case): CaseType {
  return Object.assign(new CaseType(), {
    id: row.id,
    caseNo: row.caseNo,
    customerKey: row.customerKey,
    type: row.type,
    categoryCode: row.categoryCode,
    taxonomyVersion: row.taxonomyVersion,
    title: row.title,
    status: row.status,
    priority: row.priority,
    ownerAgentNo: row.ownerAgentNo,
    ownerTeamId: row.ownerTeamId,
    ownerDepartment: row.ownerDepartment,
    centerId: row.centerId,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    reopenCount: row.reopenCount,
    handoffCount: row.handoffCount,
    createdBy: row.createdBy,
    version: row.version,
  });
}

export function toCaseEventType(row: CaseEvent): CaseEventType {
  return Object.assign(new CaseEventType(), {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    payload: JSON.stringify(row.payload),
    caseId: row.caseId,
  });
}

export function toCaseContactType(row: CaseContact): CaseContactType {
  return Object.assign(new CaseContactType(), {
    source: row.source,
    externalId: row.externalId,
    channel: row.channel,
    direction: row.direction,
    arrivedAt: row.arrivedAt,
    agentNo: row.agentNo,
    queueCode: row.queueCode,
  });
}
