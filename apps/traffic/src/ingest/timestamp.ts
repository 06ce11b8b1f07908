const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const digits = (text: string, at: number, count: number): number => {
  let n = 0;
  for (let i = 0; i < count; i += 1) n = n * 10 + digit(text, at + i);
  return n;
};

/**
 * The common case without regular expressions: `YYYY-MM-DDTHH:MM:SS[.fff]Z` exactly (what ACD
 * exports and toISOString write): the Date, or null if it is not a real time (2026-02-30). Undefined
 * for any other shape, which the general path then reads.
 */
function parseUtcIso(text: string): Date | null | undefined {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return undefined;
  if (length === 24 && text[19] !== '.') return undefined;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  const ms = length === 24 ? digits(text, 20, 3) : 0;
  if (y < 100) return undefined; // Date.UTC would read 0099 as 1999
  if (Number.isNaN(y + mo + d + h + mi + s + ms) || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59)
    return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // a day past the month's end (2026-02-30) rolls over: not a real timestamp
  return date.getUTCDate() === d ? date : null;
}

/**
 * ISO-8601 timestamp -> Date. With an offset (or Z) it is absolute; without one it is a wall-clock
 * time in `timeZone` (DESIGN.md: read in --timezone). In a DST gap the later offset applies.
 * Returns null for anything that is not a real timestamp.
 */
export function parseTimestamp(text: string, timeZone: string): Date | null {
  const fast = parseUtcIso(text);
  if (fast !== undefined) return fast;
  const value = text.trim();
  if (HAS_OFFSET.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value) ? null : new Date(ms);
  }
  const m = ISO_LOCAL.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    return null;
  if (timeZone === 'UTC') return check;
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** The day of the last formatted instant and its `YYYY-MM-DDT`: a batch's times share few days. */
let formattedDay = NaN;
let dayPrefix = '';

/**
 * The same text as `date.toISOString()` (`YYYY-MM-DDTHH:MM:SS.mmmZ`), several times faster for
 * times of the same day as the last one: the date part is kept, the time of day is arithmetic.
 */
export function isoUtc(date: Date): string {
  const ms = date.getTime();
  const day = Math.floor(ms / DAY_MS);
  if (day !== formattedDay) {
    const iso = date.toISOString(); // throws for an invalid Date, as toISOString does
    formattedDay = day;
    dayPrefix = iso.slice(0, iso.indexOf('T') + 1);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dayPrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}
