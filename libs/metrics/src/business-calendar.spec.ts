import fc from 'fast-check';
import {
  CALENDAR_24X7,
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  isBusinessTime,
  isWorkingDay,
  nextBusinessInstant,
  validateBusinessCalendar,
  workingPeriodsOn,
  type BusinessCalendar,
  type WorkingPeriod,
} from './business-calendar';
import { InvalidInputError } from './validation';

const weekdays = (...ranges: Array<[string, string]>): WorkingPeriod[] =>
  [1, 2, 3, 4, 5].flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end })));

/** The research's A2 acceptance calendar. */
const a2: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  periods: weekdays(['09:00', '12:00'], ['13:30', '17:30']),
  exceptions: [
    { date: '2026-10-05', kind: 'HOLIDAY' },
    { date: '2026-10-10', kind: 'WORKDAY', periods: [{ start: '09:00', end: '17:30' }] },
  ],
};

/** Shanghai with the real 2026 National Day: 10-01..10-07 off, Sun 09-20 and Sat 10-10 worked as Mondays. */
const shanghai2026: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  periods: weekdays(['09:00', '12:00'], ['13:30', '18:00']),
  exceptions: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      date: `2026-10-${d}`,
      kind: 'HOLIDAY' as const,
    })),
    { date: '2026-09-20', kind: 'WORKDAY', hoursOf: 1 },
    { date: '2026-10-10', kind: 'WORKDAY', hoursOf: 1 },
  ],
};

const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  periods: weekdays(['09:00', '12:00'], ['13:30', '18:00']),
};
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  periods: [
    ...weekdays(['08:00', '12:00'], ['13:00', '17:00']),
    { weekday: 6, start: '10:00', end: '14:00' },
  ],
  exceptions: [
    { date: '2026-07-03', kind: 'HOLIDAY' },
    { date: '2026-11-26', kind: 'HOLIDAY' },
    { date: '2026-12-25', kind: 'HOLIDAY' },
    { date: '2027-07-05', kind: 'HOLIDAY' },
  ],
};
const newYork24x7: BusinessCalendar = { ...CALENDAR_24X7, timeZone: 'America/New_York' };

const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();

describe('business calendar validation', () => {
  it('accepts the acceptance calendars', () => {
    for (const cal of [a2, shanghai2026, london, newYork, CALENDAR_24X7])
      expect(validateBusinessCalendar(cal)).toEqual([]);
  });

  it('names the field of each problem', () => {
    const problems = validateBusinessCalendar({
      timeZone: 'Mars/Olympus_Mons',
      periods: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '18:00', end: '09:00' },
        { weekday: 8, start: '09:00', end: '10:00' },
        { weekday: 3, start: '9am', end: '25:00' },
      ],
      exceptions: [
        { date: '2026-02-30', kind: 'HOLIDAY' },
        { date: '2026-10-05', kind: 'HOLIDAY' },
        { date: '2026-10-05', kind: 'HOLIDAY' },
        { date: '2026-10-10', kind: 'WORKDAY' },
        { date: '2026-10-11', kind: 'WORKDAY', hoursOf: 6 },
        { date: '2026-10-12', kind: 'WORKDAY', periods: [{ start: '10:00', end: '09:00' }] },
      ],
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual([
      'timeZone',
      'periods[3].weekday',
      'periods[1]',
      'periods[2].end',
      'periods[4].start',
      'periods[4].end',
      'exceptions[0].date',
      'exceptions[2].date',
      'exceptions[3].periods',
      'exceptions[4].hoursOf',
      'exceptions[5].periods[0].end',
    ]);
    expect(problems.find((p) => p.field === 'periods[1]')?.message).toMatch(/overlaps periods\[0\]/);
    expect(problems.find((p) => p.field === 'periods[2].end')?.message).toMatch(/not after start 18:00/);
  });

  it('needs some working time, and lets periods touch', () => {
    expect(validateBusinessCalendar({ timeZone: 'UTC', periods: [] })).toEqual([
      { field: 'periods', message: 'no working time in the week' },
    ]);
    const touching = { timeZone: 'UTC', periods: [...weekdays(['09:00', '12:00'], ['12:00', '13:00'])] };
    expect(validateBusinessCalendar(touching)).toEqual([]);
  });

  it('refuses to compute on an invalid calendar or instant', () => {
    const bad = { timeZone: 'Nowhere/Else', periods: weekdays(['09:00', '17:00']) };
    expect(() => addBusinessTime(bad, at('2026-10-02T08:30:00Z'), 10)).toThrow(InvalidInputError);
    expect(() => addBusinessTime(bad, at('2026-10-02T08:30:00Z'), 10)).toThrow(/timeZone/);
    expect(() => addBusinessTime(a2, new Date(Number.NaN), 10)).toThrow(/start: is not a valid instant/);
    expect(() => addBusinessTime(a2, at('2026-10-02T08:30:00Z'), Infinity)).toThrow(/minutes/);
  });
});

describe('addBusinessTime, hand fixtures', () => {
  it('research A2: holiday Monday, adjusted Saturday, lunch break (Asia/Shanghai)', () => {
    // Fri 2026-10-02 16:30 +08:00 + 120 = 60 on Friday + Monday holiday + 60 on Tuesday
    expect(iso(addBusinessTime(a2, at('2026-10-02T16:30:00+08:00'), 120))).toBe('2026-10-06T02:00:00.000Z');
    // Fri 17:00 + 60 = 30 on Friday + 30 on the WORKDAY Saturday 10-10
    expect(iso(addBusinessTime(a2, at('2026-10-09T17:00:00+08:00'), 60))).toBe('2026-10-10T01:30:00.000Z');
    // research A3: promise Fri 16:00, 120 business minutes, due Sat 09:30
    expect(iso(addBusinessTime(a2, at('2026-10-09T16:00:00+08:00'), 120))).toBe('2026-10-10T01:30:00.000Z');
    // a start in the lunch break counts from 13:30
    expect(iso(addBusinessTime(a2, at('2026-10-12T12:10:00+08:00'), 30))).toBe('2026-10-12T06:00:00.000Z');
  });

  it('crosses the real 2026 National Day holiday and both adjusted workdays', () => {
    // Wed 09-30 17:00: 60 minutes that day, 10-01..10-07 off, Thu 10-08 09:00 + 60
    expect(iso(addBusinessTime(shanghai2026, at('2026-09-30T17:00:00+08:00'), 120))).toBe(
      '2026-10-08T02:00:00.000Z',
    );
    // Fri 10-09 17:30 + 60: 30 on Friday, 30 on Saturday 10-10 worked as a Monday
    expect(iso(addBusinessTime(shanghai2026, at('2026-10-09T17:30:00+08:00'), 60))).toBe(
      '2026-10-10T01:30:00.000Z',
    );
    // Sat 09-19 (closed) + 10 lands on the adjusted Sunday 09-20
    expect(iso(addBusinessTime(shanghai2026, at('2026-09-19T10:00:00+08:00'), 10))).toBe(
      '2026-09-20T01:10:00.000Z',
    );
    expect(
      businessTimeBetween(shanghai2026, at('2026-09-30T00:00:00+08:00'), at('2026-10-11T00:00:00+08:00')),
    ).toBe(
      // 09-30, 10-08, 10-09, 10-10: 4 days of 7.5 h
      4 * 450,
    );
  });

  it('Friday 17:00 + 2 business hours is Monday 10:00, across the autumn (London) and spring (New York) changes', () => {
    // London leaves BST on Sun 2026-10-25: Friday is +01:00, Monday +00:00
    expect(iso(addBusinessTime(london, at('2026-10-23T16:00:00Z'), 120))).toBe('2026-10-26T10:00:00.000Z');
    expect(businessTimeBetween(london, at('2026-10-23T16:00:00Z'), at('2026-10-26T10:00:00Z'))).toBe(120);
    const ny = { ...london, timeZone: 'America/New_York' };
    // New York enters EDT on Sun 2026-03-08: Friday 17:00 EST = 22:00Z, Monday 10:00 EDT = 14:00Z
    expect(iso(addBusinessTime(ny, at('2026-03-06T22:00:00Z'), 120))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('counts real elapsed time on a DST day (24x7 in New York)', () => {
    const sat = at('2026-03-07T05:00:00Z'); // Sat 00:00 EST
    expect(businessTimeBetween(newYork24x7, sat, at('2026-03-09T04:00:00Z'))).toBe(47 * 60); // to Mon 00:00 EDT
    expect(iso(addBusinessTime(newYork24x7, sat, 47 * 60))).toBe('2026-03-09T04:00:00.000Z');
    const autumn = at('2026-10-31T04:00:00Z'); // Sat 00:00 EDT
    expect(businessTimeBetween(newYork24x7, autumn, at('2026-11-02T05:00:00Z'))).toBe(49 * 60);
    expect(workingPeriodsOn(newYork24x7, '2026-11-01')).toEqual([
      { start: at('2026-11-01T04:00:00Z'), end: at('2026-11-02T05:00:00Z') },
    ]);
  });

  it('ends a positive count at a closing, never in closed time; counts back with negative minutes', () => {
    expect(iso(addBusinessTime(a2, at('2026-10-09T16:30:00+08:00'), 60))).toBe('2026-10-09T09:30:00.000Z'); // 17:30
    expect(iso(addBusinessTime(london, at('2026-10-26T09:30:00Z'), -60))).toBe('2026-10-23T16:30:00.000Z'); // Fri 17:30 BST
    expect(iso(addBusinessTime(a2, at('2026-10-06T02:00:00Z'), -120))).toBe('2026-10-02T08:30:00.000Z');
  });

  it('knows business time and the next opening', () => {
    expect(isBusinessTime(a2, at('2026-10-12T11:59:00+08:00'))).toBe(true);
    expect(isBusinessTime(a2, at('2026-10-12T12:00:00+08:00'))).toBe(false);
    expect(isBusinessTime(a2, at('2026-10-12T13:30:00+08:00'))).toBe(true);
    expect(isBusinessTime(a2, at('2026-10-05T10:00:00+08:00'))).toBe(false); // holiday Monday
    expect(isBusinessTime(a2, at('2026-10-10T15:00:00+08:00'))).toBe(true); // workday Saturday, no lunch
    expect(isBusinessTime(a2, at('2026-10-11T15:00:00+08:00'))).toBe(false); // Sunday
    expect(iso(nextBusinessInstant(a2, at('2026-10-12T12:10:00+08:00')))).toBe('2026-10-12T05:30:00.000Z');
    expect(iso(nextBusinessInstant(a2, at('2026-10-16T17:30:00+08:00')))).toBe('2026-10-19T01:00:00.000Z');
    expect(iso(nextBusinessInstant(a2, at('2026-10-12T10:17:00+08:00')))).toBe('2026-10-12T02:17:00.000Z');
  });

  it('adds business days: the same local time on the n-th working day, or the next opening', () => {
    const days = (start: string, n: number, cal = a2): string => iso(addBusinessDays(cal, at(start), n));
    expect(days('2026-10-02T15:00:00+08:00', 1)).toBe('2026-10-06T07:00:00.000Z'); // holiday Monday skipped
    expect(days('2026-10-09T15:00:00+08:00', 1)).toBe('2026-10-10T07:00:00.000Z'); // the adjusted Saturday
    expect(days('2026-10-09T15:00:00+08:00', 3)).toBe('2026-10-13T07:00:00.000Z'); // Sat, Mon, Tue
    expect(days('2026-10-12T12:30:00+08:00', 1)).toBe('2026-10-13T05:30:00.000Z'); // lunch: 13:30
    expect(days('2026-10-10T17:30:00+08:00', 1)).toBe('2026-10-12T09:30:00.000Z'); // a closing is kept
    expect(days('2026-10-12T20:00:00+08:00', 0)).toBe('2026-10-13T01:00:00.000Z'); // 0 = next opening
    expect(days('2026-10-23T14:00:00Z', 1, london)).toBe('2026-10-26T15:00:00.000Z'); // 15:00 BST -> 15:00 GMT
    expect(() => addBusinessDays(a2, at('2026-10-12T12:30:00Z'), -1)).toThrow(/days: -1/);
    expect(isWorkingDay(a2, '2026-10-05')).toBe(false);
    expect(isWorkingDay(a2, '2026-10-10')).toBe(true);
    expect(isWorkingDay(a2, '2026-10-11')).toBe(false);
  });

  it('is fast over long spans (days are skipped by their totals)', () => {
    const started = performance.now();
    const start = at('2026-01-05T01:00:00Z');
    const tenYears = businessTimeBetween(newYork, start, at('2036-01-05T01:00:00Z'));
    // the count ends at the last closing before the end: Friday 2036-01-04 17:00 EST
    expect(iso(addBusinessTime(newYork, start, tenYears))).toBe('2036-01-04T22:00:00.000Z');
    expect(performance.now() - started).toBeLessThan(3000); // minute by minute would take minutes
  });
});

/** An oracle independent of the implementation: reads every minute's wall clock through Intl. */
function minuteByMinute(cal: BusinessCalendar, from: Date, to: Date): number {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const toMinute = (hhmm: string): number =>
    hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  let count = 0;
  for (let t = from.getTime(); t < to.getTime(); t += 60_000) {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    const day = `${parts.year}-${parts.month}-${parts.day}`;
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const ex = cal.exceptions?.find((e) => e.date === day);
    const ranges =
      ex?.kind === 'HOLIDAY'
        ? []
        : ex?.kind === 'WORKDAY'
          ? (ex.periods ?? cal.periods.filter((p) => p.weekday === ex.hoursOf))
          : cal.periods.filter((p) => p.weekday === weekday);
    if (ranges.some((r) => toMinute(r.start) <= minute && minute < toMinute(r.end))) count++;
  }
  return count;
}

describe('business time, properties', () => {
  const calendars = { a2, shanghai2026, london, newYork, newYork24x7 };
  const calendar = fc.constantFrom(...(Object.keys(calendars) as Array<keyof typeof calendars>));
  // two years, 2026-2027, both DST changes of London and New York included; second resolution
  const instant = fc
    .integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 })
    .map((s) => new Date(s * 1000));
  const minutes = fc.integer({ min: 0, max: 60_000 });

  it('businessTimeBetween(s, addBusinessTime(s, m)) === m (10,000 runs)', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (name, s, m) => {
        const cal = calendars[name];
        const end = addBusinessTime(cal, s, m);
        return end.getTime() >= s.getTime() && businessTimeBetween(cal, s, end) === m;
      }),
      { numRuns: 10_000 },
    );
  });

  it('counting back inverts counting forward', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (name, s, m) => {
        const cal = calendars[name];
        return businessTimeBetween(cal, addBusinessTime(cal, s, -m), s) === m;
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotonic in the minutes and lands inside a working period or at its end', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (name, s, m1, m2) => {
        const cal = calendars[name];
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const a = addBusinessTime(cal, s, lo);
        const b = addBusinessTime(cal, s, hi);
        const inside = (d: Date, m: number): boolean =>
          isBusinessTime(cal, d) || (m > 0 && isBusinessTime(cal, new Date(d.getTime() - 1)));
        return a.getTime() <= b.getTime() && inside(a, lo) && inside(b, hi);
      }),
      { numRuns: 1000 },
    );
  });

  it('is additive: (s + a) + b = s + (a + b) for a, b > 0, and between(a, b) + between(b, c) = between(a, c)', () => {
    const positive = fc.integer({ min: 1, max: 20_000 });
    fc.assert(
      fc.property(calendar, instant, positive, positive, (name, s, a, b) => {
        const cal = calendars[name];
        return (
          addBusinessTime(cal, addBusinessTime(cal, s, a), b).getTime() ===
          addBusinessTime(cal, s, a + b).getTime()
        );
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(calendar, instant, instant, instant, (name, a, b, c) => {
        const cal = calendars[name];
        const sum = businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c);
        return Math.abs(sum - businessTimeBetween(cal, a, c)) < 1e-9;
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a minute-by-minute wall-clock count, DST weekends included', () => {
    const nearChanges = fc
      .constantFrom(
        '2026-03-06T00:00:00Z',
        '2026-03-27T00:00:00Z',
        '2026-10-23T00:00:00Z',
        '2026-10-30T00:00:00Z',
        '2026-09-29T00:00:00Z',
      )
      .chain((base) =>
        fc.integer({ min: 0, max: 4 * 24 * 60 }).map((m) => new Date(Date.parse(base) + m * 60_000)),
      );
    fc.assert(
      fc.property(calendar, nearChanges, fc.integer({ min: 0, max: 3 * 24 * 60 }), (name, from, span) => {
        const cal = calendars[name];
        const to = new Date(from.getTime() + span * 60_000);
        return businessTimeBetween(cal, from, to) === minuteByMinute(cal, from, to);
      }),
      { numRuns: 60 },
    );
  });
});
