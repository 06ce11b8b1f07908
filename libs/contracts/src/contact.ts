/**
 * The contact vocabulary of DESIGN.md's canonical contact record, owned here once: traffic stores and
 * imports contacts in it, the generator and the demo write it, QA samples by channel, wfm keeps
 * volumes per channel, care matches follow-ups by it.
 */
export const CHANNELS = ['VOICE', 'CHAT', 'WECHAT', 'APP', 'SMS', 'EMAIL', 'VIDEO'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** IVR: ended in self-service before reaching a queue; not offered to the queue. */
export const OUTCOMES = ['ANSWERED', 'ABANDONED', 'IVR', 'CALLBACK', 'OVERFLOW'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An agent's states (METRICS.md, occupancy and adherence): the state lasts until the agent's next one. */
export const AGENT_STATES = [
  'LOGGED_IN',
  'AVAILABLE',
  'NOT_READY',
  'ON_CONTACT',
  'ACW',
  'LOGGED_OUT',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** The canonical contact file's columns (CSV header; NDJSON keys), in order. */
export const CANONICAL_CONTACT_COLUMNS = [
  'source',
  'external_id',
  'channel',
  'direction',
  'queue',
  'agent',
  'customer_key',
  'arrived_at',
  'answered_at',
  'ended_at',
  'hold_seconds',
  'acw_seconds',
  'outcome',
  'transferred',
  'wrapup_code',
] as const;
export type CanonicalContactColumn = (typeof CANONICAL_CONTACT_COLUMNS)[number];
