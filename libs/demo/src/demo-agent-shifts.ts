import type { DemoContact } from './demo-traffic';

/** Gap between two of an agent's contacts past which they are taken to have logged out between. */
export const SHIFT_GAP_MS = 90 * 60_000;
/** Logged in this long before their first contact of a shift, and out this long after the last. */
const LOG_IN_EARLY_MS = 10 * 60_000;
const LOG_OUT_LATE_MS = 5 * 60_000;
/** Ready this long after logging in (the rest of the early login is available). */
const READY_AFTER_MS = 60_000;
const MINUTE = 60_000;
/** Idle gaps at least this long hold a break, in their middle; at least LUNCH_GAP_MS, a lunch. */
const BREAK_GAP_MS = 25 * MINUTE;
const BREAK_MS = 15 * MINUTE;
const LUNCH_GAP_MS = 50 * MINUTE;
const LUNCH_MS = 30 * MINUTE;

export type DemoAgentState = 'LOGGED_IN' | 'AVAILABLE' | 'ON_CONTACT' | 'ACW' | 'NOT_READY' | 'LOGGED_OUT';

export interface DemoAgentStateEvent {
  agent: string;
  at: Date;
  state: DemoAgentState;
  /** Why NOT_READY (Break, Lunch); null otherwise. */
  reason: string | null;
}

/** One answered contact of an agent: talk from `start` to `end`, wrap-up to `acwEnd` (epoch ms). */
interface Handled {
  start: number;
  end: number;
  acwEnd: number;
}

/**
 * The demo agents' states, from the contacts they handled (METRICS.md's agent states, so occupancy
 * and utilization are real numbers): logged in shortly before the first contact of a shift and out
 * shortly after the wrap-up of its last (a gap of SHIFT_GAP_MS without contacts ends a shift); on
 * contact from answer to end, ACW for the wrap-up, available between; an idle gap of 25 minutes
 * holds a 15-minute break, one of 50 a 30-minute lunch (NOT_READY with the reason). Contacts that
 * overlap (chats) make one stretch on contact.
 */
export class DemoShiftLog {
  private readonly handled = new Map<string, Handled[]>();

  see(contact: DemoContact): void {
    if (!contact.agent || !contact.answeredAt) return;
    const end = contact.endedAt.getTime();
    const list = this.handled.get(contact.agent) ?? [];
    list.push({ start: contact.answeredAt.getTime(), end, acwEnd: end + contact.acwSeconds * 1000 });
    this.handled.set(contact.agent, list);
  }

  /** Every agent's state changes, each agent's in time order. */
  events(): DemoAgentStateEvent[] {
    const events: DemoAgentStateEvent[] = [];
    for (const [agent, list] of this.handled) {
      list.sort((a, b) => a.start - b.start || a.end - b.end);
      events.push(...agentEvents(agent, list));
    }
    return events;
  }
}

function agentEvents(agent: string, contacts: readonly Handled[]): DemoAgentStateEvent[] {
  const events: DemoAgentStateEvent[] = [];
  const emit = (at: number, state: DemoAgentState, reason: string | null = null) =>
    events.push({ agent, at: new Date(at), state, reason });
  // the stretch on contact under way: talk until talkEnd, wrap-up until acwEnd
  let talkEnd = Number.NaN;
  let acwEnd = Number.NaN;
  const closeStretch = () => {
    if (acwEnd > talkEnd) emit(talkEnd, 'ACW');
  };
  for (const contact of contacts) {
    if (contact.start < talkEnd) {
      // overlaps the talk under way: still on contact
      talkEnd = Math.max(talkEnd, contact.end);
      acwEnd = Math.max(acwEnd, contact.acwEnd);
      continue;
    }
    if (contact.start < acwEnd) {
      // answered during the wrap-up: back on contact, the wrap-up finishes after
      if (contact.start > talkEnd) emit(talkEnd, 'ACW');
    } else if (Number.isNaN(acwEnd) || contact.start - acwEnd > SHIFT_GAP_MS) {
      if (!Number.isNaN(acwEnd)) {
        closeStretch();
        emit(acwEnd, 'AVAILABLE');
        emit(acwEnd + LOG_OUT_LATE_MS, 'LOGGED_OUT');
      }
      emit(contact.start - LOG_IN_EARLY_MS, 'LOGGED_IN');
      emit(contact.start - LOG_IN_EARLY_MS + READY_AFTER_MS, 'AVAILABLE');
    } else {
      closeStretch();
      if (contact.start > acwEnd) emit(acwEnd, 'AVAILABLE');
      idleBreak(acwEnd, contact.start, emit);
    }
    emit(contact.start, 'ON_CONTACT');
    talkEnd = contact.end;
    acwEnd = Math.max(acwEnd || 0, contact.acwEnd);
  }
  if (!Number.isNaN(acwEnd)) {
    closeStretch();
    emit(acwEnd, 'AVAILABLE');
    emit(acwEnd + LOG_OUT_LATE_MS, 'LOGGED_OUT');
  }
  return events;
}

/** A break or a lunch in the middle of an idle gap long enough to hold one, then available again. */
function idleBreak(
  from: number,
  to: number,
  emit: (at: number, state: DemoAgentState, reason?: string) => void,
) {
  const gap = to - from;
  const length = gap >= LUNCH_GAP_MS ? LUNCH_MS : gap >= BREAK_GAP_MS ? BREAK_MS : 0;
  if (!length) return;
  const start = from + Math.floor((gap - length) / 2 / MINUTE) * MINUTE;
  emit(start, 'NOT_READY', length === LUNCH_MS ? 'Lunch' : 'Break');
  emit(start + length, 'AVAILABLE');
}
