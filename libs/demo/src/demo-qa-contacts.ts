import { demoContacts } from './demo-traffic';
import type { DemoChannel } from './demo-traffic-queues';
import { demoTrafficWindow } from './demo-traffic-window';

/** An answered demo contact, as QA's demo picks it to evaluate. */
export interface DemoHandledContact {
  source: string;
  externalId: string;
  channel: DemoChannel;
  /** When the call or chat ended, ms. */
  endedAt: number;
}

/**
 * Each agent's answered contacts in the demo traffic window of `today`, in arrival order: the very
 * contacts traffic's demo seed stores (the same generator, the same window), so every demo
 * evaluation scores a contact traffic holds and its agent handled, without QA reading traffic.
 */
export function demoHandledContacts(today: Date): Map<string, DemoHandledContact[]> {
  const byAgent = new Map<string, DemoHandledContact[]>();
  for (const contact of demoContacts(demoTrafficWindow(today))) {
    if (!contact.agent || contact.outcome !== 'ANSWERED') continue;
    let list = byAgent.get(contact.agent);
    if (!list) byAgent.set(contact.agent, (list = []));
    list.push({
      source: contact.source,
      externalId: contact.externalId,
      channel: contact.channel,
      endedAt: contact.endedAt.getTime(),
    });
  }
  return byAgent;
}
