import type { MutationCall } from '@switchboard/testing';

export const COMPLAINT_FIELDS =
  'id deadlineBasis deadlineDate deadlineAt closedAt outcome timely overdue handlerAgentNo subjectAgentNo escalatedFromType remedyAmount remedyCurrency extensionApprovedBy';

/** A valid registration of a complaint on case `caseId` at `version` (codes of version 1). */
export function registration(caseId: string, version: number, more: Record<string, unknown> = {}) {
  return {
    i: {
      caseId,
      expectedVersion: version,
      receivedAt: '2026-10-01T01:00:00Z',
      channelCode: 'A0302',
      businessCode: 'B03',
      reasonCode: 'C01',
      severity: 'NORMAL',
      source: 'DIRECT',
      subjectAgentNo: '2001',
      handlerAgentNo: '2002',
      verbatim: 'The agent hung up on me twice',
      ...more,
    },
  };
}

export const REGISTER = `mutation($i: RegisterComplaintInput!) { registerComplaint(input: $i) { ${COMPLAINT_FIELDS} } }`;
export const EXTEND = `mutation($i: ExtendComplaintInput!) { extendComplaintDeadline(input: $i) { ${COMPLAINT_FIELDS} } }`;
export const DECIDE = `mutation($i: DecideComplaintInput!) { decideComplaint(input: $i) { ${COMPLAINT_FIELDS} } }`;
export const CHANGE = `mutation($id: ID!, $v: Int!, $c: ChangeComplaintInput!) { changeComplaint(caseId: $id, expectedVersion: $v, change: $c) { ${COMPLAINT_FIELDS} } }`;

/**
 * One call of each complaint mutation with valid input aimed at case `caseId` (of a center the
 * refused callers do not see, without a complaint), for the access tests' mutation guard.
 */
export function complaintMutationCalls(caseId: () => string): Record<string, MutationCall> {
  return {
    registerComplaint: { query: REGISTER, variables: () => registration(caseId(), 2) },
    extendComplaintDeadline: {
      query: EXTEND,
      variables: () => ({
        i: { caseId: caseId(), expectedVersion: 3, basis: 'EXTENDED_30', reason: 'guard' },
      }),
    },
    decideComplaint: {
      query: DECIDE,
      variables: () => ({ i: { caseId: caseId(), expectedVersion: 3, outcome: 'NOT_UPHELD' } }),
    },
    changeComplaint: {
      query: CHANGE,
      variables: () => ({ id: caseId(), v: 3, c: { followUpSatisfaction: 'SATISFIED' } }),
    },
    addComplaintCode: {
      query: 'mutation($i: AddComplaintCodeInput!) { addComplaintCode(input: $i) { version } }',
      variables: () => ({
        i: {
          axis: 'REASON',
          code: `C99${Math.floor(Math.random() * 1e6)}`,
          parentCode: 'C99',
          nameZh: '其他',
          nameEn: 'x',
        },
      }),
    },
  };
}
