import type { EntityManager } from '@mikro-orm/postgresql';
import { SpecialDay } from './special-day.entity';
import { holidaySpecialDays, type CalendarExceptionDay } from './calendar-holidays';

export interface CalendarHolidayImport {
  created: number;
  unchanged: number;
  centersWithoutCalendar: string[];
}

/**
 * Writes the special days of centers' holidays (center-wide, every queue), once: a day the center
 * already has with the same kind is left as it is (natural key: center, date, kind), so importing
 * again changes nothing. One read of the centers' existing days, one insert.
 */
export async function importCalendarHolidays(
  em: EntityManager,
  calendars: ReadonlyMap<string, CalendarExceptionDay[] | null>,
  from: string,
  to: string,
  createdBy: string,
): Promise<CalendarHolidayImport> {
  const centerIds = [...calendars.keys()];
  const existing = await em.find(SpecialDay, {
    centerId: { $in: centerIds },
    queueId: null,
    date: { $gte: from, $lt: to },
  });
  const known = new Set(existing.map((d) => `${d.centerId}|${d.date}|${d.kind}`));
  let created = 0;
  let unchanged = 0;
  for (const [centerId, exceptions] of calendars) {
    for (const day of holidaySpecialDays(exceptions ?? [], from, to)) {
      if (known.has(`${centerId}|${day.date}|${day.kind}`)) {
        unchanged += 1;
        continue;
      }
      em.create(SpecialDay, { centerId, queueId: null, ...day, multiplier: null, createdBy });
      created += 1;
    }
  }
  await em.flush();
  return {
    created,
    unchanged,
    centersWithoutCalendar: centerIds.filter((id) => calendars.get(id) === null),
  };
}
