import { periodContaining } from './sampling-period';
import { SamplingPeriod } from '../model/enums';

describe('sampling periods (UTC)', () => {
  it('a week runs Monday to Sunday', () => {
    const week = periodContaining(SamplingPeriod.WEEK, new Date('2026-11-22T23:59:59Z')); // a Sunday
    expect(week).toEqual({
      start: '2026-11-16',
      from: new Date('2026-11-16T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
    });
    expect(periodContaining(SamplingPeriod.WEEK, new Date('2026-11-23T00:00:00Z')).start).toBe('2026-11-23');
  });

  it('a month is the calendar month, across a year end', () => {
    expect(periodContaining(SamplingPeriod.MONTH, new Date('2026-12-31T12:00:00Z'))).toEqual({
      start: '2026-12-01',
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
  });
});
