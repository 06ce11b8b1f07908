import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { answersInput, formErrors, formFieldOf, liveScore, type Scorecard } from './qa-scoring';

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

describe('saving the form', () => {
  it('sends the answers in the scorecard’s order, N/A as na', () => {
    expect(answersInput(scorecard, { verify: 'NA', hello: { value: 1 }, fix: { value: 3 } })).toEqual([
      { criterionKey: 'hello', value: 1, na: false },
      { criterionKey: 'fix', value: 3, na: false },
      { criterionKey: 'verify', value: null, na: true },
    ]);
  });

  it('puts each API problem beside the input it names, the rest above the buttons', () => {
    expect(formFieldOf('input.agentEmployeeNo')).toBe('agent');
    expect(formFieldOf('input.contact.externalId')).toBe('contactExternalId');
    expect(formFieldOf('scorecardId')).toBe('scorecard');
    expect(formFieldOf('input.answers[2].value')).toBe('answers');
    expect(formFieldOf('answers')).toBe('answers');
    expect(formFieldOf('input.answersheet')).toBe('form');
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'two problems',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.agentEmployeeNo', message: 'must look like E12345' },
              { field: 'input.contact.source', message: 'must be 1 to 200 characters' },
            ],
          },
        },
        { message: 'submitEvaluation: DRAFT only', extensions: { code: 'CONFLICT' } },
      ],
    });
    expect(formErrors(error)).toEqual({
      agent: ['input.agentEmployeeNo: must look like E12345'],
      contactSource: ['input.contact.source: must be 1 to 200 characters'],
      form: ['submitEvaluation: DRAFT only'],
    });
    expect(formErrors(new Error('Failed to fetch'))).toEqual({ form: ['Failed to fetch'] });
  });
});
