import type { EntityManager } from '@mikro-orm/postgresql';
import {
  validateBusinessCalendar,
  type BusinessCalendar,
  type CalendarException,
} from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { BusinessCalendarRow } from './business-calendar.entity';
import type { SetBusinessCalendarInput } from './calendar.input';
import { BusinessCalendarType } from './calendar.type';

export function toBusinessCalendar(row: BusinessCalendarRow): BusinessCalendar {
  return { timeZone: row.timeZone, periods: row.periods, exceptions: row.exceptions };
}

export function toBusinessCalendarType(row: BusinessCalendarRow): BusinessCalendarType {
  return Object.assign(new BusinessCalendarType(), {
    centerId: row.centerId,
    timeZone: row.timeZone,
    periods: row.periods,
    exceptions: row.exceptions.map((e) => ({
      date: e.date,
      kind: e.kind,
      name: e.name ?? null,
      periods: e.periods ?? null,
      hoursOf: e.hoursOf ?? null,
    })),
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

function plainException(e: SetBusinessCalendarInput['exceptions'][number]): CalendarException {
  return {
    date: e.date,
    kind: e.kind as CalendarException['kind'],
    ...(e.name ? { name: e.name } : {}),
    ...(e.periods ? { periods: e.periods.map((p) => ({ start: p.start, end: p.end })) } : {}),
    ...(e.hoursOf != null ? { hoursOf: e.hoursOf } : {}),
  };
}

export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  /** Creates or replaces a center's calendar; every problem named (input.<field>) before writing. */
  async set(input: SetBusinessCalendarInput, by: string): Promise<BusinessCalendarRow> {
    const centerId = input.centerId.toLowerCase();
    const existing = await this.em.findOne(BusinessCalendarRow, { centerId });
    const given = input.exceptions.map(plainException);
    const byDate = new Map(
      (input.mergeExceptions && existing ? existing.exceptions : []).map((e) => [e.date, e]),
    );
    for (const e of given) byDate.set(e.date, e);
    const calendar: BusinessCalendar = {
      timeZone: input.timeZone,
      periods: input.periods.map((p) => ({ weekday: p.weekday, start: p.start, end: p.end })),
      exceptions: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    };
    const problems = validateBusinessCalendar(calendar);
    if (problems.length) throw badUserInput(problems.map((p) => ({ ...p, field: `input.${p.field}` })));
    const row =
      existing ??
      this.em.create(BusinessCalendarRow, {
        centerId,
        timeZone: '',
        periods: [],
        exceptions: [],
        updatedBy: by,
      });
    Object.assign(row, {
      timeZone: calendar.timeZone,
      periods: [...calendar.periods],
      exceptions: [...(calendar.exceptions ?? [])],
      updatedBy: by,
      updatedAt: new Date(),
    });
    await this.em.persistAndFlush(row);
    return row;
  }
}
