import {
  AGENT_STATES,
  CHANNELS,
  DIRECTIONS,
  type AgentState,
  type Channel,
  type Direction,
  type Outcome,
  type RejectedRecord,
} from '../contact/contact-record';
import { parseTimestamp } from '../ingest/timestamp';

/**
 * A live event, as it happens. One JSON object per line on POST /events (snake_case, as the
 * canonical NDJSON contact import):
 *   {"type":"CONTACT_QUEUED","source":"pbx","external_id":"c1","at":"…","queue":"CARDS","channel":"VOICE","customer_key":"C9"}
 *   {"type":"CONTACT_ANSWERED","source":"pbx","external_id":"c1","at":"…","agent":"1042"}
 *   {"type":"CONTACT_ABANDONED","source":"pbx","external_id":"c1","at":"…"}
 *   {"type":"CONTACT_ENDED","source":"pbx","external_id":"c1","at":"…","hold_seconds":3,"acw_seconds":20,"transferred":false,"wrapup_code":"X"}
 *   {"type":"AGENT_STATE","source":"pbx","agent":"1042","at":"…","state":"NOT_READY","reason":"lunch","queue":"CARDS"}
 * (source, external_id) is the contact's natural key, the same as the file import's: the contact
 * record written when the contact ends is the one a file import of the day would write.
 */
export const LIVE_EVENT_TYPES = [
  'CONTACT_QUEUED',
  'CONTACT_ANSWERED',
  'CONTACT_ABANDONED',
  'CONTACT_ENDED',
  'AGENT_STATE',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** Outcomes an unanswered contact may end with (CONTACT_ENDED without an answer). */
export const UNANSWERED_ENDS = ['ABANDONED', 'OVERFLOW', 'CALLBACK'] as const;

interface Base {
  source: string;
  at: Date;
}

export type LiveEvent =
  | (Base & {
      type: 'CONTACT_QUEUED';
      externalId: string;
      queue: string;
      channel: Channel;
      direction: Direction;
      customerKey: string | null;
    })
  | (Base & { type: 'CONTACT_ANSWERED'; externalId: string; agent: string | null })
  | (Base & { type: 'CONTACT_ABANDONED'; externalId: string })
  | (Base & {
      type: 'CONTACT_ENDED';
      externalId: string;
      holdSeconds: number;
      acwSeconds: number;
      transferred: boolean;
      wrapupCode: string | null;
      /** Only for a contact never answered: how it left the queue. */
      outcome: Outcome | null;
    })
  | (Base & {
      type: 'AGENT_STATE';
      agent: string;
      state: AgentState;
      reason: string | null;
      queue: string | null;
    });

/** What the natural key of the event log says an event is about: a contact's id or an agent. */
export function subjectOf(event: LiveEvent): string {
  return event.type === 'AGENT_STATE' ? event.agent : event.externalId;
}

export interface LiveEventOptions {
  /** Fills `source` where an event has none. */
  source?: string | null;
  /** Reads timestamps without an offset. */
  timeZone: string;
}

const MAX_TEXT = 200;

/** One decoded JSON value -> an event, or the reasons it cannot be one (each naming its field). */
export function liveEventFrom(
  raw: unknown,
  line: number,
  options: LiveEventOptions,
): LiveEvent | RejectedRecord[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [{ line, field: 'line', reason: 'is not a JSON object' }];
  const r = raw as Record<string, unknown>;
  const problems: RejectedRecord[] = [];
  const reject = (field: string, reason: string): void => {
    problems.push({ line, field, reason });
  };
  const text = (field: string, required: boolean): string | null => {
    const value = r[field];
    if (value === undefined || value === null || value === '') {
      if (required) reject(field, 'is required');
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      reject(field, 'must be a string');
      return null;
    }
    const s = String(value).trim();
    if (s === '') {
      if (required) reject(field, 'is required');
      return null;
    }
    if (s.length > MAX_TEXT) reject(field, `must be at most ${MAX_TEXT} characters`);
    return s;
  };
  const oneOf = <T extends string>(field: string, values: readonly T[], fallback: T | null): T | null => {
    const value = text(field, fallback === null)?.toUpperCase() ?? fallback;
    if (value !== null && !values.includes(value as T)) {
      reject(field, `must be one of ${values.join(', ')}`);
      return null;
    }
    return value as T | null;
  };
  const seconds = (field: string): number => {
    const value = r[field];
    if (value === undefined || value === null || value === '') return 0;
    const n = Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(n) || n < 0) {
      reject(field, 'must be a number of seconds, 0 or more');
      return 0;
    }
    return n;
  };
  const type = oneOf('type', LIVE_EVENT_TYPES, null);
  const source = text('source', false) ?? options.source ?? null;
  if (source === null) reject('source', 'is required (a field, or ?source=)');
  const atText = text('at', true);
  const at = atText === null ? null : parseTimestamp(atText, options.timeZone);
  if (atText !== null && at === null) reject('at', 'must be an ISO-8601 timestamp');
  if (type === null) return problems;
  const base = { source: source ?? '', at: at ?? new Date(0) };
  let event: LiveEvent;
  switch (type) {
    case 'CONTACT_QUEUED':
      event = {
        ...base,
        type,
        externalId: text('external_id', true) ?? '',
        queue: text('queue', true) ?? '',
        channel: oneOf<Channel>('channel', CHANNELS, 'VOICE') ?? 'VOICE',
        direction: oneOf<Direction>('direction', DIRECTIONS, 'INBOUND') ?? 'INBOUND',
        customerKey: text('customer_key', false),
      };
      break;
    case 'CONTACT_ANSWERED':
      event = {
        ...base,
        type,
        externalId: text('external_id', true) ?? '',
        agent: text('agent', true) ?? '',
      };
      break;
    case 'CONTACT_ABANDONED':
      event = { ...base, type, externalId: text('external_id', true) ?? '' };
      break;
    case 'CONTACT_ENDED': {
      const transferred = r.transferred;
      if (transferred !== undefined && transferred !== null && typeof transferred !== 'boolean')
        reject('transferred', 'must be true or false');
      event = {
        ...base,
        type,
        externalId: text('external_id', true) ?? '',
        holdSeconds: seconds('hold_seconds'),
        acwSeconds: seconds('acw_seconds'),
        transferred: transferred === true,
        wrapupCode: text('wrapup_code', false),
        outcome:
          r.outcome === undefined || r.outcome === null ? null : oneOf('outcome', UNANSWERED_ENDS, null),
      };
      break;
    }
    case 'AGENT_STATE': {
      const state = oneOf<AgentState>('state', AGENT_STATES, null);
      const reason = text('reason', false);
      if (reason !== null && state !== 'NOT_READY') reject('reason', 'is given only with state NOT_READY');
      event = {
        ...base,
        type,
        agent: text('agent', true) ?? '',
        state: state ?? 'LOGGED_OUT',
        reason,
        queue: text('queue', false),
      };
      break;
    }
  }
  return problems.length ? problems : event;
}

/** The event as the log stores it (snake_case, as received): recomputation reads it back with liveEventFrom. */
export function liveEventBody(event: LiveEvent): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: event.type,
    source: event.source,
    at: event.at.toISOString(),
  };
  switch (event.type) {
    case 'CONTACT_QUEUED':
      return {
        ...body,
        external_id: event.externalId,
        queue: event.queue,
        channel: event.channel,
        direction: event.direction,
        customer_key: event.customerKey,
      };
    case 'CONTACT_ANSWERED':
      return { ...body, external_id: event.externalId, agent: event.agent };
    case 'CONTACT_ABANDONED':
      return { ...body, external_id: event.externalId };
    case 'CONTACT_ENDED':
      return {
        ...body,
        external_id: event.externalId,
        hold_seconds: event.holdSeconds,
        acw_seconds: event.acwSeconds,
        transferred: event.transferred,
        wrapup_code: event.wrapupCode,
        outcome: event.outcome,
      };
    case 'AGENT_STATE':
      return { ...body, agent: event.agent, state: event.state, reason: event.reason, queue: event.queue };
  }
}
