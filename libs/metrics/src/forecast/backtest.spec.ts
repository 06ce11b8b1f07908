import fc from 'fast-check';
import { wape } from './accuracy';
import { backtest, forecastDays, historyAtLead } from './backtest';
import type { DayVolumes } from './history';
import { FORECASTERS, FORECAST_METHODS } from './methods';
import { WIDE_RESIDUAL_RATIOS } from './prediction-interval';

const DAY = 86_400_000;
const dateOf = (n: number): string =>
  new Date(Date.parse('2024-01-01T00:00:00Z') + n * DAY).toISOString().slice(0, 10);

/** Mon–Fri from 2024-01-01 for `weeks` weeks, 4 intervals a day, without the closed dates. */
function series(
  weeks: number,
  value: (n: number, wd: number, i: number) => number,
  closed: string[] = [],
): DayVolumes[] {
  const days: DayVolumes[] = [];
  for (let n = 0; n < weeks * 7; n += 1) {
    const wd = (n % 7) + 1;
    if (wd > 5 || closed.includes(dateOf(n))) continue;
    days.push({ date: dateOf(n), values: [0, 1, 2, 3].map((i) => value(n, wd, i)) });
  }
  return days;
}

describe('rolling-origin backtest', () => {
  it('says a short history is not forecastable, falls back to the baseline with wide intervals', () => {
    const days = series(3, () => 100);
    const result = backtest(days);
    expect(result.forecastable).toBe(false);
    expect(result.reason).toMatch(/15 operating days over 19 calendar days/);
    expect(result.chosenMethod).toBe('SAME_WEEKDAY_4W');
    expect(result.residualRatios).toEqual(WIDE_RESIDUAL_RATIOS);
    expect(result.methods).toEqual([]);
    const [day] = forecastDays(days, ['2024-01-22'], result);
    expect(day.forecastable).toBe(false);
    expect(day.intervals[0]).toEqual({ p10: 50, p50: 100, p90: 150 });
    expect(backtest([]).reason).toBe('no history');
  });

  it('reads the week-ahead history from 7 calendar days back, by date', () => {
    const days = series(4, () => 1);
    expect(historyAtLead(days, '2024-01-22', 'DAY_AHEAD').at(-1)?.date).toBe('2024-01-19');
    expect(historyAtLead(days, '2024-01-22', 'WEEK_AHEAD').at(-1)?.date).toBe('2024-01-15');
  });

  it('reports every method at every lead and picks the lowest day-ahead WAPE on a trending series', () => {
    // a 3 % weekly growth: last week's same weekday beats the 4-week mean
    const days = series(12, (n, wd, i) => Math.round((100 + 10 * wd + 20 * i) * 1.03 ** Math.floor(n / 7)), [
      '2024-02-19',
    ]);
    const result = backtest(days, { testDays: 10, observedIntervals: 2 });
    expect(result.forecastable).toBe(true);
    expect(result.testDates).toHaveLength(10);
    expect(result.testDates).not.toContain('2024-02-19');
    expect(result.methods).toHaveLength(FORECAST_METHODS.length * 3);
    const dayAhead = result.methods.filter((m) => m.lead === 'DAY_AHEAD');
    const baseline = dayAhead.find((m) => m.method === 'SAME_WEEKDAY_4W');
    const chosen = dayAhead.find((m) => m.method === result.chosenMethod);
    expect(result.chosenMethod).not.toBe('SAME_WEEKDAY_4W');
    expect(chosen?.wape).toBeLessThan(baseline?.wape ?? 0);
    for (const m of dayAhead) expect(chosen?.wape ?? Infinity).toBeLessThanOrEqual(m.wape ?? Infinity);
    expect(result.chosenByLead.DAY_AHEAD).toBe(result.chosenMethod);
    for (const lead of ['INTRADAY', 'WEEK_AHEAD'] as const) {
      const rows = result.methods.filter((m) => m.lead === lead);
      const pick = rows.find((m) => m.method === result.chosenByLead[lead]);
      for (const m of rows) expect(pick?.wape ?? Infinity).toBeLessThanOrEqual(m.wape ?? Infinity);
    }
    for (const m of result.methods) {
      expect(m.excessWape).toBeCloseTo((m.wape ?? NaN) - (result.noiseFloors[m.lead] ?? NaN), 12);
      expect(m.intervals).toBe(m.lead === 'INTRADAY' ? 10 * 2 : 10 * 4);
    }
  });

  it('measures the baseline exactly as forecasting each test day from the days before it', () => {
    const days = series(10, (n, _wd, i) => 50 + ((n * 7919 + i * 104729) % 37), ['2024-02-05']);
    const result = backtest(days, { testDays: 8 });
    const f = result.testDates.flatMap((date) =>
      FORECASTERS.SAME_WEEKDAY_4W(
        days.filter((d) => d.date < date),
        date,
      ),
    );
    const a = result.testDates.flatMap((date) => days.find((d) => d.date === date)?.values ?? []);
    const row = result.methods.find((m) => m.method === 'SAME_WEEKDAY_4W' && m.lead === 'DAY_AHEAD');
    expect(row?.wape).toBeCloseTo(wape(f, a) ?? NaN, 12);
  });

  it('forecasts each day from the days before it only, with p10 ≤ p50 ≤ p90', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 300 }), { minLength: 20, maxLength: 20 }), (noise) => {
        const days = series(7, (n, wd, i) => 100 + wd * 10 + noise[(n + i) % 20]);
        const result = backtest(days, { testDays: 5 });
        const inside = forecastDays(days, ['2024-02-05'], result)[0];
        const cut = forecastDays(
          days.filter((d) => d.date < '2024-02-05'),
          ['2024-02-05'],
          result,
        )[0];
        expect(inside).toEqual(cut);
        for (const b of inside.intervals) {
          expect(b.p10).toBeGreaterThanOrEqual(0);
          expect(b.p10).toBeLessThanOrEqual(b.p50);
          expect(b.p50).toBeLessThanOrEqual(b.p90);
        }
      }),
      { numRuns: 20 },
    );
  });
});
