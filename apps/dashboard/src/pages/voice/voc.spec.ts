import { describe, expect, it } from 'vitest';
import { changeText, sampledText, vocCategoryChart } from './voc';

const percent = (r: number | null | undefined) => (r == null ? '–' : `${(r * 100).toFixed(1)} %`);

describe('VOC view figures', () => {
  it('shows a sampled value with n and its interval, or n alone when there is none', () => {
    expect(sampledText({ value: 0.82, n: 41, low: 0.701, high: 0.896 }, percent)).toBe(
      '82.0 % (n = 41, 70.1 %–89.6 %)',
    );
    expect(sampledText({ value: 0.5, n: 2, low: null, high: null }, percent)).toBe('50.0 % (n = 2)');
    expect(sampledText({ value: null, n: 0 }, percent)).toBe('– (n = 0)');
  });

  it('signs the change and leaves the rate out when the period before had none', () => {
    expect(changeText(3, 3 / 7, (r) => `${(r * 100).toFixed(1)} %`)).toBe('+3 (+42.9 %)');
    expect(changeText(-2, -0.5, (r) => `${(r * 100).toFixed(1)} %`)).toBe('-2 (-50.0 %)');
    expect(changeText(4, null, String)).toBe('+4');
    expect(changeText(0, 0, (r) => `${r}`)).toBe('0 (0)');
  });

  it('charts each category’s feedback against the period before, in the view’s order', () => {
    const option = vocCategoryChart(
      [
        { name: 'Card delivery', feedback: 5, previousFeedback: 2 },
        { name: 'Fees', feedback: 3, previousFeedback: 4 },
      ],
      { feedback: 'Feedback', previousFeedback: 'Before' },
    );
    expect(option.yAxis).toMatchObject({ data: ['Card delivery', 'Fees'] });
    expect(option.series).toEqual([
      { name: 'Feedback', type: 'bar', data: [5, 3] },
      { name: 'Before', type: 'bar', data: [2, 4] },
    ]);
  });
});
