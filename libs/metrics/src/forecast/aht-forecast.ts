import type { DayVolumes } from './history';
import { lastSameWeekdayDays } from './same-weekday';

/**
 * AHT forecast per interval: the volume-weighted handle time of the last `weeks` operating days of
 * the same weekday (Σ handle seconds / Σ contacts per interval, days found by date). An interval
 * with no contacts in those days takes the day-level AHT of the same days; null when they had no
 * contact at all. `handleSeconds` holds, per day, the total handle seconds of each interval.
 */
export function ahtForecast(
  volumes: readonly DayVolumes[],
  handleSeconds: readonly DayVolumes[],
  date: string,
  weeks = 4,
): (number | null)[] {
  const handleByDate = new Map(handleSeconds.map((d) => [d.date, d.values]));
  const days = lastSameWeekdayDays(volumes, date, weeks).filter((d) => handleByDate.has(d.date));
  const width = volumes[0]?.values.length ?? 0;
  const contacts = new Array<number>(width).fill(0);
  const seconds = new Array<number>(width).fill(0);
  for (const day of days) {
    const handle = handleByDate.get(day.date) ?? [];
    for (let i = 0; i < width; i += 1) {
      contacts[i] += day.values[i];
      seconds[i] += handle[i] ?? 0;
    }
  }
  const allContacts = contacts.reduce((a, b) => a + b, 0);
  const dayAht = allContacts > 0 ? seconds.reduce((a, b) => a + b, 0) / allContacts : null;
  return contacts.map((n, i) => (n > 0 ? seconds[i] / n : dayAht));
}
