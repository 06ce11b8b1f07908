import type { AgentState, AgentStateEvent } from '../../contact/contact-record';

/** What a member line says about the agent, whatever the Asterisk version calls it. */
export type MemberChange = 'LOGIN' | 'LOGOFF' | 'PAUSE' | 'UNPAUSE';

/**
 * AGENT* lines come from chan_agent / app_agent_pool: agent `Agent/n`, queuename NONE, data
 * AGENTLOGIN channel, AGENTLOGOFF channel | logintime, AGENTCALLBACKLOGIN exten@context.
 * *MEMBER lines come from queue membership: agent = the interface, queuename = the queue; AMI
 * QueueAdd with Paused logs ADDMEMBER with data1 "PAUSED". PAUSE / UNPAUSE name one queue and
 * carry the reason in data1 (1.8+; empty before); PAUSEALL / UNPAUSEALL (queuename NONE) pause
 * every queue at once and may come beside one PAUSE per queue: the same state, emitted again.
 */
export const MEMBER_CHANGES: ReadonlyMap<string, MemberChange> = new Map<string, MemberChange>([
  ['AGENTLOGIN', 'LOGIN'],
  ['AGENTCALLBACKLOGIN', 'LOGIN'],
  ['ADDMEMBER', 'LOGIN'],
  ['AGENTLOGOFF', 'LOGOFF'],
  ['AGENTCALLBACKLOGOFF', 'LOGOFF'],
  ['REMOVEMEMBER', 'LOGOFF'],
  ['PAUSE', 'PAUSE'],
  ['PAUSEALL', 'PAUSE'],
  ['UNPAUSE', 'UNPAUSE'],
  ['UNPAUSEALL', 'UNPAUSE'],
]);

export interface MemberLine {
  change: MemberChange;
  agent: string;
  at: Date;
  queue: string | null;
  /** PAUSE reason; null when the line carries none. */
  reason: string | null;
  /** ADDMEMBER of a member added paused. */
  addedPaused: boolean;
}

interface StateAfterContact {
  state: AgentState;
  reason: string | null;
  queue: string | null;
}

interface OnContact {
  calls: number;
  /** Set by a PAUSE/UNPAUSE pressed during the call: the state the agent goes to when it ends. */
  after: StateAfterContact | null;
}

/**
 * Turns member lines and the calls' CONNECT/end into agent-state events.
 *
 * A pause pressed during a call takes effect in Asterisk for the next call: the agent stays
 * ON_CONTACT until the call ends and is NOT_READY from then on. Emitting NOT_READY at the press
 * would cut talk time out of occupancy and show the agent AVAILABLE after the call. So a pause or
 * unpause during a call is held and emitted at the call's end, in place of AVAILABLE.
 *
 * Calls end in AVAILABLE, not ACW: queue_log has no line for the end of a queue's wrapuptime.
 * Memory: one entry per agent currently on a call, and one per agent logged in.
 */
export class QueueLogAgentActivity {
  private readonly source: string;
  private readonly onContact = new Map<string, OnContact>();
  /** Queues each logged-in agent is a member of ('*' for chan_agent logins naming none). */
  private readonly memberships = new Map<string, Set<string>>();

  constructor(source: string) {
    this.source = source;
  }

  get agentsOnContact(): number {
    return this.onContact.size;
  }

  member(line: MemberLine): AgentStateEvent[] {
    const { agent, at, queue } = line;
    switch (line.change) {
      case 'LOGIN': {
        // An agent is logged in while a member of any queue: only the first queue logs them in.
        const queues = this.memberships.get(agent);
        if (queues) {
          queues.add(queue ?? '*');
          return [];
        }
        this.memberships.set(agent, new Set([queue ?? '*']));
        return [
          this.event(agent, at, 'LOGGED_IN', null, queue),
          this.event(agent, at, line.addedPaused ? 'NOT_READY' : 'AVAILABLE', null, queue),
        ];
      }
      case 'LOGOFF': {
        // ...and logged out when they leave the last one (an AGENTLOGOFF naming no queue leaves all).
        const queues = this.memberships.get(agent);
        if (queues && queue !== null) {
          queues.delete(queue);
          if (queues.size > 0) return [];
        }
        this.memberships.delete(agent);
        // Whatever call is still up, the agent has left: nothing more is emitted for it.
        this.onContact.delete(agent);
        return [this.event(agent, at, 'LOGGED_OUT', null, queue)];
      }
      case 'PAUSE':
        return this.unlessOnContact(this.event(agent, at, 'NOT_READY', line.reason, queue));
      case 'UNPAUSE':
        return this.unlessOnContact(this.event(agent, at, 'AVAILABLE', null, queue));
      default:
        return assertNever(line.change);
    }
  }

  connected(agent: string, at: Date, queue: string): AgentStateEvent[] {
    const current = this.onContact.get(agent);
    if (current) current.calls += 1;
    else this.onContact.set(agent, { calls: 1, after: null });
    return [this.event(agent, at, 'ON_CONTACT', null, queue)];
  }

  /** The agent's call ended at `at`. */
  released(agent: string, at: Date, queue: string): AgentStateEvent[] {
    const current = this.onContact.get(agent);
    if (!current) return [];
    current.calls -= 1;
    if (current.calls > 0) return [];
    this.onContact.delete(agent);
    const after = current.after ?? { state: 'AVAILABLE', reason: null, queue };
    return [this.event(agent, at, after.state, after.reason, after.queue)];
  }

  /** The agent's call vanished without an end time (rejected): forget it, emit nothing. */
  dropped(agent: string): void {
    const current = this.onContact.get(agent);
    if (!current) return;
    current.calls -= 1;
    if (current.calls <= 0) this.onContact.delete(agent);
  }

  clear(): void {
    this.onContact.clear();
    this.memberships.clear();
  }

  private unlessOnContact(next: AgentStateEvent): AgentStateEvent[] {
    const current = this.onContact.get(next.agent);
    if (!current) return [next];
    current.after = { state: next.state, reason: next.reason, queue: next.queue };
    return [];
  }

  private event(
    agent: string,
    at: Date,
    state: AgentState,
    reason: string | null,
    queue: string | null,
  ): AgentStateEvent {
    return { source: this.source, agent, at, state, reason, queue };
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled member change ${String(value)}`);
}
