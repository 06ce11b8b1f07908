import fc from 'fast-check';
import type { DayVolumes } from './history';
import { ar1Coefficient, operatingSteps, svdFactorForecast } from './svd-factor';

const DAY = 86_400_000;
const dateOf = (n: number): string =>
  new Date(Date.parse('2024-01-01T00:00:00Z') + n * DAY).toISOString().slice(0, 10);

/** Weekdays for `weeks` weeks from Monday 2024-01-01, one value per interval, minus the closed dates. */
function weekdays(
  weeks: number,
  value: (weekday: number, interval: number) => number,
  closed: string[] = [],
): DayVolumes[] {
  const days: DayVolumes[] = [];
  for (let n = 0; n < weeks * 7; n += 1) {
    const wd = (n % 7) + 1; // 1 = Monday
    if (wd > 5 || closed.includes(dateOf(n))) continue;
    days.push({ date: dateOf(n), values: [0, 1, 2, 3].map((i) => value(wd, i)) });
  }
  return days;
}

describe('SVD factor model', () => {
  it('has the hand-computed AR(1) coefficient and counts operating steps by date', () => {
    expect(ar1Coefficient([8, 4, 2, 1])).toBeCloseTo(42 / 84, 12);
    expect(ar1Coefficient([1, 2])).toBe(0);
    const days = weekdays(2, () => 1); // ends Friday 2024-01-12
    expect(operatingSteps(days, '2024-01-15')).toBe(1); // Monday after Friday
    expect(operatingSteps(days, '2024-01-19')).toBe(5);
  });

  it('reproduces a weekday pattern exactly when √-counts have rank one, across a closed day', () => {
    // √(x + ¼) = level(weekday) × shape(interval): exactly one factor, scores = weekday means
    const level = [0, 20, 18, 17, 16, 15];
    const shape = [1, 2, 1.5, 0.5];
    const truth = (wd: number, i: number): number => (level[wd] * shape[i]) ** 2 - 0.25;
    const days = weekdays(6, truth, ['2024-01-15', '2024-01-26']);
    const monday = svdFactorForecast(days, '2024-02-12');
    const friday = svdFactorForecast(days, '2024-02-16');
    monday.forEach((v, i) => expect(v).toBeCloseTo(truth(1, i), 6));
    friday.forEach((v, i) => expect(v).toBeCloseTo(truth(5, i), 6));
  });

  it('carries the last day’s deviation forward by the AR(1) coefficient', () => {
    // flat weekdays except a rising last week: the forecast lies above the weekday mean, below the last day
    const days = weekdays(6, (_wd, i) => 100 + i);
    const last = days.length - 5;
    for (let d = last; d < days.length; d += 1)
      days[d] = { ...days[d], values: days[d].values.map((v) => v * (1 + 0.1 * (d - last + 1))) };
    const f = svdFactorForecast(days, '2024-02-12');
    expect(f[0]).toBeGreaterThan(100);
    expect(f[0]).toBeLessThan(days[days.length - 1].values[0]);
  });

  it('never forecasts a negative count', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 400 }), { minLength: 40, maxLength: 40 }), (counts) => {
        const days = weekdays(2, (wd, i) => counts[(wd - 1) * 4 + i] ?? 0);
        for (const v of svdFactorForecast(days, '2024-01-15')) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 50 },
    );
  });
});
