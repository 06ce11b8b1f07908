import { scoreEvaluation, type QaAnswer, type QaEvaluationScore, type QaSection } from '@switchboard/metrics';
import type { QaPageQuery } from '../api/generated';

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
