import type { DemoContact } from './demo-traffic';

/** Gap between two of an agent's contacts past which they are taken to have logged out between. */
export const SHIFT_GAP_MS = 90 * 60_000;
/** Logged in this long before their first contact of a shift, and out this long after the last. */
const LOG_IN_EARLY_MS = 10 * 60_000;
const LOG_OUT_LATE_MS = 5 * 60_000;

export interface DemoAgentStateEvent {
  agent: string;
  at: Date;
  state: 'LOGGED_IN' | 'LOGGED_OUT';
}

interface Shift {
  from: number;
  to: number;
}

/**
 * Login sessions of the demo agents, from the contacts they handled: an agent logs in shortly
 * before answering the first contact of a shift and out shortly after the wrap-up of its last; a
 * gap of SHIFT_GAP_MS without contacts ends a shift. Fed the contacts in arrival order (as the
 * generator yields them), it keeps one open shift per agent.
 */
export class DemoShiftLog {
  private readonly open = new Map<string, Shift>();
  private readonly closed: DemoAgentStateEvent[] = [];

  see(contact: DemoContact): void {
    if (!contact.agent || !contact.answeredAt) return;
    const start = contact.answeredAt.getTime();
    const end = contact.endedAt.getTime() + contact.acwSeconds * 1000;
    const shift = this.open.get(contact.agent);
    if (shift && start - shift.to <= SHIFT_GAP_MS) {
      shift.to = Math.max(shift.to, end);
      return;
    }
    if (shift) this.close(contact.agent, shift);
    this.open.set(contact.agent, { from: start, to: end });
  }

  /** Every LOGGED_IN and LOGGED_OUT, the open shifts closed at their last contact. */
  events(): DemoAgentStateEvent[] {
    for (const [agent, shift] of this.open) this.close(agent, shift);
    this.open.clear();
    return this.closed;
  }

  private close(agent: string, shift: Shift): void {
    this.closed.push(
      { agent, at: new Date(shift.from - LOG_IN_EARLY_MS), state: 'LOGGED_IN' },
      { agent, at: new Date(shift.to + LOG_OUT_LATE_MS), state: 'LOGGED_OUT' },
    );
  }
}
