import type { EntityManager } from '@mikro-orm/postgresql';
import { localDay, localMidnight, type DayVolumes } from '@switchboard/metrics';
import { SpecialDay } from '../special-day/special-day.entity';

interface Row {
  interval_start: Date;
  offered: number;
  handle_seconds: number | null;
}

export interface QueueHistory {
  volumes: DayVolumes[];
  /** Handle seconds per interval (offered × AHT), for the AHT forecast. */
  handleSeconds: DayVolumes[];
  /** The queue's special days by date. */
  specialDays: Map<string, SpecialDay>;
}

/**
 * A queue's history before `before` (its channels summed), as the methods read it: one row per
 * local day of `timeZone` with `1440 / intervalMinutes` intervals; the queue's CLOSED days and days
 * marked exclude-from-history are left out (absent, never zeros). One statement for the volumes,
 * one for the special days.
 */
export async function loadQueueHistory(
  em: EntityManager,
  queueId: string,
  before: string,
  intervalMinutes: number,
  timeZone: string,
): Promise<QueueHistory> {
  const rows = await em.getConnection().execute<Row[]>(
    `select interval_start, sum(offered)::float8 as offered, sum(offered * aht_seconds)::float8 as handle_seconds
       from wfm_interval_volume where queue_id = ? and interval_start < ?
      group by interval_start order by interval_start`,
    [queueId, localMidnight(before, timeZone)],
  );
  const special = await em.find(SpecialDay, { queueId });
  const specialDays = new Map(special.map((d) => [d.date, d]));
  const width = Math.round(1440 / intervalMinutes);
  const days = new Map<string, { volumes: number[]; handle: number[] }>();
  for (const row of rows) {
    const at = new Date(row.interval_start);
    const date = localDay(at, timeZone);
    const day = days.get(date) ?? {
      volumes: new Array<number>(width).fill(0),
      handle: new Array<number>(width).fill(0),
    };
    const slot = Math.floor(
      (at.getTime() - localMidnight(date, timeZone).getTime()) / (intervalMinutes * 60_000),
    );
    if (slot < 0 || slot >= width) continue;
    day.volumes[slot] += row.offered;
    day.handle[slot] += row.handle_seconds ?? 0;
    days.set(date, day);
  }
  const kept = [...days.entries()]
    .filter(([date]) => {
      const s = specialDays.get(date);
      return !s || (s.kind !== 'CLOSED' && !s.excludeFromHistory);
    })
    .sort(([a], [b]) => a.localeCompare(b));
  return {
    volumes: kept.map(([date, d]) => ({ date, values: d.volumes })),
    handleSeconds: kept.map(([date, d]) => ({ date, values: d.handle })),
    specialDays,
  };
}
