/**
 * The per-agent 15-minute rollup of agent states (agent_state_interval), recomputed from the raw
 * events over each agent's window touched by newly arrived events: an event changes its own span
 * (up to 12 hours after it) and the span of the agent's previous event (at most 12 hours before), so
 * the window runs from 12 hours before the earliest new event to 12 hours after the latest, on the
 * 15-minute grid. The spans are those of agent-state-summary.ts's STATE_SECONDS.
 */
const MAX_STATE = "interval '12 hours'";
const GRID = "interval '15 minutes'";
const ORIGIN = "timestamptz '2000-01-01T00:00:00Z'";

/** Each agent's window, from `agents` and `ats` ($1, $2: the new events' agents and instants). */
const WINDOWS = `
  w as (
    select agent, date_bin(${GRID}, min(at) - ${MAX_STATE}, ${ORIGIN}) as w_from,
      date_bin(${GRID}, max(at) + ${MAX_STATE}, ${ORIGIN}) + ${GRID} as w_to
    from unnest($1::text[], $2::timestamptz[]) as n(agent, at) group by agent
  )`;

export const DELETE_WINDOWS = `with ${WINDOWS}
  delete from agent_state_interval s using w
  where s.agent = w.agent and s.interval_start >= w.w_from and s.interval_start < w.w_to`;

export const INSERT_WINDOWS = `with ${WINDOWS},
  ev as (
    select e.agent, e.state, e.at, w.w_from, w.w_to,
      lead(e.at) over (partition by e.agent order by e.at, e.id) as next_at
    from agent_state_event e join w on e.agent = w.agent
    where e.at >= w.w_from - ${MAX_STATE} and e.at < w.w_to
  ), spans as (
    select agent, state, greatest(at, w_from) as s,
      least(coalesce(next_at, w_to), at + ${MAX_STATE}, w_to) as e
    from ev where state <> 'LOGGED_OUT'
  ), pieces as (
    select agent, state, i as interval_start,
      extract(epoch from least(e, i + ${GRID}) - greatest(s, i))::float8 as seconds
    from spans
      cross join lateral generate_series(date_bin(${GRID}, s, ${ORIGIN}), e - interval '1 microsecond', ${GRID}) as i
    where e > s
  )
  insert into agent_state_interval (agent, interval_start, logged_in, available, not_ready, on_contact, acw)
  select agent, interval_start, sum(seconds),
    coalesce(sum(seconds) filter (where state = 'AVAILABLE'), 0),
    coalesce(sum(seconds) filter (where state = 'NOT_READY'), 0),
    coalesce(sum(seconds) filter (where state = 'ON_CONTACT'), 0),
    coalesce(sum(seconds) filter (where state = 'ACW'), 0)
  from pieces where seconds > 0 group by agent, interval_start`;

/** The whole rollup from every event (the migration's backfill): one window per agent over all of theirs. */
export const BACKFILL = INSERT_WINDOWS.replace(
  'from unnest($1::text[], $2::timestamptz[]) as n(agent, at) group by agent',
  'from agent_state_event group by agent',
);

/**
 * The hourly rollup (agent_state_hour) of the same windows: every hour a window touches, summed again
 * from its quarters in agent_state_interval (just recomputed), so an hour the window only partly
 * covers keeps its other quarters.
 */
export const DELETE_HOURS = `with ${WINDOWS}
  delete from agent_state_hour s using w
  where s.agent = w.agent and s.hour_start >= date_trunc('hour', w.w_from) and s.hour_start < w.w_to`;

export const INSERT_HOURS = `with ${WINDOWS}
  insert into agent_state_hour (agent, hour_start, logged_in, available, not_ready, on_contact, acw)
  select i.agent, date_trunc('hour', i.interval_start), sum(i.logged_in), sum(i.available), sum(i.not_ready),
    sum(i.on_contact), sum(i.acw)
  from agent_state_interval i join w on i.agent = w.agent
  where i.interval_start >= date_trunc('hour', w.w_from)
    and i.interval_start < date_trunc('hour', w.w_to - interval '1 microsecond') + interval '1 hour'
  group by 1, 2`;
