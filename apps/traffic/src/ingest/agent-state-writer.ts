import type { Client } from 'pg';
import type { AgentStateEvent } from '../contact/contact-record';

/** Inserts agent-state events in one statement; the natural key makes re-imports add nothing. */
export async function writeAgentStates(client: Client, events: AgentStateEvent[]): Promise<number> {
  if (events.length === 0) return 0;
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
  return result.rowCount ?? 0;
}
