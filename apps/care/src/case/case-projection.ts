import type { CaseState } from '@switchboard/metrics';
import type { CaseEventKind, CaseKind } from './case.entity';

/** The fields of a case that its events decide (the row in care_case is exactly this, projected). */
export interface CaseProjection {
  caseNo: string;
  customerKey: string;
  type: CaseKind;
  taxonomyVersion: number;
  categoryCode: string;
  title: string;
  status: CaseState;
  priority: number;
  ownerAgentNo: string | null;
  ownerTeamId: string | null;
  ownerDepartment: string;
  centerId: string;
  sourceContactSource: string;
  sourceContactExternalId: string;
  openedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  handoffCount: number;
  createdBy: string;
  version: number;
}

export interface CaseEventFact {
  seq: number;
  at: Date;
  actor: string;
  kind: CaseEventKind;
  payload: Record<string, unknown>;
}

/**
 * One event applied to the case (undefined before CREATED). Pure: the service applies each event it
 * appends, and replaying a case's events from the start gives its row (tested).
 */
export function applyCaseEvent(state: CaseProjection | undefined, event: CaseEventFact): CaseProjection {
  const p = event.payload;
  if (event.kind === 'CREATED') {
    return {
      caseNo: p.caseNo as string,
      customerKey: p.customerKey as string,
      type: p.type as CaseKind,
      taxonomyVersion: p.taxonomyVersion as number,
      categoryCode: p.categoryCode as string,
      title: p.title as string,
      status: 'NEW',
      priority: p.priority as number,
      ownerAgentNo: (p.ownerAgentNo as string | null) ?? null,
      ownerTeamId: (p.ownerTeamId as string | null) ?? null,
      ownerDepartment: p.ownerDepartment as string,
      centerId: p.centerId as string,
      sourceContactSource: p.sourceContactSource as string,
      sourceContactExternalId: p.sourceContactExternalId as string,
      openedAt: event.at,
      resolvedAt: null,
      closedAt: null,
      reopenCount: 0,
      handoffCount: 0,
      createdBy: event.actor,
      version: event.seq,
    };
  }
  if (!state) throw new Error(`case event ${event.kind} before CREATED`);
  const next: CaseProjection = { ...state, version: event.seq };
  switch (event.kind) {
    case 'STATUS': {
      const to = p.to as CaseState;
      next.status = to;
      if (to === 'RESOLVED') next.resolvedAt = event.at;
      if (to === 'CLOSED') next.closedAt = event.at;
      if (to === 'REOPENED') {
        next.reopenCount += 1;
        next.resolvedAt = null;
      }
      break;
    }
    case 'OWNER':
      next.ownerAgentNo = (p.ownerAgentNo as string | null) ?? null;
      next.ownerTeamId = (p.ownerTeamId as string | null) ?? null;
      break;
    case 'DEPARTMENT':
      next.ownerDepartment = p.to as string;
      next.handoffCount += 1;
      break;
    case 'COMPLAINT':
      // a complaint registered on a case of another type makes it a complaint case
      if (p.caseType) next.type = p.caseType as CaseKind;
      break;
    default:
      // LINK_CONTACT, NOTE and the others leave the case's fields as they are (the version moves)
      break;
  }
  return next;
}
