import type { EntityManager } from '@mikro-orm/postgresql';
import type { SurveyInvitation } from '../survey/survey-invitation.entity';
import type { SurveyResponse } from '../survey/survey-response.entity';
import { ServiceRecoveryRequest } from './service-recovery.entity';

/** Issue 19 item 4: a CSAT answer this low, with something said, is recovered by a call-back. */
export const RECOVERY_MAX_CSAT = 2;

/** Whether an answer is recovered: CSAT ≤ 2, a verbatim that says something, an agent to attribute it to. */
export function needsServiceRecovery(
  response: Pick<SurveyResponse, 'kind' | 'score' | 'verbatim'>,
  agentEmployeeNo: string | null,
): boolean {
  return (
    response.kind === 'CSAT' &&
    response.score <= RECOVERY_MAX_CSAT &&
    !!response.verbatim?.trim() &&
    agentEmployeeNo != null
  );
}

/**
 * Puts the recovery of a new response in the outbox, in the import's transaction (`tx`): a response
 * is created once per invitation, so a re-import adds none.
 */
export function queueServiceRecovery(
  tx: EntityManager,
  response: SurveyResponse,
  invitation: SurveyInvitation,
): void {
  if (!needsServiceRecovery(response, invitation.agentEmployeeNo)) return;
  tx.persist(
    tx.create(ServiceRecoveryRequest, {
      responseId: response.id,
      centerId: response.centerId,
      contactSource: invitation.contactSource,
      contactExternalId: invitation.contactExternalId,
      agentEmployeeNo: invitation.agentEmployeeNo as string,
      score: response.score,
      answeredAt: response.answeredAt,
    }),
  );
}
