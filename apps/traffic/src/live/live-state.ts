import type { AgentState, Channel, ContactRecord, Direction } from '../contact/contact-record';
import type { LiveEvent } from './live-event';

/** A contact in a queue (answeredAt null) or with an agent, until it ends. */
export interface LiveContact {
  source: string;
  externalId: string;
  queue: string;
  channel: Channel;
  direction: Direction;
  customerKey: string | null;
  arrivedAt: Date;
  answeredAt: Date | null;
  agent: string | null;
}

export interface LiveAgent {
  source: string;
  agent: string;
  state: AgentState;
  reason: string | null;
  /** Queue code of the agent's latest event that named one. */
  queue: string | null;
  since: Date;
}

export type Applied =
  | { accepted: true; finished: ContactRecord | null }
  | { accepted: false; field: string; reason: string };

export const contactKey = (source: string, externalId: string): string => `${source}\u0000${externalId}`;
export const agentKey = (source: string, agent: string): string => `${source}\u0000${agent}`;

const refused = (field: string, reason: string): Applied => ({ accepted: false, field, reason });
const ok = (finished: ContactRecord | null = null): Applied => ({ accepted: true, finished });

/**
 * The live state and its one transition rule, I/O-free. The service seeds it with the stored rows
 * an event batch touches, applies the batch and writes the result back; recomputation applies the
 * whole event log to an empty one. One code path, so the two cannot drift apart.
 */
export class LiveState {
  readonly contacts = new Map<string, LiveContact>();
  readonly agents = new Map<string, LiveAgent>();

  apply(event: LiveEvent): Applied {
    if (event.type === 'AGENT_STATE') {
      const key = agentKey(event.source, event.agent);
      const now = this.agents.get(key);
      if (now && event.at < now.since)
        return refused(
          'at',
          `is earlier than agent ${event.agent}'s current state (since ${now.since.toISOString()})`,
        );
      this.agents.set(key, {
        source: event.source,
        agent: event.agent,
        state: event.state,
        reason: event.reason,
        queue: event.queue ?? now?.queue ?? null,
        since: event.at,
      });
      return ok();
    }
    const key = contactKey(event.source, event.externalId);
    const contact = this.contacts.get(key);
    if (event.type === 'CONTACT_QUEUED') {
      if (contact)
        return refused('external_id', `contact ${event.externalId} is already in queue ${contact.queue}`);
      this.contacts.set(key, {
        source: event.source,
        externalId: event.externalId,
        queue: event.queue,
        channel: event.channel,
        direction: event.direction,
        customerKey: event.customerKey,
        arrivedAt: event.at,
        answeredAt: null,
        agent: null,
      });
      return ok();
    }
    if (!contact)
      return refused('external_id', `no contact ${event.externalId} of source ${event.source} is in a queue`);
    const before = contact.answeredAt ?? contact.arrivedAt;
    if (event.at < before)
      return refused(
        'at',
        `is earlier than contact ${event.externalId}'s last event (${before.toISOString()})`,
      );
    switch (event.type) {
      case 'CONTACT_ANSWERED':
        if (contact.answeredAt) return refused('type', `contact ${event.externalId} is already answered`);
        contact.answeredAt = event.at;
        contact.agent = event.agent;
        return ok();
      case 'CONTACT_ABANDONED':
        if (contact.answeredAt)
          return refused('type', `contact ${event.externalId} was answered: end it with CONTACT_ENDED`);
        this.contacts.delete(key);
        return ok(record(contact, event.at, 'ABANDONED'));
      case 'CONTACT_ENDED': {
        if (contact.answeredAt && event.outcome)
          return refused('outcome', 'is only for a contact never answered (it ended ANSWERED)');
        if (!contact.answeredAt && !event.outcome)
          return refused('outcome', `is required: contact ${event.externalId} was never answered`);
        if (!contact.answeredAt && (event.holdSeconds > 0 || event.acwSeconds > 0 || event.transferred))
          return refused('hold_seconds', 'hold, after-call work and transfer need an answered contact');
        this.contacts.delete(key);
        return ok({
          ...record(contact, event.at, event.outcome ?? 'ANSWERED'),
          holdSeconds: event.holdSeconds,
          acwSeconds: event.acwSeconds,
          transferred: event.transferred,
          wrapupCode: event.wrapupCode,
        });
      }
    }
  }
}

function record(contact: LiveContact, endedAt: Date, outcome: ContactRecord['outcome']): ContactRecord {
  return {
    source: contact.source,
    externalId: contact.externalId,
    channel: contact.channel,
    direction: contact.direction,
    queue: contact.queue,
    agent: contact.agent,
    customerKey: contact.customerKey,
    arrivedAt: contact.arrivedAt,
    answeredAt: outcome === 'ANSWERED' ? contact.answeredAt : null,
    endedAt,
    holdSeconds: 0,
    acwSeconds: 0,
    outcome,
    transferred: false,
    wrapupCode: null,
  };
}
