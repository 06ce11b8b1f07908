import {
  calibrationDeviation,
  criterionEarned,
  meanAbsoluteDeviation,
  scoreEvaluation,
  type QaAnswer,
  type QaCriterion,
  type QaSection,
} from './qa-scoring';

const criterion = (key: string, change: Partial<QaCriterion>): QaCriterion => ({
  key,
  points: 10,
  type: 'YES_NO',
  scaleMax: 1,
  allowNa: false,
  critical: 'NONE',
  category: 'ACCURACY',
  ...change,
});

// A (weight 60): a1 yes/no 10 pts, a2 scale 0..4 20 pts, a3 yes/no 5 pts N/A allowed.
// B (weight 40): b1 scale 0..5 10 pts, b2 yes/no 10 pts critical SECTION.
// C (weight 20): c1 yes/no 5 pts N/A allowed, critical EVALUATION.
const sections: QaSection[] = [
  {
    key: 'A',
    weight: 60,
    criteria: [
      criterion('a1', {}),
      criterion('a2', { type: 'SCALE', scaleMax: 4, points: 20 }),
      criterion('a3', { points: 5, allowNa: true, category: 'COURTESY' }),
    ],
  },
  {
    key: 'B',
    weight: 40,
    criteria: [
      criterion('b1', { type: 'SCALE', scaleMax: 5, category: 'EMPATHY' }),
      criterion('b2', { critical: 'SECTION', category: 'COMPLIANCE' }),
    ],
  },
  {
    key: 'C',
    weight: 20,
    criteria: [criterion('c1', { points: 5, allowNa: true, critical: 'EVALUATION', category: 'COMPLIANCE' })],
  },
];

const answers = (values: Record<string, number | 'NA'>): QaAnswer[] =>
  Object.entries(values).map(([criterionKey, v]) => ({
    criterionKey,
    value: v === 'NA' ? null : v,
    na: v === 'NA',
  }));

const base = { a1: 1, a2: 3, a3: 0, b1: 4, b2: 1, c1: 1 } as const;

describe('QA scoring (METRICS.md "QA")', () => {
  it('criterion earned = points × answer / max', () => {
    expect(criterionEarned(sections[0].criteria[1], 3)).toBe(15);
    expect(criterionEarned(sections[0].criteria[0], 1)).toBe(10);
    expect(criterionEarned(sections[0].criteria[0], 0)).toBe(0);
  });

  it('weights sections: overall = Σ(weight × section %) / Σ weight', () => {
    const score = scoreEvaluation(sections, answers(base));
    // A = 25/35, B = 18/20, C = 5/5; (60 × 71.43 + 40 × 90 + 20 × 100) / 120
    expect(score.sections.map((s) => s.score)).toEqual([
      expect.closeTo(71.428571, 5),
      expect.closeTo(90, 9),
      100,
    ]);
    expect(score.overall).toBeCloseTo(82.380952, 5);
    expect(score.autoFailed).toBe(false);
    expect(score.categories).toEqual([
      { category: 'ACCURACY', score: expect.closeTo(83.333333, 5) }, // 25/30
      { category: 'COMPLIANCE', score: 100 }, // 15/15
      { category: 'COURTESY', score: 0 },
      { category: 'EMPATHY', score: expect.closeTo(80, 9) }, // 8/10
    ]);
  });

  it('rescales around N/A criteria and leaves an N/A section out of the overall', () => {
    const score = scoreEvaluation(sections, answers({ ...base, a3: 'NA', c1: 'NA' }));
    // A = 25/30; C has no applicable criterion; (60 × 83.33 + 40 × 90) / 100
    expect(score.sections[0].score).toBeCloseTo(83.333333, 5);
    expect(score.sections[2].score).toBeNull();
    expect(score.overall).toBeCloseTo(86, 9);
    expect(score.categories.map((c) => c.category)).toEqual(['ACCURACY', 'COMPLIANCE', 'EMPATHY']);
  });

  it('a failed SECTION-critical criterion sets its section to 0 and flags autoFailed', () => {
    const score = scoreEvaluation(sections, answers({ ...base, a3: 'NA', c1: 'NA', b2: 0 }));
    expect(score.sections[1]).toEqual({ key: 'B', score: 0, autoFailed: true });
    expect(score.overall).toBeCloseTo(50, 9); // (60 × 83.33 + 40 × 0) / 100
    expect(score.autoFailed).toBe(true);
    expect(score.categories.find((c) => c.category === 'EMPATHY')?.score).toBe(0);
  });

  it('a failed EVALUATION-critical criterion sets the whole evaluation to 0', () => {
    const score = scoreEvaluation(sections, answers({ ...base, c1: 0 }));
    expect(score.overall).toBe(0);
    expect(score.autoFailed).toBe(true);
    expect(score.sections.map((s) => s.score)).toEqual([0, 0, 0]);
    expect(score.sections.every((s) => !s.autoFailed)).toBe(true);
    expect(score.categories.every((c) => c.score === 0)).toBe(true);
  });

  it('a SCALE critical criterion fails below its maximum', () => {
    const scaleCritical: QaSection[] = [
      {
        key: 'S',
        weight: 1,
        criteria: [criterion('s', { type: 'SCALE', scaleMax: 5, critical: 'SECTION' })],
      },
    ];
    expect(scoreEvaluation(scaleCritical, answers({ s: 4 })).autoFailed).toBe(true);
    expect(scoreEvaluation(scaleCritical, answers({ s: 5 })).overall).toBe(100);
  });

  it('is null, not 0 or NaN, when every section is N/A', () => {
    const onlyNa: QaSection[] = [{ key: 'X', weight: 10, criteria: [criterion('x', { allowNa: true })] }];
    const score = scoreEvaluation(onlyNa, answers({ x: 'NA' }));
    expect(score.overall).toBeNull();
    expect(score.sections[0].score).toBeNull();
    expect(score.categories).toEqual([]);
  });

  it('a zero-weight section is scored but does not move the overall', () => {
    const zero: QaSection[] = [
      { key: 'P', weight: 1, criteria: [criterion('p', {})] },
      { key: 'Z', weight: 0, criteria: [criterion('z', {})] },
    ];
    const score = scoreEvaluation(zero, answers({ p: 1, z: 0 }));
    expect(score.sections[1].score).toBe(0);
    expect(score.overall).toBe(100);
  });

  it('calibration: deviation = score − reference; mean absolute deviation per evaluator', () => {
    expect(calibrationDeviation(80, 90)).toBe(-10);
    expect(calibrationDeviation(95, 90)).toBe(5);
    expect(meanAbsoluteDeviation([-10, 5, 3])).toBe(6);
    expect(meanAbsoluteDeviation([])).toBeNull();
  });
});
