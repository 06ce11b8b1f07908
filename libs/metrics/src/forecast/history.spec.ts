import { dayNumber, daysBefore, daysBetween, operatingDays, sameWeekdayDays, weekday } from './history';

describe('forecast history', () => {
  it('tells the weekday from the date', () => {
    expect(weekday('2024-01-01')).toBe(1); // a Monday
    expect(weekday('2003-09-01')).toBe(1); // Labor Day 2003, a Monday
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
  });

  it('refuses impossible dates, duplicates, ragged days and negative values', () => {
    expect(() => dayNumber('2024-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2024-2-3')).toThrow(RangeError);
    expect(() =>
      operatingDays([
        { date: '2024-01-01', values: [1] },
        { date: '2024-01-01', values: [2] },
      ]),
    ).toThrow(/twice/);
    expect(() =>
      operatingDays([
        { date: '2024-01-01', values: [1, 2] },
        { date: '2024-01-02', values: [2] },
      ]),
    ).toThrow(/2024-01-02 has 1 intervals/);
    expect(() => operatingDays([{ date: '2024-01-01', values: [-1] }])).toThrow(/negative/);
    expect(() => operatingDays([{ date: '2024-01-01', values: [NaN] }])).toThrow(/non-finite/);
  });

  it('sorts by date and cuts at a date, not at a row count', () => {
    const days = operatingDays([
      { date: '2024-01-08', values: [3] },
      { date: '2024-01-01', values: [1] },
      { date: '2024-01-03', values: [2] },
    ]);
    expect(days.map((d) => d.date)).toEqual(['2024-01-01', '2024-01-03', '2024-01-08']);
    expect(daysBefore(days, '2024-01-08').map((d) => d.date)).toEqual(['2024-01-01', '2024-01-03']);
    expect(daysBefore(days, '2024-01-02').map((d) => d.date)).toEqual(['2024-01-01']);
    expect(daysBefore(days, '2023-12-31')).toEqual([]);
  });

  it('finds the same weekday within N weeks by date, a closed day being absent', () => {
    // Mondays 1, 8, (15 closed), 22 January; Tuesday the 23rd; target Monday the 29th
    const days = operatingDays(
      ['2024-01-01', '2024-01-08', '2024-01-22', '2024-01-23'].map((date) => ({ date, values: [1] })),
    );
    expect(sameWeekdayDays(days, '2024-01-29', 2).map((d) => d.date)).toEqual(['2024-01-22']);
    expect(sameWeekdayDays(days, '2024-01-29', 4).map((d) => d.date)).toEqual([
      '2024-01-22',
      '2024-01-08',
      '2024-01-01',
    ]);
  });
});
