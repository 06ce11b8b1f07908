import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import type { AgentStateEvent, Channel, ContactRecord, RejectedRecord } from '../contact/contact-record';
import { writeAgentStates } from '../ingest/agent-state-writer';
import { ensureQueues, writeContactBatch } from '../ingest/contact-writer';
import { inPgTransaction } from '../ingest/pg-client';
import { RollUpBehind } from '../ingest/roll-up-behind';
import { liveEventBody, subjectOf, type LiveEvent } from './live-event';
import { agentKey, contactKey, LiveState, type LiveAgent, type LiveContact } from './live-state';
import { liveChanges } from './live-changes';

/** Serializes live writers: events apply in one order, the order of the log's ids. */
const LOCK_LIVE = 'select pg_advisory_xact_lock(1818850917)';

export interface LiveBatchReport {
  accepted: number;
  /** Already in the event log (a resent event): nothing done. */
  duplicates: number;
  rejected: RejectedRecord[];
  /** Contact records stored (contacts that ended). */
  contacts: number;
}

interface Numbered {
  event: LiveEvent;
  line: number;
}

/**
 * Applies a batch of live events in one transaction: those already logged are skipped by their
 * natural key, the rest applied in order to the stored state they touch (through LiveState, the
 * same rule recomputation uses); each accepted event is logged, the state written back, and the
 * contacts that ended stored with the file import's writer (natural key: exactly once). Agent-state
 * changes also go to agent_state_event, as a file import's would.
 */
export class LiveEventService {
  private readonly rollUps: RollUpBehind;
  private readonly queues = new Map<string, string>();

  constructor(private readonly em: EntityManager) {
    this.rollUps = new RollUpBehind(em);
  }

  async apply(batch: Numbered[]): Promise<LiveBatchReport> {
    const report: LiveBatchReport = { accepted: 0, duplicates: 0, rejected: [], contacts: 0 };
    if (batch.length === 0) return report;
    try {
      await inPgTransaction(this.em, (client) => this.applyIn(client, batch, report));
    } catch (error) {
      this.queues.clear();
      throw error;
    }
    if (report.contacts > 0) this.rollUps.request();
    if (report.accepted > 0) liveChanges.emit('change');
    return report;
  }

  /** Resolves once the contacts stored so far are in the rollups. */
  rolledUp(): Promise<void> {
    return this.rollUps.caughtUp();
  }

  private async applyIn(client: Client, batch: Numbered[], report: LiveBatchReport): Promise<void> {
    await client.query(LOCK_LIVE);
    const logged = await client.query<{ i: number }>(
      `select k.i::int as i from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) with ordinality as k(source, type, subject, at, i)
       where exists (select 1 from live_event e where e.source = k.source and e.type = k.type and e.subject = k.subject and e.at = k.at)`,
      [
        batch.map((b) => b.event.source),
        batch.map((b) => b.event.type),
        batch.map((b) => subjectOf(b.event)),
        batch.map((b) => b.event.at.toISOString()),
      ],
    );
    const skip = new Set(logged.rows.map((r) => r.i - 1));
    const seen = new Set<string>();
    const fresh = batch.filter((b, i) => {
      const key = `${b.event.source}\u0000${b.event.type}\u0000${subjectOf(b.event)}\u0000${b.event.at.getTime()}`;
      const repeat = skip.has(i) || seen.has(key);
      seen.add(key);
      if (repeat) report.duplicates += 1;
      return !repeat;
    });
    const state = await loadState(client, fresh);
    const before = snapshot(state);
    const accepted: LiveEvent[] = [];
    const finished: ContactRecord[] = [];
    const agentStates: AgentStateEvent[] = [];
    for (const { event, line } of fresh) {
      const result = state.apply(event);
      if (!result.accepted) {
        report.rejected.push({ line, field: result.field, reason: result.reason });
        continue;
      }
      accepted.push(event);
      if (result.finished) finished.push(result.finished);
      if (event.type === 'AGENT_STATE')
        agentStates.push({
          source: event.source,
          agent: event.agent,
          at: event.at,
          state: event.state,
          reason: event.reason,
          queue: event.queue,
        });
    }
    report.accepted = accepted.length;
    if (accepted.length === 0) return;
    await client.query(
      `insert into live_event (source, type, subject, at, body)
       select source, type, subject, at, body
       from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[]) with ordinality as e(source, type, subject, at, body, i)
       order by i`,
      [
        accepted.map((e) => e.source),
        accepted.map((e) => e.type),
        accepted.map(subjectOf),
        accepted.map((e) => e.at.toISOString()),
        accepted.map((e) => JSON.stringify(liveEventBody(e))),
      ],
    );
    await this.writeState(client, state, before);
    if (finished.length) report.contacts = (await writeContactBatch(client, finished, this.queues)).inserted;
    if (agentStates.length) await writeAgentStates(client, agentStates);
  }

  private async writeState(client: Client, state: LiveState, before: Set<string>): Promise<void> {
    const codes: { queue: string; channel: Channel }[] = [];
    for (const c of state.contacts.values()) codes.push({ queue: c.queue, channel: c.channel });
    // An agent's queue seen before any contact of it: created as a voice queue, as imports do.
    for (const a of state.agents.values()) if (a.queue) codes.push({ queue: a.queue, channel: 'VOICE' });
    await ensureQueues(client, codes as ContactRecord[], this.queues);
    const gone = [...before].filter((k) => k.startsWith('c') && !state.contacts.has(k.slice(1)));
    if (gone.length) {
      const keys = gone.map((k) => k.slice(1).split('\u0000'));
      await client.query(
        `delete from live_contact c using unnest($1::text[], $2::text[]) as k(source, external_id)
         where c.source = k.source and c.external_id = k.external_id`,
        [keys.map((k) => k[0]), keys.map((k) => k[1])],
      );
    }
    const contacts = [...state.contacts.values()];
    if (contacts.length)
      await client.query(
        `insert into live_contact (source, external_id, queue_id, channel, direction, customer_key, arrived_at, answered_at, agent)
         select * from unnest($1::text[], $2::text[], $3::uuid[], $4::channel[], $5::direction[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[])
         on conflict (source, external_id) do update set answered_at = excluded.answered_at, agent = excluded.agent`,
        [
          contacts.map((c) => c.source),
          contacts.map((c) => c.externalId),
          contacts.map((c) => this.queues.get(c.queue)),
          contacts.map((c) => c.channel),
          contacts.map((c) => c.direction),
          contacts.map((c) => c.customerKey),
          contacts.map((c) => c.arrivedAt.toISOString()),
          contacts.map((c) => c.answeredAt?.toISOString() ?? null),
          contacts.map((c) => c.agent),
        ],
      );
    const agents = [...state.agents.values()];
    if (agents.length)
      await client.query(
        `insert into live_agent (source, agent, state, reason, queue_id, since)
         select * from unnest($1::text[], $2::text[], $3::agent_state[], $4::text[], $5::uuid[], $6::timestamptz[])
         on conflict (source, agent) do update set state = excluded.state, reason = excluded.reason,
           queue_id = excluded.queue_id, since = excluded.since`,
        [
          agents.map((a) => a.source),
          agents.map((a) => a.agent),
          agents.map((a) => a.state),
          agents.map((a) => a.reason),
          agents.map((a) => (a.queue ? (this.queues.get(a.queue) ?? null) : null)),
          agents.map((a) => a.since.toISOString()),
        ],
      );
  }
}

/** Keys of the rows a state was seeded with ('c' + contact key, 'a' + agent key). */
function snapshot(state: LiveState): Set<string> {
  const keys = new Set<string>();
  for (const k of state.contacts.keys()) keys.add(`c${k}`);
  for (const k of state.agents.keys()) keys.add(`a${k}`);
  return keys;
}

/** The stored rows the events touch, locked for the transaction (one statement per table). */
async function loadState(client: Client, batch: Numbered[]): Promise<LiveState> {
  const state = new LiveState();
  const contacts = batch.filter((b) => b.event.type !== 'AGENT_STATE');
  const agents = batch.filter((b) => b.event.type === 'AGENT_STATE');
  if (contacts.length) {
    const rows = await client.query<LiveContactRow>(
      `select c.source, c.external_id, q.code as queue, c.channel, c.direction, c.customer_key, to_json(c.arrived_at) #>> '{}' as arrived_at, to_json(c.answered_at) #>> '{}' as answered_at, c.agent
       from live_contact c join queue q on q.id = c.queue_id
       join unnest($1::text[], $2::text[]) as k(source, external_id) on c.source = k.source and c.external_id = k.external_id
       for update of c`,
      [contacts.map((b) => b.event.source), contacts.map((b) => subjectOf(b.event))],
    );
    for (const row of rows.rows)
      state.contacts.set(contactKey(row.source, row.external_id), fromContactRow(row));
  }
  if (agents.length) {
    const rows = await client.query<LiveAgentRow>(
      `select a.source, a.agent, a.state, a.reason, q.code as queue, to_json(a.since) #>> '{}' as since
       from live_agent a left join queue q on q.id = a.queue_id
       join unnest($1::text[], $2::text[]) as k(source, agent) on a.source = k.source and a.agent = k.agent
       for update of a`,
      [agents.map((b) => b.event.source), agents.map((b) => subjectOf(b.event))],
    );
    for (const row of rows.rows) state.agents.set(agentKey(row.source, row.agent), fromAgentRow(row));
  }
  return state;
}

export interface LiveContactRow {
  source: string;
  external_id: string;
  queue: string;
  channel: LiveContact['channel'];
  direction: LiveContact['direction'];
  customer_key: string | null;
  /** ISO-8601 (to_json), not the driver's text form */
  arrived_at: string;
  answered_at: string | null;
  agent: string | null;
}

export interface LiveAgentRow {
  source: string;
  agent: string;
  state: LiveAgent['state'];
  reason: string | null;
  queue: string | null;
  since: string;
}

export function fromContactRow(row: LiveContactRow): LiveContact {
  return {
    source: row.source,
    externalId: row.external_id,
    queue: row.queue,
    channel: row.channel,
    direction: row.direction,
    customerKey: row.customer_key,
    arrivedAt: new Date(row.arrived_at),
    answeredAt: row.answered_at ? new Date(row.answered_at) : null,
    agent: row.agent,
  };
}

export function fromAgentRow(row: LiveAgentRow): LiveAgent {
  return {
    source: row.source,
    agent: row.agent,
    state: row.state,
    reason: row.reason,
    queue: row.queue,
    since: new Date(row.since),
  };
}
