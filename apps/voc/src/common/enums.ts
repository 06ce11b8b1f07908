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
