import { pgArray } from '@switchboard/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { localDay, localMidnight, type DayVolumes } from '@switchboard/metrics';
import { SpecialDay } from '../special-day/special-day.entity';

interface Row {
  queue_id: string;
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

export interface QueueHistoryRequest {
  queueId: string;
  /** Local days before this one (exclusive). */
  before: string;
  /** Local days from this one (inclusive); absent: the whole history. */
  since?: string;
  intervalMinutes: number;
  timeZone: string;
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
  const [history] = await loadQueuesHistory(em, [{ queueId, before, intervalMinutes, timeZone }]);
  return history;
}

/**
 * The histories of several queues (or periods of one) in two statements: the volumes of every
 * queue asked for over the union of the periods, and their special days; split here.
 */
export async function loadQueuesHistory(
  em: EntityManager,
  requests: readonly QueueHistoryRequest[],
): Promise<QueueHistory[]> {
  if (!requests.length) return [];
  const queueIds = [...new Set(requests.map((r) => r.queueId))];
  const until = Math.max(...requests.map((r) => localMidnight(r.before, r.timeZone).getTime()));
  const from = requests.every((r) => r.since)
    ? Math.min(...requests.map((r) => localMidnight(r.since as string, r.timeZone).getTime()))
    : 0;
  const rows = await em.execute<Row[]>(
    `select queue_id, interval_start, sum(offered)::float8 as offered, sum(offered * aht_seconds)::float8 as handle_seconds
       from wfm_interval_volume where queue_id = any(?::uuid[]) and interval_start >= ? and interval_start < ?
      group by queue_id, interval_start order by queue_id, interval_start`,
    [pgArray(queueIds), new Date(from), new Date(until)],
  );
  const special = await em.find(SpecialDay, { queueId: { $in: queueIds } });
  return requests.map((request) => {
    const start = request.since ? localMidnight(request.since, request.timeZone).getTime() : 0;
    const end = localMidnight(request.before, request.timeZone).getTime();
    return bucket(
      rows.filter((row) => {
        const at = new Date(row.interval_start).getTime();
        return row.queue_id === request.queueId && at >= start && at < end;
      }),
      special.filter((d) => d.queueId === request.queueId),
      request,
    );
  });
}

function bucket(
  rows: readonly Row[],
  special: readonly SpecialDay[],
  request: QueueHistoryRequest,
): QueueHistory {
  const { intervalMinutes, timeZone } = request;
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
