import { topDownForecast } from './top-down';

describe('top-down forecast', () => {
  // Mondays only; 01-15 closed (absent). Totals 100, 100, 200; equal halves.
  const mondays = [
    { date: '2024-01-01', values: [50, 50] },
    { date: '2024-01-08', values: [50, 50] },
    { date: '2024-01-22', values: [100, 100] },
  ];

  it('smooths the daily total exponentially and spreads it by the profile (hand-computed)', () => {
    // level 100 → 100 → 100 + α(200 − 100); index 1 (one weekday); profile ½, ½
    expect(topDownForecast(mondays, '2024-01-29', { weeks: 8, alpha: 0.5 })).toEqual([75, 75]);
    expect(topDownForecast(mondays, '2024-01-29', { weeks: 8, alpha: 0.3 })).toEqual([65, 65]);
  });

  it('does not read a closed day as a zero', () => {
    const withZero = [...mondays.slice(0, 2), { date: '2024-01-15', values: [0, 0] }, mondays[2]];
    expect(topDownForecast(withZero, '2024-01-29', { weeks: 8, alpha: 0.5 })).not.toEqual([75, 75]);
  });

  it('reproduces a stable weekly pattern, weekday index and intraday profile by date', () => {
    const days = [];
    for (let week = 0; week < 8; week += 1) {
      const monday = `2024-01-${String(1 + 7 * week).padStart(2, '0')}`
        .replace('2024-01-36', '2024-02-05')
        .replace('2024-01-43', '2024-02-12')
        .replace('2024-01-50', '2024-02-19');
      const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (week !== 3) days.push({ date: monday, values: [100, 100] }); // one Monday closed
      days.push({ date: tuesday, values: [30, 70] });
    }
    const mon = topDownForecast(days, '2024-02-26');
    const tue = topDownForecast(days, '2024-02-27');
    [100, 100].forEach((v, i) => expect(mon[i]).toBeCloseTo(v, 9));
    [30, 70].forEach((v, i) => expect(tue[i]).toBeCloseTo(v, 9));
  });
});
