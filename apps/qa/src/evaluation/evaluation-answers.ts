import type { QaAnswer } from '@switchboard/metrics';
import type { FieldProblem } from '@switchboard/server';
import type { SectionDefinition } from '../scorecard/scorecard-definition';
import type { StoredAnswer } from './evaluation.entity';
import type { AnswerInput } from './evaluation.input';

/**
 * Checks answers against a scorecard version: known criteria, each once, values in range, N/A only
 * where allowed; `complete` also requires every criterion (submitting, re-scoring).
 */
export function checkAnswers(
  sections: SectionDefinition[],
  answers: AnswerInput[],
  complete: boolean,
  field = 'answers',
): FieldProblem[] {
  const criteria = new Map(sections.flatMap((s) => s.criteria).map((c) => [c.key, c]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  answers.forEach((answer, i) => {
    const at = `${field}[${i}]`;
    const criterion = criteria.get(answer.criterionKey);
    if (!criterion) {
      problems.push({
        field: `${at}.criterionKey`,
        message: `"${answer.criterionKey}" is not a criterion of the scorecard`,
      });
      return;
    }
    if (seen.has(answer.criterionKey))
      problems.push({ field: `${at}.criterionKey`, message: `"${answer.criterionKey}" is answered twice` });
    seen.add(answer.criterionKey);
    const value = answer.value ?? null;
    if (answer.na) {
      if (!criterion.allowNa)
        problems.push({ field: `${at}.na`, message: `criterion ${criterion.key} does not allow N/A` });
      if (value !== null) problems.push({ field: `${at}.value`, message: 'must be empty when na is true' });
    } else if (value === null) {
      problems.push({ field: `${at}.value`, message: 'is required unless na is true' });
    } else if (!Number.isInteger(value) || value < 0 || value > criterion.scaleMax) {
      problems.push({
        field: `${at}.value`,
        message:
          criterion.type === 'YES_NO'
            ? 'must be 1 (yes) or 0 (no)'
            : `must be an integer 0-${criterion.scaleMax}`,
      });
    }
  });
  if (complete) {
    const missing = [...criteria.keys()].filter((key) => !seen.has(key));
    if (missing.length) problems.push({ field, message: `criteria not answered: ${missing.join(', ')}` });
  }
  return problems;
}

export function toStoredAnswers(answers: AnswerInput[]): StoredAnswer[] {
  return answers.map((a) => ({
    criterionKey: a.criterionKey,
    value: a.na ? null : (a.value ?? null),
    na: a.na,
    comment: a.comment ?? null,
  }));
}

export function toQaAnswers(answers: StoredAnswer[]): QaAnswer[] {
  return answers.map((a) => ({ criterionKey: a.criterionKey, value: a.value, na: a.na }));
}
