import type { EntityManager } from '@mikro-orm/postgresql';

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
 * A queue's day, per interval: offered and handle sums over the history intervals (from the queue's
 * 15-minute rollup), and the seconds logged in on the day by the agents who answered the queue in
 * the history weeks (from their 15-minute agent-state rollup, agent_state_interval, kept as states
 * arrive with the spans of agent-state-summary.ts). One statement for the whole day.
 *
 * Each history interval and each slot of the day reads its own rows by an index range scan (issue
 * 23): joined by range to every row of the weeks (a nested loop of 192 history intervals over
 * 5,000 rollup rows) and replaying the agents' raw events per slot, the statement took 250-320 ms
 * of PostgreSQL per plan, the whole StaffingPlan page's cost.
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
  const sql = `
with hist as (
  select * from json_to_recordset(?::json) as h(slot int, start timestamptz)
), day as (
  select * from json_to_recordset(?::json) as d(slot int, start timestamptz)
), volume as (
  select h.slot, sum(s.offered)::float8 as offered, sum(s.answered)::float8 as answered,
    sum(s.handle_seconds)::float8 as handle_seconds
  from hist h cross join lateral (
    -- an aggregate, so the planner keeps one index range scan per history interval
    select sum(q.answered + q.abandoned) as offered, sum(q.answered) as answered, sum(q.handle_seconds) as handle_seconds
    from queue_interval_stat q
    where q.queue_key = ? and q.interval_start >= h.start and q.interval_start < h.start + interval '${length}'
  ) s
  group by h.slot
), agents as (
  select array(
    select distinct s.agent_key from interval_stat s
    where s.queue_key = ? and s.agent_key <> '' and s.interval_start >= ?::timestamptz and s.interval_start < ?::timestamptz
  ) as keys
), logged as (
  select d.slot, coalesce(sum(a.logged_in), 0)::float8 as seconds
  from day d cross join agents g
  join agent_state_interval a on a.agent = any(g.keys)
    and a.interval_start >= d.start and a.interval_start < d.start + interval '${length}'
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
    queueId,
    historyFrom,
    historyTo,
  ]);
}
