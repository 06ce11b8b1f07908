import { addDays, isoWeekday, localDay, localInstant, localMidnight, zoneOffsetMinutes } from './calendar';

describe('calendar in a time zone', () => {
  it('knows the offset of a zone at an instant, across a DST change', () => {
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    // New York: EST (-300) before 2026-03-08 07:00 UTC, EDT (-240) after
    expect(zoneOffsetMinutes(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('works each zone and instant out once, the same answers again (issue 23: every trend bucket)', () => {
    const formatted = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const days = Array.from({ length: 28 }, (_, i) => addDays('2026-02-20', i));
      const first = days.map((day) => localMidnight(day, 'America/Chicago').toISOString());
      const calls = formatted.mock.calls.length;
      const again = days.map((day) => localMidnight(day, 'America/Chicago').toISOString());
      expect(again).toEqual(first);
      expect(formatted.mock.calls.length).toBe(calls);
      // across the DST change (2026-03-08): 06:00 UTC before, 05:00 UTC after
      expect(first[days.indexOf('2026-03-08')]).toBe('2026-03-08T06:00:00.000Z');
      expect(first[days.indexOf('2026-03-09')]).toBe('2026-03-09T05:00:00.000Z');
    } finally {
      formatted.mockRestore();
    }
  });

  it('finds local midnight and local minutes as instants, on a DST day too', () => {
    expect(localMidnight('2026-05-04', 'Asia/Shanghai').toISOString()).toBe('2026-05-03T16:00:00.000Z');
    // 2026-03-08 in New York has 23 hours: 09:00 local is 13:00 UTC (EDT)
    expect(localInstant('2026-03-08', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
    expect(localMidnight('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('names the local day of an instant, adds days and gives ISO weekdays', () => {
    expect(localDay(new Date('2026-05-03T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-05-04');
    expect(localDay(new Date('2026-05-03T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-05-03');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-23')).toBe(1); // a Monday
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});
