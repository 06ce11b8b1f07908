import fc from 'fast-check';
import type { DayVolumes } from './history';
import { lastSameWeekdayDays, sameWeekdayAverage, seasonalNaive } from './same-weekday';

// Five weeks of Mondays and Wednesdays from 2024-01-01 (a Monday); Monday 2024-01-22 is closed (absent).
const days: DayVolumes[] = [
  { date: '2024-01-01', values: [10, 20] },
  { date: '2024-01-03', values: [100, 100] },
  { date: '2024-01-08', values: [12, 22] },
  { date: '2024-01-10', values: [100, 100] },
  { date: '2024-01-15', values: [14, 24] },
  { date: '2024-01-17', values: [100, 100] },
  { date: '2024-01-24', values: [100, 100] },
  { date: '2024-01-29', values: [16, 26] },
  { date: '2024-01-31', values: [100, 100] },
];

describe('same-weekday average (the baseline)', () => {
  it('averages the last 4 operating Mondays, skipping the closed one instead of counting a zero', () => {
    // Mondays before 02-05: 01-29, (01-22 closed), 01-15, 01-08, 01-01 → (16+14+12+10)/4, (26+24+22+20)/4
    expect(sameWeekdayAverage(days, '2024-02-05', 4)).toEqual([13, 23]);
    expect(lastSameWeekdayDays(days, '2024-02-05', 4).map((d) => d.date)).toEqual([
      '2024-01-29',
      '2024-01-15',
      '2024-01-08',
      '2024-01-01',
    ]);
  });

  it('uses only days dated before the target', () => {
    // forecasting the 15th may not see the 15th or later
    expect(sameWeekdayAverage(days, '2024-01-15', 4)).toEqual([11, 21]);
  });

  it('seasonal naive takes the previous operating Monday (two weeks back after a closure)', () => {
    expect(seasonalNaive(days, '2024-01-29')).toEqual([14, 24]);
    expect(seasonalNaive(days, '2024-02-05')).toEqual([16, 26]);
  });

  it('falls back to the last days when the weekday never occurred, and refuses no history', () => {
    expect(sameWeekdayAverage(days, '2024-02-02', 2)).toEqual([58, 63]); // a Friday: mean of 01-29 and 01-31
    expect(() => sameWeekdayAverage([], '2024-02-02')).toThrow(RangeError);
  });

  it('is never negative and stays within the range of the days it averages', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 5, maxLength: 5 }), (counts) => {
        // Mondays 01-01 … 01-29: the forecast of 02-05 averages the last four
        const history = counts.map((c, i) => ({
          date: `2024-01-${String(1 + 7 * i).padStart(2, '0')}`,
          values: [c],
        }));
        const [f] = sameWeekdayAverage(history, '2024-02-05', 4);
        const used = counts.slice(1);
        expect(f).toBeGreaterThanOrEqual(Math.min(...used));
        expect(f).toBeLessThanOrEqual(Math.max(...used));
      }),
    );
  });
});
