import { DAY_MS, SHANGHAI_OFFSET_MS } from './demo-traffic-workload';
import { demoContacts, DEMO_TRAFFIC_SOURCE, type DemoContact, type DemoTrafficOptions } from './demo-traffic';
import { demoQueues } from './demo-traffic-queues';
import { demoRoster } from './demo-roster';
import { demoTrafficWindow } from './demo-traffic-window';

/** The customer of issue 18's story: three contacts about a credit card that never arrived. */
export const DEMO_STORY_CUSTOMER = '+8613800000001';

/**
 * The story's contacts, stored by traffic's demo seed like every other demo contact: a call three
 * days before `today` at 10:00 Shanghai time, a WeChat message two days before at 09:00, a call the
 * day before at 15:00, each answered by a different agent of the queue's teams.
 */
export function demoStoryContacts(today: Date): DemoContact[] {
  const queues = demoQueues();
  const voice = queues.find((q) => q.channel === 'VOICE' && !q.code.startsWith('CTU')) ?? queues[0];
  const wechat = queues.find((q) => q.channel === 'WECHAT') ?? voice;
  const roster = demoRoster();
  const agentsOf = (teamCodes: string[]) =>
    roster.agents
      .filter(
        (a) =>
          a.role === 'AGENT' && a.status === 'ACTIVE' && teamCodes.includes(a.teams.at(-1)?.teamCode ?? ''),
      )
      .map((a) => a.employeeNo);
  const voiceAgents = agentsOf(voice.teamCodes);
  const wechatAgents = agentsOf(wechat.teamCodes);
  const midnight = Math.floor((today.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const at = (daysBefore: number, hour: number) =>
    new Date(midnight - daysBefore * DAY_MS + hour * 3_600_000);
  const contact = (
    n: number,
    queue: typeof voice,
    agent: string | undefined,
    arrivedAt: Date,
    wrapupCode: string,
  ): DemoContact => ({
    source: DEMO_TRAFFIC_SOURCE,
    externalId: `demo-story-${n}`,
    channel: queue.channel,
    direction: 'INBOUND',
    queue: queue.code,
    agent: agent ?? null,
    customerKey: DEMO_STORY_CUSTOMER,
    arrivedAt,
    answeredAt: new Date(arrivedAt.getTime() + 20_000),
    endedAt: new Date(arrivedAt.getTime() + 260_000),
    holdSeconds: 0,
    acwSeconds: 30,
    outcome: 'ANSWERED',
    transferred: false,
    wrapupCode,
  });
  return [
    contact(1, voice, voiceAgents[0], at(3, 10), 'GENERAL_INQUIRY'),
    contact(2, wechat, wechatAgents[1] ?? wechatAgents[0], at(2, 9), 'GENERAL_INQUIRY'),
    contact(3, voice, voiceAgents[2] ?? voiceAgents[0], at(1, 15), 'COMPLAINT'),
  ];
}

/**
 * Customers of the demo traffic with multi-channel histories: the first `count` customer keys (in
 * arrival order) with at least three contacts on at least two channels, each with its contacts in
 * arrival order, then the story customer. The very contacts traffic's demo seed stores (the same
 * generator and window), so care's demo names contacts traffic holds without reading traffic.
 */
export function demoCareCustomers(
  today: Date,
  count = 40,
): { customerKey: string; contacts: DemoContact[] }[] {
  return [
    ...chosenCustomers(demoTrafficWindow(today), count),
    { customerKey: DEMO_STORY_CUSTOMER, contacts: demoStoryContacts(today) },
  ];
}

function chosenCustomers(
  window: DemoTrafficOptions,
  count: number,
): { customerKey: string; contacts: DemoContact[] }[] {
  const byKey = new Map<string, DemoContact[]>();
  for (const contact of demoContacts(window)) {
    if (!contact.customerKey) continue;
    const list = byKey.get(contact.customerKey);
    if (list) list.push(contact);
    else byKey.set(contact.customerKey, [contact]);
  }
  const chosen: { customerKey: string; contacts: DemoContact[] }[] = [];
  for (const [customerKey, contacts] of byKey) {
    if (chosen.length >= count) break;
    if (contacts.length >= 3 && new Set(contacts.map((c) => c.channel)).size >= 2)
      chosen.push({ customerKey, contacts });
  }
  return chosen;
}

export type DemoSegment = 'STANDARD' | 'VIP' | 'SENSITIVE' | 'VULNERABLE';
const SEGMENT_CYCLE: DemoSegment[] = [
  'STANDARD',
  'STANDARD',
  'VIP',
  'STANDARD',
  'SENSITIVE',
  'STANDARD',
  'VULNERABLE',
];

/** The segment of the i-th of demoCareCustomers (the story customer is STANDARD). */
export function demoCareSegment(index: number, customerKey: string): DemoSegment {
  return customerKey === DEMO_STORY_CUSTOMER ? 'STANDARD' : SEGMENT_CYCLE[index % SEGMENT_CYCLE.length];
}

/**
 * The segments care's demo gives the customers of the traffic in `window` other than STANDARD
 * (demoCareCustomers' choice, demoCareSegment's rule): traffic's demo seed stamps them on the
 * contacts as care would answer at ingest.
 */
export function demoCareSegments(window: DemoTrafficOptions, count = 40): Map<string, DemoSegment> {
  // chosenCustomers' rule without keeping the contacts: a count and the channels per key
  const seen = new Map<string, { contacts: number; channels: Set<string> }>();
  for (const contact of demoContacts(window)) {
    if (!contact.customerKey) continue;
    const entry = seen.get(contact.customerKey);
    if (entry) {
      entry.contacts += 1;
      entry.channels.add(contact.channel);
    } else seen.set(contact.customerKey, { contacts: 1, channels: new Set([contact.channel]) });
  }
  const segments = new Map<string, DemoSegment>();
  let index = 0;
  for (const [customerKey, { contacts, channels }] of seen) {
    if (index >= count) break;
    if (contacts < 3 || channels.size < 2) continue;
    const segment = demoCareSegment(index, customerKey);
    if (segment !== 'STANDARD') segments.set(customerKey, segment);
    index += 1;
  }
  return segments;
}
