import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DAY_MS,
  DemoShiftLog,
  demoCenterId,
  demoContacts,
  demoStoryContacts,
  demoTrafficWindow,
} from '@switchboard/demo';
import { addDays, localDay } from '@switchboard/metrics';
import { Schedule } from '../schedule/schedule.entity';
import { SpecialDay } from '../special-day/special-day.entity';
import { demoSchedules } from './demo-schedules';

/** The demo's planned days: the last week of traffic's demo month. */
export const DEMO_SCHEDULE_DAYS = 7;
const ZONE = 'Asia/Shanghai';

/**
 * The demo's wfm data, when there is no schedule yet: a week of schedules for the demo agents that
 * match traffic's demo agent states (both made by libs/demo from the same contacts, so adherence and
 * coverage have real figures), and special days of the demo centers (centers' ids are libs/demo's
 * name-based ids, the same in every seed). Activity codes are the platform's (no data).
 */
export async function seedWfmDemo(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(Schedule, {})) > 0) return false;
  const window = demoTrafficWindow(now);
  const shifts = new DemoShiftLog();
  for (const contact of demoContacts(window)) shifts.see(contact);
  const end = new Date(window.from.getTime() + window.days * DAY_MS);
  for (const contact of demoStoryContacts(end)) shifts.see(contact);
  const toDate = localDay(end, ZONE);
  const fromDate = addDays(toDate, -DEMO_SCHEDULE_DAYS);
  const schedules = demoSchedules(shifts.events(), fromDate, toDate, ZONE);
  const today = localDay(now, ZONE);
  await em.transactional(async (tx) => {
    for (const s of schedules) tx.create(Schedule, { ...s, timeZone: ZONE, createdBy: 'demo' });
    for (const code of ['SHA-01', 'CTU-T1']) {
      const centerId = demoCenterId(code);
      tx.create(SpecialDay, {
        centerId,
        date: addDays(today, 7),
        kind: 'CAMPAIGN',
        title: 'Card cashback campaign launch',
        multiplier: 1.25,
        createdBy: 'demo',
      });
      tx.create(SpecialDay, {
        centerId,
        date: addDays(today, -14),
        kind: 'SYSTEM_OUTAGE',
        title: 'Core banking outage (left out of history)',
        excludeFromHistory: true,
        createdBy: 'demo',
      });
    }
  });
  return true;
}
