import { describe, expect, it } from 'vitest';
import { liveScore, type Scorecard } from './qa-scoring';

const criterion = (key: string, extra: Partial<Scorecard['sections'][number]['criteria'][number]> = {}) => ({
  key,
  label: key,
  type: 'YES_NO' as const,
  points: 10,
  scaleMax: 1,
  allowNa: true,
  critical: 'NONE' as const,
  category: 'SOFT',
  ...extra,
});

const scorecard: Scorecard = {
  id: 's',
  code: 'VOICE',
  version: 1,
  name: 'Voice',
  sections: [
    { key: 'greet', title: 'Greeting', weight: 1, criteria: [criterion('hello'), criterion('name')] },
    {
      key: 'solve',
      title: 'Resolution',
      weight: 3,
      criteria: [
        criterion('fix', { type: 'SCALE', scaleMax: 4, points: 20 }),
        criterion('verify', { critical: 'EVALUATION', category: 'COMPLIANCE' }),
      ],
    },
  ],
};

describe('liveScore', () => {
  it('scores the answers given so far, by section weight', () => {
    // greeting 100 %, resolution (15 + 10) / 30: overall (1 × 100 + 3 × 83.33) / 4
    const score = liveScore(scorecard, { hello: { value: 1 }, fix: { value: 3 }, verify: { value: 1 } });
    expect(score.answered).toBe(3);
    expect(score.total).toBe(4);
    expect(score.overall).toBeCloseTo((100 + 3 * (25 / 30) * 100) / 4, 10);
    expect(score.autoFailed).toBe(false);
  });

  it('leaves N/A out and fails the whole evaluation on a failed critical criterion', () => {
    expect(liveScore(scorecard, { hello: 'NA', name: { value: 0 } }).overall).toBe(0);
    const failed = liveScore(scorecard, { hello: { value: 1 }, verify: { value: 0 } });
    expect(failed.overall).toBe(0);
    expect(failed.autoFailed).toBe(true);
  });

  it('has no score before any answer', () => {
    expect(liveScore(scorecard, {}).overall).toBeNull();
  });
});
