import { complaintTimely } from '@switchboard/metrics';
import type { Complaint, ComplaintCode } from './complaint.entity';
import { ComplaintCodeType, ComplaintType } from './complaint.type';

/** A customer key as a manager sees it: the last 4 characters kept. */
export function maskCustomerKey(key: string): string {
  return key.length <= 4 ? '****' : `${'*'.repeat(Math.min(key.length - 4, 8))}${key.slice(-4)}`;
}

export function toComplaintType(row: Complaint, now: Date): ComplaintType {
  return Object.assign(new ComplaintType(), {
    id: row.caseId,
    centerId: row.centerId,
    teamId: row.teamId,
    customerKey: maskCustomerKey(row.customerKey),
    storedCustomerKey: row.customerKey,
    verbatimEnc: row.verbatimEnc,
    receivedAt: row.receivedAt,
    taxonomyVersion: row.taxonomyVersion,
    channelCode: row.channelCode,
    businessCode: row.businessCode,
    reasonCode: row.reasonCode,
    productCode: row.productCode,
    severity: row.severity,
    source: row.source,
    escalatedFromType: row.escalatedFromType,
    subjectAgentNo: row.subjectAgentNo,
    handlerAgentNo: row.handlerAgentNo,
    deadlineBasis: row.deadlineBasis,
    deadlineDate: row.deadlineDate,
    deadlineAt: row.deadlineAt,
    timeZone: row.timeZone,
    extensionApprovedBy: row.extensionApprovedBy,
    extensionReason: row.extensionReason,
    extendedAt: row.extendedAt,
    closedAt: row.closedAt,
    outcome: row.outcome,
    timely: row.closedAt ? complaintTimely(row.closedAt, row.deadlineAt) : null,
    overdue: !row.closedAt && now.getTime() >= row.deadlineAt.getTime(),
    customerInformedAt: row.customerInformedAt,
    remedy: row.remedy,
    remedyAmount: row.remedyAmount,
    remedyCurrency: row.remedyCurrency,
    rootCause: row.rootCause,
    correctiveAction: row.correctiveAction,
    correctiveActionDue: row.correctiveActionDue,
    correctiveActionDoneAt: row.correctiveActionDoneAt,
    followUpSatisfaction: row.followUpSatisfaction,
  });
}

export function toComplaintCodeType(row: ComplaintCode): ComplaintCodeType {
  return Object.assign(new ComplaintCodeType(), {
    version: row.version,
    versionLabel: row.versionLabel,
    axis: row.axis,
    code: row.code,
    parentCode: row.parentCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    origin: row.origin,
  });
}
