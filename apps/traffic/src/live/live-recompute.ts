import type { EntityManager } from '@mikro-orm/postgresql';
import { liveEventFrom } from './live-event';
import { fromAgentRow, fromContactRow, type LiveAgentRow, type LiveContactRow } from './live-event.service';
import { LiveState } from './live-state';

/** The live state as the tables hold it now. */
export async function storedLiveState(em: EntityManager): Promise<LiveState> {
  const state = new LiveState();
  const contacts = await em.execute<LiveContactRow[]>(
    `select c.source, c.external_id, q.code as queue, c.channel, c.direction, c.customer_key, to_json(c.arrived_at) #>> '{}' as arrived_at, to_json(c.answered_at) #>> '{}' as answered_at, c.agent
     from live_contact c join queue q on q.id = c.queue_id`,
  );
  for (const row of contacts)
    state.contacts.set(`${row.source}\u0000${row.external_id}`, fromContactRow(row));
  const agents = await em.execute<LiveAgentRow[]>(
    `select a.source, a.agent, a.state, a.reason, q.code as queue, to_json(a.since) #>> '{}' as since from live_agent a left join queue q on q.id = a.queue_id`,
  );
  for (const row of agents) state.agents.set(`${row.source}\u0000${row.agent}`, fromAgentRow(row));
  return state;
}

/**
 * The live state recomputed from the event log alone (every accepted event, in the order applied),
 * up to and including event `throughId` when given. Read in pages; the rule is LiveState's.
 */
export async function recomputeLiveState(em: EntityManager, throughId?: string): Promise<LiveState> {
  const state = new LiveState();
  let after = '0';
  for (;;) {
    const rows = await em.execute<{ id: string; body: unknown }[]>(
      `select id, body from live_event where id > ?::bigint and (?::bigint is null or id <= ?::bigint) order by live_event.id limit 10000`,
      [after, throughId ?? null, throughId ?? null],
    );
    if (rows.length === 0) return state;
    for (const row of rows) {
      const event = liveEventFrom(row.body, 0, { timeZone: 'UTC' });
      if (Array.isArray(event))
        throw new Error(`live_event ${row.id} no longer reads as an event: ${JSON.stringify(event)}`);
      const applied = state.apply(event);
      if (!applied.accepted)
        throw new Error(`live_event ${row.id} does not apply: ${applied.field} ${applied.reason}`);
    }
    after = String(rows[rows.length - 1].id);
  }
}
