import type { Client } from 'pg';
import {
  DELETE_HOURS,
  DELETE_WINDOWS,
  INSERT_HOURS,
  INSERT_WINDOWS,
} from '../agent-state/agent-state-rollup';
import type { AgentStateEvent } from '../contact/contact-record';

/**
 * Events per statement. Every statement of the pool runs under the statement timeout (8 s), bulk
 * paths included: a month of demo states in one statement outlived it on a loaded machine, so the
 * events are written, and their rollup windows recomputed, a time-ordered slice at a time.
 */
export const AGENT_STATE_CHUNK = 10_000;

/**
 * Inserts agent-state events; the natural key makes re-imports add nothing. Then recomputes the
 * agents' 15-minute rollup (agent_state_interval) over the windows the new events touch, and its
 * hourly sums (agent_state_hour), in the caller's transaction: occupancy reads the rollup (issue 17). Slices are taken in time order, so each
 * slice's windows span its own hours (plus the 12-hour margins), not the whole file's.
 */
export async function writeAgentStates(
  client: Client,
  events: AgentStateEvent[],
  chunk = AGENT_STATE_CHUNK,
): Promise<number> {
  if (events.length === 0) return 0;
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let inserted = 0;
  for (let start = 0; start < ordered.length; start += chunk) {
    inserted += await writeSlice(client, ordered.slice(start, start + chunk));
  }
  return inserted;
}

async function writeSlice(client: Client, events: AgentStateEvent[]): Promise<number> {
  const result = await client.query(
    `insert into agent_state_event (source, agent, at, state, reason, queue)
     select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::agent_state[], $5::text[], $6::text[])
     on conflict (source, agent, at, state) do nothing`,
    [
      events.map((e) => e.source),
      events.map((e) => e.agent),
      events.map((e) => e.at.toISOString()),
      events.map((e) => e.state),
      events.map((e) => e.reason),
      events.map((e) => e.queue),
    ],
  );
  const inserted = result.rowCount ?? 0;
  if (inserted > 0) {
    const touched = [events.map((e) => e.agent), events.map((e) => e.at.toISOString())];
    await client.query(DELETE_WINDOWS, touched);
    await client.query(INSERT_WINDOWS, touched);
    await client.query(DELETE_HOURS, touched);
    await client.query(INSERT_HOURS, touched);
  }
  return inserted;
}
