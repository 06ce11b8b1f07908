import { alignedBucketOrigin } from './intervals';

const at = (iso: string): Date => new Date(iso);

describe('alignedBucketOrigin', () => {
  it('gives an instant on the local half hour and hour of whole-hour zones, across DST changes', () => {
    const from = at('2026-09-30T16:00:00Z');
    const to = at('2026-10-31T16:00:00Z');
    expect(alignedBucketOrigin(from, to, 'Asia/Shanghai', 30)).toEqual(at('2000-01-01T00:00:00Z'));
    // Paris changes from +2 to +1 on 25 October: still whole hours
    expect(alignedBucketOrigin(from, to, 'Europe/Paris', 60)).toEqual(at('2000-01-01T00:00:00Z'));
  });

  it('shifts the origin for zones offset by 15 or 45 minutes', () => {
    const from = at('2026-04-01T00:00:00Z');
    const to = at('2026-04-02T00:00:00Z');
    // Kathmandu is +5:45: local half hours start at UTC :15 and :45, local hours at UTC :15
    expect(alignedBucketOrigin(from, to, 'Asia/Kathmandu', 30)).toEqual(at('1999-12-31T23:45:00Z'));
    expect(alignedBucketOrigin(from, to, 'Asia/Kathmandu', 60)).toEqual(at('1999-12-31T23:15:00Z'));
  });

  it('refuses when the offset modulo the bucket changes in the period (Lord Howe’s half-hour DST)', () => {
    // 5 April 2026: Lord Howe goes from +11 to +10:30
    const from = at('2026-04-01T00:00:00Z');
    const to = at('2026-04-10T00:00:00Z');
    expect(alignedBucketOrigin(from, to, 'Australia/Lord_Howe', 60)).toBeNull();
    expect(alignedBucketOrigin(from, to, 'Australia/Lord_Howe', 30)).toEqual(at('2000-01-01T00:00:00Z'));
    // a period before the change alone is aligned
    expect(alignedBucketOrigin(from, at('2026-04-04T00:00:00Z'), 'Australia/Lord_Howe', 60)).toEqual(
      at('2000-01-01T00:00:00Z'),
    );
  });
});
