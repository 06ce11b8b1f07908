import type { AgentState, AgentStateEvent, ContactRecord } from '../../contact/contact-record';

/** Test builders: the fields every queue_log contact shares, so a spec writes only what varies. */
export const SOURCE = 'asterisk';

/** A time on the specs' day, 2024-06-01, in UTC: `utc('08:00:12')`. */
export function utc(time: string): Date {
  return new Date(`2024-06-01T${time}Z`);
}

type ContactFields = Pick<
  ContactRecord,
  'externalId' | 'queue' | 'agent' | 'customerKey' | 'arrivedAt' | 'answeredAt' | 'endedAt' | 'outcome'
> &
  Partial<Pick<ContactRecord, 'transferred'>>;

export function voiceContact(fields: ContactFields): ContactRecord {
  return {
    source: SOURCE,
    channel: 'VOICE',
    direction: 'INBOUND',
    holdSeconds: 0,
    acwSeconds: 0,
    transferred: false,
    wrapupCode: null,
    ...fields,
  };
}

export function agentState(
  agent: string,
  at: Date,
  state: AgentState,
  queue: string | null,
  reason: string | null = null,
): AgentStateEvent {
  return { source: SOURCE, agent, at, state, reason, queue };
}
