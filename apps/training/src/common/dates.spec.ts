import { dayPeriodOf } from './dates';

describe('dayPeriodOf', () => {
  const period = (from: string, to: string) => dayPeriodOf(new Date(from), new Date(to));

  it('takes the local days of a period in any zone within ±12 h of UTC', () => {
    expect(period('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    // Asia/Shanghai (+8) and America/New_York (-5) months of November
    expect(period('2026-10-31T16:00:00Z', '2026-11-30T16:00:00Z')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(period('2026-11-01T04:00:00Z', '2026-12-01T05:00:00Z')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
  });

  it('keeps at least one day', () => {
    expect(period('2026-11-05T09:00:00Z', '2026-11-05T09:15:00Z')).toEqual({
      from: '2026-11-05',
      to: '2026-11-06',
    });
  });
});
