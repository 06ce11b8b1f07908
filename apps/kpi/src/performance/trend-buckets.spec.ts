import { TrendGranularity } from './performance.input';
import { trendBuckets } from './trend-buckets';

const iso = (buckets: { from: Date; to: Date }[]): string[][] =>
  buckets.map((b) => [b.from.toISOString(), b.to.toISOString()]);

describe('trend buckets', () => {
  it('days in a zone start at local midnight', () => {
    expect(iso(trendBuckets('2026-11-01', '2026-11-03', TrendGranularity.DAY, 'Asia/Shanghai'))).toEqual([
      ['2026-10-31T16:00:00.000Z', '2026-11-01T16:00:00.000Z'],
      ['2026-11-01T16:00:00.000Z', '2026-11-02T16:00:00.000Z'],
    ]);
  });

  it('ISO weeks start on Monday; the first and last are clipped to the range', () => {
    // 2026-11-04 is a Wednesday; 2026-11-09 a Monday
    expect(iso(trendBuckets('2026-11-04', '2026-11-18', TrendGranularity.WEEK, 'UTC'))).toEqual([
      ['2026-11-04T00:00:00.000Z', '2026-11-09T00:00:00.000Z'],
      ['2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
      ['2026-11-16T00:00:00.000Z', '2026-11-18T00:00:00.000Z'],
    ]);
  });

  it('months, across a DST change (Europe/Berlin leaves summer time on 2026-10-25)', () => {
    expect(iso(trendBuckets('2026-09-15', '2026-12-01', TrendGranularity.MONTH, 'Europe/Berlin'))).toEqual([
      ['2026-09-14T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
      ['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
      ['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'],
    ]);
  });

  it('refuses bad days, an empty range and unknown zones, naming the field', () => {
    expect(() => trendBuckets('2026-02-30', '2026-03-02', TrendGranularity.DAY, 'UTC')).toThrow(
      'input.fromDay',
    );
    expect(() => trendBuckets('2026-03-02', '2026-03-02', TrendGranularity.DAY, 'UTC')).toThrow(
      'input.toDay',
    );
    expect(() => trendBuckets('2026-03-01', '2026-03-02', TrendGranularity.DAY, 'Mars/Olympus')).toThrow(
      'input.timeZone',
    );
    expect(() => trendBuckets('2020-01-01', '2026-01-01', TrendGranularity.DAY, 'UTC')).toThrow(
      '400 buckets',
    );
  });
});
