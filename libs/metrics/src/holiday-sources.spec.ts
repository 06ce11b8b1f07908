import { addBusinessTime, validateBusinessCalendar, type BusinessCalendar } from './business-calendar';
import { isoWeekday } from './calendar';
import {
  HolidayDataUnavailableError,
  chinaHolidayYears,
  chinaHolidays,
  countryHolidays,
  holidayExceptions,
} from './holiday-sources';
import { InvalidInputError } from './validation';

const dates = (days: Array<{ date: string }>): string[] => days.map((d) => d.date);

describe('chinaHolidays (chinese-days)', () => {
  it('has the State Council arrangement for 2026: blocks off and the adjusted workdays that pay them back', () => {
    const y = chinaHolidays(2026);
    expect(y.source).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
    const off = dates(y.holidays);
    // Spring Festival: 9 days, Sun 02-15 .. Mon 02-23
    for (let d = 15; d <= 23; d++) expect(off).toContain(`2026-02-${d}`);
    expect(off).not.toContain('2026-02-14');
    // National Day 10-01 .. 10-07
    for (let d = 1; d <= 7; d++) expect(off).toContain(`2026-10-0${d}`);
    expect(y.holidays.find((h) => h.date === '2026-10-01')).toEqual({
      date: '2026-10-01',
      name: 'National Day',
      nameZh: '国庆节',
    });
    expect(dates(y.workdays)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('gives adjusted workdays only on weekends, never on a day off', () => {
    for (const year of chinaHolidayYears().filter((y) => y >= 2020)) {
      const y = chinaHolidays(year);
      const off = new Set(dates(y.holidays));
      for (const w of y.workdays) {
        expect([6, 7]).toContain(isoWeekday(w.date));
        expect(off.has(w.date)).toBe(false);
      }
    }
  });

  // chinese-days 1.5.7 (the installed version) ships 2004..2026 only: the State Council publishes a
  // year's arrangement late in the year before, and the package has no 2027 yet. The 2027 Spring
  // Festival date is tested through date-holidays below; this test fails, on purpose, once the
  // package gains 2027, so the 2027 fixtures get written then.
  it('says clearly that it has no 2027 data rather than returning an empty year', () => {
    expect(chinaHolidayYears()).toContain(2026);
    expect(chinaHolidayYears()).not.toContain(2027);
    expect(() => chinaHolidays(2027)).toThrow(HolidayDataUnavailableError);
    expect(() => chinaHolidays(2027)).toThrow(/no holiday data for 2027 \(it has 2004–2026\)/);
    expect(() => chinaHolidays(20.5)).toThrow(InvalidInputError);
  });

  it('turns a year into calendar exceptions that count across the Spring Festival and its adjusted Saturday', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'Asia/Shanghai',
      periods: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: '09:00', end: '12:00' },
        { weekday, start: '13:30', end: '18:00' },
      ]),
      exceptions: holidayExceptions(chinaHolidays(2026)),
    };
    expect(validateBusinessCalendar(calendar)).toEqual([]);
    expect(calendar.exceptions?.find((e) => e.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      kind: 'WORKDAY',
      hoursOf: 1,
      name: '春节',
    });
    // Fri 02-13 17:00 + 120: 60 on Friday, 60 on the adjusted Saturday 02-14
    expect(addBusinessTime(calendar, new Date('2026-02-13T17:00:00+08:00'), 120).toISOString()).toBe(
      '2026-02-14T02:00:00.000Z',
    );
    // Sat 02-14 17:00 + 120: 60 on Saturday, 02-15..02-23 off, 60 on Tue 02-24
    expect(addBusinessTime(calendar, new Date('2026-02-14T17:00:00+08:00'), 120).toISOString()).toBe(
      '2026-02-24T02:00:00.000Z',
    );
  });
});

describe('countryHolidays (date-holidays, public holidays only)', () => {
  it('knows the 2027 Spring Festival in China (lunar new year, Sat 2027-02-06), but no adjusted workdays', async () => {
    const y = await countryHolidays('CN', 2027);
    expect(y.source).toMatch(/^date-holidays \d+\.\d+\.\d+ CN$/);
    expect(dates(y.holidays)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-07']));
    expect(y.holidays.find((h) => h.date === '2027-02-06')?.name).toBe('春节');
    expect(y.workdays).toEqual([]);
    // Women's Day is a half day off from 12:00: not a whole-day holiday
    expect(dates(y.holidays)).not.toContain('2027-03-08');
    expect(y.partialDays).toContainEqual(expect.objectContaining({ date: '2027-03-08', from: '12:00' }));
  });

  it('gives the United States 2027 with substitute days, without observances; a state adds its own', async () => {
    const us = await countryHolidays('US', 2027, undefined, 'en');
    const off = dates(us.holidays);
    expect(off).toEqual(expect.arrayContaining(['2027-06-18', '2027-07-05', '2027-11-25', '2027-12-24']));
    expect(off).not.toContain('2027-02-14'); // Valentine's Day, an observance
    expect(off).not.toContain('2027-11-26'); // day after Thanksgiving, an observance
    expect(off).not.toContain('2027-02-12');
    expect(dates((await countryHolidays('us', 2027, 'ny')).holidays)).toContain('2027-02-12'); // Lincoln's Birthday in NY
  });

  it('gives England 2026 with the Boxing Day substitute, and Germany 2027 with Easter', async () => {
    expect(dates((await countryHolidays('GB', 2026, 'ENG')).holidays)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(dates((await countryHolidays('DE', 2027)).holidays)).toEqual(
      expect.arrayContaining(['2027-03-26', '2027-03-29']),
    );
  });

  it('spreads a holiday of several days over each of its days', async () => {
    const ae = await countryHolidays('AE', 2027);
    const eid = ae.holidays.filter(
      (h) => h.name === ae.holidays.find((x) => x.date.startsWith('2027-03'))?.name,
    );
    expect(eid.length).toBeGreaterThanOrEqual(3);
    const first = Date.parse(`${eid[0].date}T00:00:00Z`);
    expect(eid.slice(0, 3).map((h) => (Date.parse(`${h.date}T00:00:00Z`) - first) / 86_400_000)).toEqual([
      0, 1, 2,
    ]);
  });

  it('names the field it cannot use', async () => {
    await expect(countryHolidays('XX', 2027)).rejects.toThrow(/countryCode: "XX" is not a country/);
    await expect(countryHolidays('US', 2027, 'ZZ')).rejects.toThrow(/region: "ZZ" is not a region of US/);
    await expect(countryHolidays('US', Number.NaN)).rejects.toThrow(/year: NaN is not a year/);
  });
});
