import { SURVEY_KINDS, type SurveyKind } from '@switchboard/metrics';
import { registerEnumType } from 'type-graphql';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export { SURVEY_KINDS, type SurveyKind };
export const SurveyKindEnum = enumOf(SURVEY_KINDS);
registerEnumType(SurveyKindEnum, {
  name: 'SurveyKind',
  description: 'What a survey form asks: CSAT on 1–5, NPS on 0–10, CES on 1–7',
});

export const INVITATION_STATUSES = ['SENT', 'OPENED', 'FINISHED', 'EXPIRED', 'OPTED_OUT'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const InvitationStatusEnum = enumOf(INVITATION_STATUSES);
registerEnumType(InvitationStatusEnum, {
  name: 'SurveyInvitationStatus',
  description: "A survey invitation's lifecycle: SENT, OPENED, FINISHED (answered), EXPIRED, OPTED_OUT",
});

/** How far along the lifecycle a status is: an import never moves an invitation back. */
export const INVITATION_STATUS_RANK: Record<InvitationStatus, number> = {
  SENT: 0,
  OPENED: 1,
  FINISHED: 2,
  EXPIRED: 2,
  OPTED_OUT: 2,
};
