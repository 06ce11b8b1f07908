import { ratio } from './ratio';

/** METRICS.md "QA": how one evaluation on one scorecard version is scored. Scores are percentages. */
export type QaCriterionType = 'YES_NO' | 'SCALE';
export type QaCritical = 'NONE' | 'SECTION' | 'EVALUATION';

export interface QaCriterion {
  key: string;
  points: number;
  type: QaCriterionType;
  /** Highest answer of a SCALE criterion (answers 0..scaleMax); YES_NO is 0 or 1. */
  scaleMax: number;
  allowNa: boolean;
  critical: QaCritical;
  category: string;
}

export interface QaSection {
  key: string;
  weight: number;
  criteria: QaCriterion[];
}

/** One answer: `value` (YES_NO: 1 = yes, 0 = no; SCALE: 0..scaleMax) or `na`. */
export interface QaAnswer {
  criterionKey: string;
  value: number | null;
  na: boolean;
}

export interface QaSectionScore {
  key: string;
  /** null: no applicable criterion, the section leaves the overall score. */
  score: number | null;
  autoFailed: boolean;
}

export interface QaCategoryScore {
  category: string;
  score: number;
}

export interface QaEvaluationScore {
  /** null when no section is applicable. */
  overall: number | null;
  autoFailed: boolean;
  sections: QaSectionScore[];
  /** Σ earned / Σ possible of the applicable criteria of each category (auto-failed ones earn 0). */
  categories: QaCategoryScore[];
}

export function criterionMax(criterion: QaCriterion): number {
  return criterion.type === 'YES_NO' ? 1 : criterion.scaleMax;
}

/** criterion earned = points × answer / max (YES = max, NO = 0). */
export function criterionEarned(criterion: QaCriterion, value: number): number {
  return (criterion.points * value) / criterionMax(criterion);
}

/** A critical criterion fails when it earns less than its full points. */
function failsCritical(criterion: QaCriterion, value: number): boolean {
  return criterion.critical !== 'NONE' && value < criterionMax(criterion);
}

const percent = (earned: number, possible: number): number | null => {
  const r = ratio(earned, possible);
  return r === null ? null : r * 100;
};

/**
 * Scores a complete set of answers (every criterion answered or N/A; checked by the caller):
 * N/A criteria leave numerator and denominator; a section without an applicable criterion is N/A;
 * overall = Σ(weight × section %) / Σ weight over applicable sections; a failed critical criterion
 * sets its section (SECTION) or the whole evaluation (EVALUATION) to 0 and flags autoFailed.
 */
export function scoreEvaluation(sections: QaSection[], answers: QaAnswer[]): QaEvaluationScore {
  const byKey = new Map(answers.map((a) => [a.criterionKey, a]));
  let evaluationFailed = false;
  const categories = new Map<string, { earned: number; possible: number }>();
  const scored = sections.map((section) => {
    let earned = 0;
    let possible = 0;
    let sectionFailed = false;
    const applicable: { criterion: QaCriterion; earned: number }[] = [];
    for (const criterion of section.criteria) {
      const answer = byKey.get(criterion.key);
      if (!answer || answer.na || answer.value === null) continue;
      const value = answer.value;
      const got = criterionEarned(criterion, value);
      earned += got;
      possible += criterion.points;
      applicable.push({ criterion, earned: got });
      if (failsCritical(criterion, value)) {
        if (criterion.critical === 'EVALUATION') evaluationFailed = true;
        else sectionFailed = true;
      }
    }
    return { section, earned, possible, sectionFailed, applicable };
  });
  const sectionScores: QaSectionScore[] = scored.map((s) => {
    const raw = percent(s.earned, s.possible);
    return {
      key: s.section.key,
      score: raw === null ? null : s.sectionFailed || evaluationFailed ? 0 : raw,
      autoFailed: s.sectionFailed,
    };
  });
  for (const s of scored) {
    for (const { criterion, earned } of s.applicable) {
      const total = categories.get(criterion.category) ?? { earned: 0, possible: 0 };
      total.earned += s.sectionFailed || evaluationFailed ? 0 : earned;
      total.possible += criterion.points;
      categories.set(criterion.category, total);
    }
  }
  let weighted = 0;
  let weights = 0;
  sections.forEach((section, i) => {
    const score = sectionScores[i].score;
    if (score === null) return;
    weighted += section.weight * score;
    weights += section.weight;
  });
  const anyApplicable = sectionScores.some((s) => s.score !== null);
  const overall = evaluationFailed && anyApplicable ? 0 : ratio(weighted, weights);
  return {
    overall,
    autoFailed: evaluationFailed || sectionScores.some((s) => s.autoFailed),
    sections: sectionScores,
    categories: [...categories.entries()]
      .filter(([, t]) => t.possible > 0)
      .map(([category, t]) => ({ category, score: (t.earned / t.possible) * 100 }))
      .sort((a, b) => a.category.localeCompare(b.category)),
  };
}

/** Calibration: deviation = evaluator score − reference (calibrator) score. */
export function calibrationDeviation(score: number, referenceScore: number): number {
  return score - referenceScore;
}

/** Mean absolute deviation of an evaluator's deviations; null without any. */
export function meanAbsoluteDeviation(deviations: number[]): number | null {
  return ratio(
    deviations.reduce((sum, d) => sum + Math.abs(d), 0),
    deviations.length,
  );
}
