/**
 * The canonical contact record of DESIGN.md: what every import format (CSV, NDJSON, Asterisk
 * queue_log) and the ingestContacts mutation turn into before it is stored. Its vocabulary (channels,
 * directions, outcomes, agent states) is libs/contracts'.
 */
import {
  AGENT_STATES,
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type AgentState,
  type Channel,
  type Direction,
  type Outcome,
} from '@switchboard/contracts';

export { AGENT_STATES, CHANNELS, DIRECTIONS, OUTCOMES };
export type { AgentState, Channel, Direction, Outcome };

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
