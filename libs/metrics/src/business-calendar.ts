/**
 * Business calendars (METRICS.md, "Time on a business calendar"): an IANA time zone, several
 * working periods per ISO weekday, and dated exceptions: HOLIDAY removes a day, WORKDAY opens a
 * normally closed day (China's adjusted workdays, 调休) with its own periods or the hours of a
 * named weekday. Business time is elapsed real time inside working periods, so a period on a
 * DST-change day lasts what the clock says it lasts.
 */
import { localDay, localInstant, zoneOffsetMinutes } from './calendar';
import { assertNoProblems, isIsoDate, isInstant, type FieldProblem } from './validation';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock times 'HH:MM'; `end` may be '24:00'. A period never crosses midnight. */
export interface TimeRange {
  start: string;
  end: string;
}

export interface WorkingPeriod extends TimeRange {
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
}

export const CALENDAR_EXCEPTION_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type CalendarExceptionKind = (typeof CALENDAR_EXCEPTION_KINDS)[number];

export interface CalendarException {
  /** Local date YYYY-MM-DD in the calendar's zone. */
  date: string;
  kind: CalendarExceptionKind;
  name?: string;
  /** WORKDAY only: its own periods... */
  periods?: readonly TimeRange[];
  /** ...or the weekly periods of this ISO weekday (调休: "works as a Monday"). Exactly one of the two. */
  hoursOf?: number;
}

/**
 * A calendar is read as immutable: the functions below compile it once per object (a WeakMap), so
 * change one by making a new object ({ ...calendar, exceptions: [...] }), never in place.
 */
export interface BusinessCalendar {
  /** IANA zone, e.g. Asia/Shanghai. */
  timeZone: string;
  periods: readonly WorkingPeriod[];
  exceptions?: readonly CalendarException[];
}

/** Around the clock, every day, in UTC (the research's `24x7` built-in). */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  periods: Object.freeze([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }))),
  exceptions: Object.freeze([]),
});

const MINUTE_MS = 60_000;
/** Walks stop here (about 270 years): only a broken calendar could need more. */
const MAX_DAYS = 100_000;

function guard(steps: number): void {
  if (steps > MAX_DAYS) throw new Error(`business-time walk passed ${MAX_DAYS} days without finishing`);
}
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(value: unknown, allow24: boolean): number | null {
  if (typeof value !== 'string') return null;
  if (allow24 && value === '24:00') return 1440;
  const match = TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isWeekday(value: unknown): value is IsoWeekday {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7;
}

type Range = [number, number];

/** Checks ranges one by one (format, end after start), then overlaps among the good ones. */
function checkRanges(
  ranges: readonly TimeRange[],
  field: (i: number) => string,
  group: (i: number) => number,
  problems: FieldProblem[],
): Map<number, Range[]> {
  const byGroup = new Map<number, Range[]>();
  const seen: Array<{ i: number; g: number; range: Range }> = [];
  ranges.forEach((range, i) => {
    const start = minuteOfDay(range?.start, false);
    const end = minuteOfDay(range?.end, true);
    if (start === null)
      problems.push({ field: `${field(i)}.start`, message: `"${range?.start}" is not a time HH:MM` });
    if (end === null)
      problems.push({ field: `${field(i)}.end`, message: `"${range?.end}" is not a time HH:MM (or 24:00)` });
    if (start === null || end === null) return;
    if (end <= start) {
      problems.push({ field: `${field(i)}.end`, message: `${range.end} is not after start ${range.start}` });
      return;
    }
    const g = group(i);
    const clash = seen.find((other) => other.g === g && other.range[0] < end && start < other.range[1]);
    if (clash) {
      problems.push({
        field: field(i),
        message: `${range.start}–${range.end} overlaps ${field(clash.i)} (${ranges[clash.i].start}–${ranges[clash.i].end})`,
      });
      return;
    }
    seen.push({ i, g, range: [start, end] });
  });
  for (const { g, range } of seen) {
    const list = byGroup.get(g) ?? [];
    list.push(range);
    byGroup.set(g, list);
  }
  for (const list of byGroup.values()) list.sort((a, b) => a[0] - b[0]);
  return byGroup;
}

/** Every problem in a calendar, each naming its field; [] when it is usable. */
export function validateBusinessCalendar(calendar: BusinessCalendar): FieldProblem[] {
  return compileOrProblems(calendar).problems;
}

interface CompiledCalendar {
  zone: string;
  /** index 1..7: sorted, non-overlapping [startMinute, endMinute) */
  weekly: Range[][];
  /** by epoch day (days since 1970-01-01) */
  exceptions: Map<number, Range[]>;
}

function compileOrProblems(calendar: BusinessCalendar): {
  problems: FieldProblem[];
  compiled?: CompiledCalendar;
} {
  const problems: FieldProblem[] = [];
  if (!calendar || typeof calendar !== 'object')
    return { problems: [{ field: 'calendar', message: 'is missing' }] };
  if (!isTimeZone(calendar.timeZone)) {
    problems.push({ field: 'timeZone', message: `"${calendar.timeZone}" is not an IANA time zone` });
  }
  const periods = Array.isArray(calendar.periods) ? calendar.periods : [];
  if (!Array.isArray(calendar.periods)) problems.push({ field: 'periods', message: 'must be a list' });
  periods.forEach((p, i) => {
    if (!isWeekday(p?.weekday)) {
      problems.push({ field: `periods[${i}].weekday`, message: `${p?.weekday} is not an ISO weekday 1..7` });
    }
  });
  const validPeriods = periods.filter((p) => isWeekday(p?.weekday));
  const indexOf = periods.map((_, i) => i).filter((i) => isWeekday(periods[i]?.weekday));
  const weeklyMap = checkRanges(
    validPeriods,
    (i) => `periods[${indexOf[i]}]`,
    (i) => validPeriods[i].weekday,
    problems,
  );
  const weekly: Range[][] = [[], ...[1, 2, 3, 4, 5, 6, 7].map((d) => weeklyMap.get(d) ?? [])];
  if (periods.length === 0) problems.push({ field: 'periods', message: 'no working time in the week' });

  const exceptions = new Map<number, Range[]>();
  const list = calendar.exceptions ?? [];
  if (!Array.isArray(list)) problems.push({ field: 'exceptions', message: 'must be a list' });
  (Array.isArray(list) ? list : []).forEach((ex, i) => {
    const field = `exceptions[${i}]`;
    if (!isIsoDate(ex?.date)) {
      problems.push({ field: `${field}.date`, message: `"${ex?.date}" is not a date YYYY-MM-DD` });
      return;
    }
    const key = epochDay(ex.date);
    if (exceptions.has(key)) {
      problems.push({ field: `${field}.date`, message: `${ex.date} is listed twice` });
      return;
    }
    if (ex.kind === 'HOLIDAY') {
      if (ex.periods !== undefined || ex.hoursOf !== undefined) {
        problems.push({ field: `${field}.periods`, message: 'a HOLIDAY has no working periods' });
      }
      exceptions.set(key, []);
    } else if (ex.kind === 'WORKDAY') {
      const hasPeriods = ex.periods !== undefined && ex.periods !== null;
      const hasHoursOf = ex.hoursOf !== undefined && ex.hoursOf !== null;
      if (hasPeriods === hasHoursOf) {
        problems.push({
          field: `${field}.periods`,
          message: 'a WORKDAY needs either periods or hoursOf (not both)',
        });
      } else if (hasHoursOf) {
        if (!isWeekday(ex.hoursOf)) {
          problems.push({ field: `${field}.hoursOf`, message: `${ex.hoursOf} is not an ISO weekday 1..7` });
        } else if (weekly[ex.hoursOf].length === 0) {
          problems.push({
            field: `${field}.hoursOf`,
            message: `weekday ${ex.hoursOf} has no working periods`,
          });
        } else {
          exceptions.set(key, weekly[ex.hoursOf]);
        }
      } else if (!Array.isArray(ex.periods) || ex.periods.length === 0) {
        problems.push({ field: `${field}.periods`, message: 'a WORKDAY needs at least one period' });
      } else {
        const own = ex.periods;
        const ranges = checkRanges(
          own,
          (j) => `${field}.periods[${j}]`,
          () => 0,
          problems,
        );
        exceptions.set(key, ranges.get(0) ?? []);
      }
    } else {
      problems.push({
        field: `${field}.kind`,
        message: `"${ex?.kind}" is not one of ${CALENDAR_EXCEPTION_KINDS.join(', ')}`,
      });
    }
  });
  if (problems.length > 0) return { problems };
  return { problems, compiled: { zone: calendar.timeZone, weekly, exceptions } };
}

// Calendars are plain objects read many times (every sweep, every KPI row): compile each once.
const compiledCache = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiledCache.get(calendar);
  if (cached) return cached;
  const { problems, compiled } = compileOrProblems(calendar);
  assertNoProblems(problems);
  compiledCache.set(calendar, compiled!);
  return compiled!;
}

const DAY_MS = 86_400_000;

/** Days are walked as epoch-day numbers (days since 1970-01-01): no string work per day. */
function epochDay(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of an epoch day (1970-01-01 was a Thursday, 4). */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// Local midnights per zone and epoch day, bounded; a walk over days asks for each one twice.
const midnights = new Map<string, Map<number, number>>();
let midnightCount = 0;

function midnightMs(day: number, zone: string): number {
  let zoneMidnights = midnights.get(zone);
  if (!zoneMidnights) {
    zoneMidnights = new Map();
    midnights.set(zone, zoneMidnights);
  }
  let ms = zoneMidnights.get(day);
  if (ms === undefined) {
    if (++midnightCount > 200_000) {
      zoneMidnights.clear();
      midnightCount = 0;
    }
    ms = localInstant(dayString(day), 0, zone).getTime();
    zoneMidnights.set(day, ms);
  }
  return ms;
}

interface DayFrame {
  start: number;
  end: number;
  /** working intervals as epoch ms, sorted, within [start, end] */
  intervals: Range[];
  total: number;
}

function dayFrame(cal: CompiledCalendar, day: number): DayFrame {
  const start = midnightMs(day, cal.zone);
  const end = midnightMs(day + 1, cal.zone);
  const ranges = cal.exceptions.get(day) ?? cal.weekly[weekdayOf(day)];
  let intervals: Range[];
  if (end - start === DAY_MS) {
    // no offset change during the day: wall minutes are real minutes
    intervals = ranges.map(([s, e]) => [start + s * MINUTE_MS, start + e * MINUTE_MS]);
  } else {
    // a DST-change day: place each boundary in the zone, clamped into the day and kept in order
    let floor = start;
    const local = dayString(day);
    intervals = ranges.map(([s, e]) => {
      const from = Math.min(end, Math.max(floor, localInstant(local, s, cal.zone).getTime()));
      const to = e === 1440 ? end : Math.min(end, Math.max(from, localInstant(local, e, cal.zone).getTime()));
      floor = to;
      return [from, to] as Range;
    });
  }
  const total = intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
  return { start, end, intervals, total };
}

function instantArg(value: Date, field: string): number {
  if (!isInstant(value)) assertNoProblems([{ field, message: 'is not a valid instant' }]);
  return value.getTime();
}

function minutesArg(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    assertNoProblems([{ field, message: `${value} is not a finite number of minutes` }]);
  }
  return value;
}

/**
 * The instant `minutes` business minutes after `start` (before it, when negative). A clock that
 * starts outside working time starts at the next opening (the previous closing, counting back), so
 * `addBusinessTime(c, t, 0)` is the next business instant at or after t. A positive count may end
 * exactly at the end of a period (Friday 17:30), never in closed time. Whole days are skipped by
 * their totals; the cost grows with the days crossed, not the minutes.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  const cal = compile(calendar);
  let at = instantArg(start, 'start');
  minutesArg(minutes, 'minutes');
  let remaining = Math.round(Math.abs(minutes) * MINUTE_MS);
  let day = epochDay(localDay(start, cal.zone));
  let steps = 0;
  if (minutes >= 0) {
    for (;;) {
      guard(++steps);
      const frame = dayFrame(cal, day);
      if (at <= frame.start && frame.total < remaining) {
        remaining -= frame.total;
      } else {
        for (const [s, e] of frame.intervals) {
          if (e <= at) continue;
          const from = Math.max(s, at);
          if (remaining <= e - from) return new Date(from + remaining);
          remaining -= e - from;
        }
      }
      at = Math.max(at, frame.end);
      day += 1;
    }
  }
  for (;;) {
    guard(++steps);
    const frame = dayFrame(cal, day);
    if (at >= frame.end && frame.total < remaining) {
      remaining -= frame.total;
    } else {
      for (let k = frame.intervals.length - 1; k >= 0; k--) {
        const [s, e] = frame.intervals[k];
        if (s >= at) continue;
        const to = Math.min(e, at);
        if (remaining <= to - s) return new Date(to - remaining);
        remaining -= to - s;
      }
    }
    at = Math.min(at, frame.start);
    day -= 1;
  }
}

/** Business minutes from a to b (negative when b is before a); exact, so seconds give fractions. */
export function businessTimeBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  const cal = compile(calendar);
  const from = instantArg(a, 'a');
  const to = instantArg(b, 'b');
  if (to < from) return -businessTimeBetween(calendar, b, a);
  let total = 0;
  const lastDay = epochDay(localDay(b, cal.zone));
  for (let day = epochDay(localDay(a, cal.zone)); day <= lastDay; day++) {
    const frame = dayFrame(cal, day);
    if (frame.start >= from && frame.end <= to) {
      total += frame.total;
      continue;
    }
    for (const [s, e] of frame.intervals) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}

/** Whether `at` falls inside a working period (periods are [start, end): the closing minute is not). */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  const cal = compile(calendar);
  const t = instantArg(at, 'at');
  return dayFrame(cal, epochDay(localDay(at, cal.zone))).intervals.some(([s, e]) => s <= t && t < e);
}

/** `at` itself when it is business time, else the next opening. */
export function nextBusinessInstant(calendar: BusinessCalendar, at: Date): Date {
  return addBusinessTime(calendar, at, 0);
}

/** The working periods of one local day as instants (after exceptions), for display and sweeps. */
export function workingPeriodsOn(calendar: BusinessCalendar, day: string): Array<{ start: Date; end: Date }> {
  const cal = compile(calendar);
  if (!isIsoDate(day)) assertNoProblems([{ field: 'day', message: `"${day}" is not a date YYYY-MM-DD` }]);
  return dayFrame(cal, epochDay(day))
    .intervals.filter(([s, e]) => e > s)
    .map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

/** Whether a local day has any working time (after holidays and adjusted workdays). */
export function isWorkingDay(calendar: BusinessCalendar, day: string): boolean {
  const cal = compile(calendar);
  if (!isIsoDate(day)) assertNoProblems([{ field: 'day', message: `"${day}" is not a date YYYY-MM-DD` }]);
  return dayFrame(cal, epochDay(day)).total > 0;
}

/**
 * The same local wall-clock time `days` working days later ("1 business day after due": due Friday
 * 15:00 gives Monday 15:00 across a weekend, Tuesday after a holiday Monday). When that time is
 * closed on the day reached (a lunch break, a shorter adjusted workday) the next opening is taken;
 * the closing minute of a period is kept. `days` = 0 is nextBusinessInstant.
 */
export function addBusinessDays(calendar: BusinessCalendar, start: Date, days: number): Date {
  const cal = compile(calendar);
  const t = instantArg(start, 'start');
  if (!Number.isInteger(days) || days < 0) {
    assertNoProblems([{ field: 'days', message: `${days} is not a whole number of days ≥ 0` }]);
  }
  if (days === 0) return addBusinessTime(calendar, start, 0);
  const localMinutes = Math.floor((t + zoneOffsetMinutes(start, cal.zone) * MINUTE_MS) / MINUTE_MS);
  const wallMinute = ((localMinutes % 1440) + 1440) % 1440;
  let day = epochDay(localDay(start, cal.zone));
  for (let found = 0, steps = 0; found < days; ) {
    guard(++steps);
    day += 1;
    if (dayFrame(cal, day).total > 0) found++;
  }
  const frame = dayFrame(cal, day);
  const candidate = Math.min(frame.end, localInstant(dayString(day), wallMinute, cal.zone).getTime());
  if (frame.intervals.some(([s, e]) => s <= candidate && candidate <= e && e > s)) return new Date(candidate);
  return addBusinessTime(calendar, new Date(candidate), 0);
}
