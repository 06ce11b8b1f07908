import { isCalendarDate } from './csv-records';

describe('isCalendarDate', () => {
  it.each(['2026-01-31', '2024-02-29', '1900-01-01', '2199-12-31'])('takes %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  // 0000-01-01 was taken: an LMS file with it failed with INTERNAL_SERVER_ERROR (PostgreSQL has no year 0)
  it.each(['0000-01-01', '1899-12-31', '2200-01-01', '2026-02-30', '2026-1-5', '٢٠٢٦-٠١-٠١'])(
    'refuses %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});
