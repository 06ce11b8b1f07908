/**
 * The canonical contact record of DESIGN.md: what every import format (CSV, NDJSON, Asterisk
 * queue_log) and the ingestContacts mutation turn into before it is stored.
 */
export const CHANNELS = ['VOICE', 'CHAT', 'WECHAT', 'APP', 'SMS', 'EMAIL', 'VIDEO'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** IVR: ended in self-service before reaching a queue; not offered to the queue. */
export const OUTCOMES = ['ANSWERED', 'ABANDONED', 'IVR', 'CALLBACK', 'OVERFLOW'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ContactRecord {
  source: string;
  externalId: string;
  channel: Channel;
  direction: Direction;
  /** Queue code; null for contacts that never reached a queue (e.g. IVR). */
  queue: string | null;
  /** The agent's employee number, as given (may be unknown to staff yet). */
  agent: string | null;
  customerKey: string | null;
  arrivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  holdSeconds: number;
  acwSeconds: number;
  outcome: Outcome;
  transferred: boolean;
  wrapupCode: string | null;
}

export const AGENT_STATES = [
  'LOGGED_IN',
  'AVAILABLE',
  'NOT_READY',
  'ON_CONTACT',
  'ACW',
  'LOGGED_OUT',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** One agent-state change: the agent is in `state` from `at` until their next event. */
export interface AgentStateEvent {
  source: string;
  /** Employee number. */
  agent: string;
  at: Date;
  state: AgentState;
  /** NOT_READY reason (break, lunch, training, ...). */
  reason: string | null;
  /** The queue concerned, where the source names one (queue_log ADDMEMBER/PAUSE). */
  queue: string | null;
}

/** A line or row that could not become a record: counted and reported, never fatal to the file. */
export interface RejectedRecord {
  /** 1-based line (or row) number in the input. */
  line: number;
  field: string;
  reason: string;
}
