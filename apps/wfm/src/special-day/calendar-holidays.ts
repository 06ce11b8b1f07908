import { addDays } from '@switchboard/metrics';
import { queryGateway } from '@switchboard/subgraph-kit';
import type { SpecialDayKind } from './special-day.entity';

/** An exception day of care's business calendar, as care publishes it. */
export interface CalendarExceptionDay {
  date: string;
  /** HOLIDAY or WORKDAY (an adjusted working day). */
  kind: string;
  name: string | null;
  /** Working periods of the day: a holiday with periods is open for part of it. */
  periods: { start: string; end: string }[] | null;
}

export interface HolidaySpecialDay {
  date: string;
  kind: SpecialDayKind;
  title: string;
  excludeFromHistory: boolean;
}

/**
 * The special days a center's holidays make (dates in [from, to)): a holiday closed all day is
 * CLOSED and left out of history; the working day before a run of holidays is its HOLIDAY_EVE and
 * the one after it POST_HOLIDAY (both kept in history: the methods learn them). A holiday open for
 * part of the day and an adjusted working day make nothing.
 */
export function holidaySpecialDays(
  exceptions: readonly CalendarExceptionDay[],
  from: string,
  to: string,
): HolidaySpecialDay[] {
  const closed = new Map(
    exceptions
      .filter((e) => e.kind === 'HOLIDAY' && !e.periods?.length)
      .map((e) => [e.date, e.name?.trim() || 'Holiday']),
  );
  const days = new Map<string, HolidaySpecialDay>();
  for (const [date, name] of [...closed.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    days.set(date, { date, kind: 'CLOSED', title: `${name} (business calendar)`, excludeFromHistory: true });
    const before = addDays(date, -1);
    const after = addDays(date, 1);
    if (!closed.has(before) && !days.has(before))
      days.set(before, {
        date: before,
        kind: 'HOLIDAY_EVE',
        title: `Eve of ${name}`,
        excludeFromHistory: false,
      });
    if (!closed.has(after))
      days.set(after, {
        date: after,
        kind: 'POST_HOLIDAY',
        title: `After ${name}`,
        excludeFromHistory: false,
      });
  }
  return [...days.values()]
    .filter((d) => d.date >= from && d.date < to)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Care's business calendars of centers through the gateway, in one request (an alias per center);
 * null for a center without one.
 */
export async function fetchBusinessCalendars(
  centerIds: readonly string[],
): Promise<Map<string, CalendarExceptionDay[] | null>> {
  if (!centerIds.length) return new Map();
  const variables = Object.fromEntries(centerIds.map((id, i) => [`c${i}`, id]));
  const query = `query CenterCalendars(${centerIds.map((_, i) => `$c${i}: ID!`).join(', ')}) { ${centerIds
    .map(
      (_, i) =>
        `c${i}: businessCalendar(centerId: $c${i}) { centerId exceptions { date kind name periods { start end } } }`,
    )
    .join(' ')} }`;
  const data = await queryGateway<Record<string, { exceptions: CalendarExceptionDay[] } | null>>(
    query,
    variables,
    {
      purpose: 'holidays of the business calendars',
    },
  );
  return new Map(centerIds.map((id, i) => [id, data[`c${i}`]?.exceptions ?? null]));
}
