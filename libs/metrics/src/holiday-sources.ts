/**
 * Public holidays for business calendars, from two well-kept packages: `chinese-days` for mainland
 * China (the State Council's arrangement: days off and the adjusted workdays, 调休, that pay them
 * back) and `date-holidays` for any other country (public holidays only; it knows no adjusted
 * workdays). Both answer from data shipped in the package, so a year the package does not know is
 * an error here, never a silently empty list.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import type { CalendarException } from './business-calendar';
import { InvalidInputError } from './validation';

export interface HolidayDay {
  /** Local date YYYY-MM-DD. */
  date: string;
  name: string;
  /** Chinese name, where the source has one. */
  nameZh?: string;
}

export interface YearHolidays {
  year: number;
  /** e.g. `chinese-days 1.5.7`, `date-holidays 3.37.0 US-NY` */
  source: string;
  /** Days off (a holiday block may include its weekend days). */
  holidays: HolidayDay[];
  /** Normally closed days that are worked (调休); always empty from date-holidays. */
  workdays: HolidayDay[];
  /** Public holidays of less than a whole day (from 12:00, say), left out of `holidays`. */
  partialDays: Array<HolidayDay & { from: string }>;
}

/** The package has no data for the year asked. */
export class HolidayDataUnavailableError extends Error {
  constructor(
    readonly source: string,
    readonly year: number,
    readonly yearsAvailable: readonly number[],
  ) {
    super(
      `${source} has no holiday data for ${year} (it has ${yearsAvailable[0]}–${yearsAvailable[yearsAvailable.length - 1]}); update the package once the year's arrangement is published`,
    );
    this.name = 'HolidayDataUnavailableError';
  }
}

type ChineseDaysTable = Record<string, string>;
const chinese = chineseDaysData as { holidays: ChineseDaysTable; workdays: ChineseDaysTable };

/** The years chinese-days ships an arrangement for (a year with at least one holiday). */
export function chinaHolidayYears(): number[] {
  const years = new Set(Object.keys(chinese.holidays).map((date) => Number(date.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}

// values read "National Day,国庆节,3": English name, Chinese name, the holiday's number
function chineseDay(date: string, value: string): HolidayDay {
  const [name, nameZh] = value.split(',');
  return { date, name, nameZh };
}

function yearArg(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new InvalidInputError([{ field: 'year', message: `${year} is not a year` }]);
  }
}

/** Mainland China's public holidays and adjusted workdays of a year, from `chinese-days`. */
export function chinaHolidays(year: number): YearHolidays {
  yearArg(year);
  const source = `chinese-days ${chineseDaysVersion}`;
  const inYear = (table: ChineseDaysTable): HolidayDay[] =>
    Object.entries(table)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, value]) => chineseDay(date, value))
      .sort((a, b) => a.date.localeCompare(b.date));
  const holidays = inYear(chinese.holidays);
  if (holidays.length === 0) throw new HolidayDataUnavailableError(source, year, chinaHolidayYears());
  return { year, source, holidays, workdays: inYear(chinese.workdays), partialDays: [] };
}

const DAY_MS = 86_400_000;

/**
 * A country's (and optionally a state's or region's) public holidays of a year, from
 * `date-holidays`. Bank, school, optional and observance days are left out. For mainland China use
 * chinaHolidays: date-holidays knows neither the State Council's blocks nor the adjusted workdays.
 * Asynchronous because date-holidays is loaded on first use: a browser bundle of this library (the
 * dashboard's) would otherwise carry its time-zone and astronomy dependencies, about 1 MB.
 */
export async function countryHolidays(
  countryCode: string,
  year: number,
  region?: string,
  language?: string,
): Promise<YearHolidays> {
  yearArg(year);
  const [{ default: Holidays }, { version: dateHolidaysVersion }] = await Promise.all([
    import('date-holidays'),
    import('date-holidays/package.json'),
  ]);
  const country = String(countryCode ?? '').toUpperCase();
  const lookup = new Holidays();
  if (!Object.prototype.hasOwnProperty.call(lookup.getCountries(), country)) {
    throw new InvalidInputError([
      { field: 'countryCode', message: `"${countryCode}" is not a country date-holidays knows` },
    ]);
  }
  const state = region?.toUpperCase();
  if (state !== undefined && !Object.prototype.hasOwnProperty.call(lookup.getStates(country) ?? {}, state)) {
    throw new InvalidInputError([{ field: 'region', message: `"${region}" is not a region of ${country}` }]);
  }
  const holidays = state ? new Holidays(country, state) : new Holidays(country);
  const source = `date-holidays ${dateHolidaysVersion} ${country}${state ? `-${state}` : ''}`;
  const days = new Map<string, HolidayDay>();
  const partialDays: YearHolidays['partialDays'] = [];
  for (const h of holidays.getHolidays(year, language)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const time = h.date.slice(11, 16);
    if (time !== '00:00') {
      partialDays.push({ date, name: h.name, from: time });
      continue;
    }
    // a holiday may last several days (Eid: 3); its days follow the first
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let k = 0; k < length; k++) {
      const day = new Date(Date.parse(`${date}T00:00:00Z`) + k * DAY_MS).toISOString().slice(0, 10);
      if (!day.startsWith(`${year}-`) || days.has(day)) continue;
      days.set(day, { date: day, name: h.name });
    }
  }
  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { year, source, holidays: sorted, workdays: [], partialDays };
}

/**
 * A year's holidays as business-calendar exceptions: HOLIDAY for each day off, WORKDAY for each
 * adjusted workday, worked with the hours of `workdayHoursOf` (ISO weekday, default Monday).
 */
export function holidayExceptions(year: YearHolidays, workdayHoursOf = 1): CalendarException[] {
  return [
    ...year.holidays.map((h) => ({ date: h.date, kind: 'HOLIDAY' as const, name: h.nameZh ?? h.name })),
    ...year.workdays.map((w) => ({
      date: w.date,
      kind: 'WORKDAY' as const,
      hoursOf: workdayHoursOf,
      name: w.nameZh ?? w.name,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
