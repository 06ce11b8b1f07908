import { describe, expect, it } from 'vitest';
import { isDay, lastDays, periodInstants, shiftDay } from './period';

describe('period', () => {
  it('turns days in a time zone into the instants the API takes', () => {
    expect(periodInstants({ fromDay: '2026-11-16', toDay: '2026-11-23' }, 'Asia/Shanghai')).toEqual({
      from: '2026-11-15T16:00:00.000Z',
      to: '2026-11-22T16:00:00.000Z',
    });
  });

  it('ends the last days at the start of today in the zone', () => {
    // 20:00 UTC on the 22nd is already the 23rd in Shanghai
    expect(lastDays(7, 'Asia/Shanghai', new Date('2026-11-22T20:00:00Z'))).toEqual({
      fromDay: '2026-11-16',
      toDay: '2026-11-23',
    });
    expect(lastDays(7, 'UTC', new Date('2026-11-22T20:00:00Z')).toDay).toBe('2026-11-22');
  });

  it('checks calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('26-2-1')).toBe(false);
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});
