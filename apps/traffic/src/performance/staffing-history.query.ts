import type { EntityManager } from '@mikro-orm/postgresql';

/** How long a state may last without a next event (as agent-state summaries assume). */
const MAX_STATE_HOURS = 12;

export interface HistorySlot {
  slot: number;
  /** The interval on the planned day. */
  start: Date;
  /** The same weekday and interval of each history week. */
  history: Date[];
}

interface SlotRow {
  slot: number;
  offered: number;
  answered: number;
  handle_seconds: number;
  logged_in_seconds: number;
}

/**
 * A queue's day, per interval: offered and handle sums over the history intervals (from the
 * 15-minute rollups), and the seconds logged in on the day by the agents who answered the queue in
 * the history weeks (from agent states). One statement for the whole day.
 */
export async function staffingHistoryRows(
  em: EntityManager,
  queueId: string,
  slots: readonly HistorySlot[],
  intervalMinutes: number,
): Promise<SlotRow[]> {
  const length = `${intervalMinutes} minutes`;
  const history = slots.flatMap((s) => s.history.map((h) => ({ slot: s.slot, start: h.toISOString() })));
  const days = slots.map((s) => ({ slot: s.slot, start: s.start.toISOString() }));
  const allHistory = history.map((h) => Date.parse(h.start));
  const historyFrom = new Date(Math.min(...allHistory));
  const historyTo = new Date(Math.max(...allHistory) + intervalMinutes * 60_000);
  const dayFrom = slots[0].start;
  const dayTo = new Date(slots[slots.length - 1].start.getTime() + intervalMinutes * 60_000);
  const sql = `
with hist as (
  select * from json_to_recordset(?::json) as h(slot int, start timestamptz)
), day as (
  select * from json_to_recordset(?::json) as d(slot int, start timestamptz)
), volume as (
  select h.slot, sum(s.answered + s.abandoned)::float8 as offered, sum(s.answered)::float8 as answered,
    sum(s.handle_seconds)::float8 as handle_seconds
  from hist h join interval_stat s on s.queue_key = ? and s.interval_start >= h.start
    and s.interval_start < h.start + interval '${length}'
    and s.interval_start >= ?::timestamptz and s.interval_start < ?::timestamptz
  group by h.slot
), agents as (
  select distinct s.agent_key as agent from interval_stat s
  where s.queue_key = ? and s.agent_key <> '' and s.interval_start >= ?::timestamptz and s.interval_start < ?::timestamptz
), ev as (
  select e.agent, e.state, e.at, lead(e.at) over (partition by e.agent order by e.at, e.id) as next_at
  from agent_state_event e join agents a on a.agent = e.agent
  where e.at < ?::timestamptz and e.at >= ?::timestamptz - interval '${MAX_STATE_HOURS} hours'
), spans as (
  select at as span_from, least(coalesce(next_at, ?::timestamptz), at + interval '${MAX_STATE_HOURS} hours') as span_to
  from ev where state <> 'LOGGED_OUT'
), logged as (
  select d.slot, coalesce(sum(extract(epoch from
    least(p.span_to, d.start + interval '${length}') - greatest(p.span_from, d.start))), 0)::float8 as seconds
  from day d join spans p on p.span_from < d.start + interval '${length}' and p.span_to > d.start
  group by d.slot
)
select d.slot, coalesce(v.offered, 0) as offered, coalesce(v.answered, 0) as answered,
  coalesce(v.handle_seconds, 0) as handle_seconds, coalesce(l.seconds, 0) as logged_in_seconds
from day d left join volume v on v.slot = d.slot left join logged l on l.slot = d.slot
order by d.slot`;
  return em.execute<SlotRow[]>(sql, [
    JSON.stringify(history),
    JSON.stringify(days),
    queueId,
    historyFrom,
    historyTo,
    queueId,
    historyFrom,
    historyTo,
    dayTo,
    dayFrom,
    dayTo,
  ]);
}
