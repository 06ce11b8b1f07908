import { scoreEvaluation, type QaAnswer, type QaEvaluationScore, type QaSection } from '@switchboard/metrics';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { AnswerInput, QaPageQuery } from '../api/generated';

export type Scorecard = QaPageQuery['scorecards'][number];

/** One answer as the form holds it: a value, N/A, or not given yet. */
export type FormAnswer = { value: number } | 'NA';

/** The score so far, by the same formula QA scores submissions with (libs/metrics); unanswered criteria leave it. */
export function liveScore(
  scorecard: Scorecard,
  answers: Record<string, FormAnswer>,
): QaEvaluationScore & { answered: number; total: number } {
  const sections: QaSection[] = scorecard.sections.map((s) => ({
    key: s.key,
    weight: s.weight,
    criteria: s.criteria.map((c) => ({
      key: c.key,
      points: c.points,
      type: c.type,
      scaleMax: c.scaleMax,
      allowNa: c.allowNa,
      critical: c.critical,
      category: c.category,
    })),
  }));
  const given: QaAnswer[] = Object.entries(answers).map(([criterionKey, answer]) =>
    answer === 'NA'
      ? { criterionKey, value: null, na: true }
      : { criterionKey, value: answer.value, na: false },
  );
  const total = sections.reduce((n, s) => n + s.criteria.length, 0);
  return { ...scoreEvaluation(sections, given), answered: given.length, total };
}

/** The answers as createEvaluation and updateEvaluation take them, in the scorecard's order. */
export function answersInput(scorecard: Scorecard, answers: Record<string, FormAnswer>): AnswerInput[] {
  return scorecard.sections.flatMap((section) =>
    section.criteria.flatMap((criterion) => {
      const answer = answers[criterion.key];
      if (answer === undefined) return [];
      return [
        answer === 'NA'
          ? { criterionKey: criterion.key, value: null, na: true }
          : { criterionKey: criterion.key, value: answer.value, na: false },
      ];
    }),
  );
}

/** Where the form shows an error: beside one of its inputs, or above the buttons. */
export type FormField =
  | 'scorecard'
  | 'agent'
  | 'evaluator'
  | 'contactSource'
  | 'contactExternalId'
  | 'answers'
  | 'form';
export type FormErrors = Partial<Record<FormField, string[]>>;

// The API's field paths (BAD_USER_INPUT extensions.fields) -> the input that holds the value.
const FIELD_PATHS: readonly [RegExp, FormField][] = [
  [/^(input\.)?scorecardId$/, 'scorecard'],
  [/^input\.agentEmployeeNo$/, 'agent'],
  [/^input\.evaluatorEmployeeNo$/, 'evaluator'],
  [/^input\.contact\.source$/, 'contactSource'],
  [/^input\.contact\.externalId$/, 'contactExternalId'],
  [/^(input\.)?answers(\W|$)/, 'answers'],
];

/** The input an API field path belongs to ('form' when none does). */
export function formFieldOf(path: string): FormField {
  return FIELD_PATHS.find(([pattern]) => pattern.test(path))?.[1] ?? 'form';
}

interface FieldProblem {
  field: string;
  message: string;
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldProblem).field === 'string' &&
  typeof (value as FieldProblem).message === 'string';

/**
 * A failed save as the form shows it: each BAD_USER_INPUT problem (`field: message`, as the API
 * words it) beside its input; anything else (FORBIDDEN, CONFLICT, a network failure) above the buttons.
 */
export function formErrors(error: unknown): FormErrors {
  const errors: FormErrors = {};
  const add = (field: FormField, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  if (!CombinedGraphQLErrors.is(error)) {
    add('form', error instanceof Error ? error.message : String(error));
    return errors;
  }
  for (const e of error.errors) {
    const problems = e.extensions?.code === 'BAD_USER_INPUT' ? e.extensions.fields : undefined;
    if (Array.isArray(problems) && problems.every(isFieldProblem) && problems.length > 0)
      for (const p of problems) add(formFieldOf(p.field), `${p.field}: ${p.message}`);
    else add('form', e.message);
  }
  return errors;
}
