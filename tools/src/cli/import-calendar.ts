import {
  chinaHolidays,
  countryHolidays,
  holidayExceptions,
  type CalendarException,
  type YearHolidays,
} from '@switchboard/metrics';
import { callGateway, CliError, type CliConnection } from './gateway-client';

export interface ImportCalendarOptions {
  /** Mainland China's holidays and adjusted workdays of this year (chinese-days)... */
  cn?: string;
  /** ...or a country's public holidays (date-holidays), of --year. */
  country?: string;
  region?: string;
  year?: string;
  center: string;
  /** For a center with no calendar yet: its zone and weekday hours. */
  timeZone?: string;
  hours: string;
  /** ISO weekday whose hours an adjusted workday (调休) works; default Monday. */
  workdayHoursOf: string;
}

const CENTER = 'query($code: String!) { center(code: $code) { id code } }';
const CALENDAR = `query($id: ID!) { businessCalendar(centerId: $id) {
  timeZone periods { weekday start end } } }`;
const SET = `mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) {
  centerId version exceptions { date } } }`;

/** '09:00-12:00,13:00-18:00' on Monday to Friday. */
function weekdayPeriods(hours: string): Array<{ weekday: number; start: string; end: string }> {
  const ranges = hours.split(',').map((r) => {
    const [start, end] = r.trim().split('-');
    if (!start || !end) throw new CliError(`--hours: "${r}" is not HH:MM-HH:MM`);
    return { start, end };
  });
  return [1, 2, 3, 4, 5].flatMap((weekday) => ranges.map((r) => ({ weekday, ...r })));
}

async function holidaysOf(options: ImportCalendarOptions): Promise<{ year: YearHolidays; zone: string }> {
  if (options.cn && options.country)
    throw new CliError('give --cn <year> or --country <XX> --year <year>, not both');
  try {
    if (options.cn) return { year: chinaHolidays(Number(options.cn)), zone: 'Asia/Shanghai' };
    if (options.country) {
      if (!options.year) throw new CliError('--country needs --year');
      return {
        year: await countryHolidays(options.country, Number(options.year), options.region),
        zone: 'UTC',
      };
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }
  throw new CliError('give --cn <year> or --country <XX> --year <year>');
}

/**
 * `switchboard import calendar --cn 2027 --center SHA-01` (or `--country DE --year 2027`): the year's
 * public holidays and adjusted workdays from the formula library's holiday sources, added to the
 * center's business calendar through the gateway (setBusinessCalendar, other days kept). A center
 * with no calendar yet gets --time-zone and Monday-to-Friday --hours. Returns the exit code.
 */
export async function importCalendar(
  connection: CliConnection,
  options: ImportCalendarOptions,
  print: (line: string) => void,
): Promise<number> {
  const { year, zone } = await holidaysOf(options);
  const { center } = await callGateway<{ center: { id: string } | null }>(connection, CENTER, {
    code: options.center,
  });
  if (!center) throw new CliError(`--center: no center ${options.center} (or not yours)`);
  const { businessCalendar: existing } = await callGateway<{
    businessCalendar: {
      timeZone: string;
      periods: Array<{ weekday: number; start: string; end: string }>;
    } | null;
  }>(connection, CALENDAR, { id: center.id });
  const exceptions: CalendarException[] = holidayExceptions(year, Number(options.workdayHoursOf));
  const answer = await callGateway<{ setBusinessCalendar: { version: number; exceptions: unknown[] } }>(
    connection,
    SET,
    {
      i: {
        centerId: center.id,
        timeZone: existing?.timeZone ?? options.timeZone ?? zone,
        periods: existing?.periods ?? weekdayPeriods(options.hours),
        exceptions,
        mergeExceptions: true,
      },
    },
  );
  const holidays = exceptions.filter((e) => e.kind === 'HOLIDAY').length;
  print(
    `${options.center}: ${holidays} holiday(s) and ${exceptions.length - holidays} adjusted workday(s) of ${year.year} from ${year.source}; ` +
      `calendar version ${answer.setBusinessCalendar.version}, ${answer.setBusinessCalendar.exceptions.length} exception(s) in all`,
  );
  return 0;
}
