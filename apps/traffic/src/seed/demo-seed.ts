import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DemoShiftLog,
  demoCareSegments,
  demoCenterId,
  demoContacts,
  demoStoryContacts,
  DAY_MS,
  demoQueues,
  demoTrafficWindow,
  DEMO_TRAFFIC_DAYS,
  type DemoContact,
  type DemoTrafficOptions,
} from '@switchboard/demo';
import type { ContactRecord } from '../contact/contact-record';
import { writeAgentStates } from '../ingest/agent-state-writer';
import { ContactIngestService, INGEST_BATCH_SIZE } from '../ingest/contact-ingest.service';
import { fixedSegmentSource } from '../ingest/customer-segments';
import { inPgTransaction } from '../ingest/pg-client';
import { Queue } from '../queue/queue.entity';
import { seedOutcomeLists } from '../disposition/outcome-lists.seed';
import { seedTimelinessDemo } from './timeliness-seed';

const INTERVAL_MS = 15 * 60_000;
const WRITES_IN_FLIGHT = 2;
// The window is libs/demo's: QA's demo evaluates contacts of the same window.
export { DEMO_TRAFFIC_DAYS, demoTrafficWindow };

function toContactRecord(contact: DemoContact): ContactRecord {
  return {
    source: contact.source,
    externalId: contact.externalId,
    channel: contact.channel,
    direction: contact.direction,
    queue: contact.queue,
    agent: contact.agent,
    customerKey: contact.customerKey,
    arrivedAt: contact.arrivedAt,
    answeredAt: contact.answeredAt,
    endedAt: contact.endedAt,
    holdSeconds: contact.holdSeconds,
    acwSeconds: contact.acwSeconds,
    outcome: contact.outcome,
    transferred: contact.transferred,
    wrapupCode: contact.wrapupCode,
  };
}

/** The demo queues, named; queues an import already created keep their settings. */
async function createDemoQueues(em: EntityManager): Promise<void> {
  const queues = demoQueues();
  const existing = new Set(
    (await em.find(Queue, { code: { $in: queues.map((q) => q.code) } })).map((q) => q.code),
  );
  // The center belongs to the staff subgraph; its demo centers have fixed ids (demoCenterId).
  for (const q of queues.filter((queue) => !existing.has(queue.code)))
    em.create(Queue, {
      code: q.code,
      name: q.name,
      channel: q.channel,
      centerId: demoCenterId(q.centerCode),
    });
  await em.flush();
}

/**
 * Writes demo contacts through the import's bulk path (COPY, the rollups behind), two batches in
 * flight while the generator makes the next (the database writes them one after the other: contact
 * writers take turns). Batches end on a 15-minute boundary.
 */
async function writeDemoContacts(em: EntityManager, window: DemoTrafficOptions): Promise<DemoShiftLog> {
  const shifts = new DemoShiftLog();
  // care's demo customers' segments, as care would answer them at ingest (its seed makes the same list)
  const ingest = new ContactIngestService(em, fixedSegmentSource(demoCareSegments(window)));
  const writing = new Set<Promise<void>>();
  const write = (records: ContactRecord[]): Promise<void> => {
    const lines = records.map((record, i) => ({ record, line: i + 1 }));
    const written = ingest.ingest(lines, [], { rolledUp: false }).then((report) => {
      writing.delete(written);
      const [problem] = report.problems;
      if (problem) throw new Error(`demo contact rejected: ${problem.field} ${problem.reason}`);
    });
    writing.add(written);
    return writing.size < WRITES_IN_FLIGHT ? Promise.resolve() : Promise.race(writing);
  };
  let batch: ContactRecord[] = [];
  let interval: ContactRecord[] = [];
  let intervalStart = Number.NaN;
  try {
    for (const contact of demoContacts(window)) {
      const start = Math.floor(contact.arrivedAt.getTime() / INTERVAL_MS);
      if (start !== intervalStart) {
        if (batch.length + interval.length > INGEST_BATCH_SIZE) {
          await write(batch);
          batch = [];
        }
        batch.push(...interval);
        interval = [];
        intervalStart = start;
      }
      interval.push(toContactRecord(contact));
      shifts.see(contact);
    }
    batch.push(...interval);
    if (batch.length) await write(batch);
    await Promise.all(writing);
    // issue 18's story customer: three contacts about a card that never arrived (care's demo cases name them)
    const story = demoStoryContacts(new Date(window.from.getTime() + window.days * DAY_MS));
    for (const contact of story) shifts.see(contact);
    await write(story.map(toContactRecord));
    await Promise.all(writing);
    await ingest.rolledUp();
  } finally {
    await Promise.allSettled(writing);
  }
  return shifts;
}

/**
 * The agents' states around the contacts they answered (logged in, available, on contact, ACW, not
 * ready on breaks, logged out): the staffing plan's logged-in line, occupancy and utilization.
 */
async function writeDemoAgentStates(em: EntityManager, shifts: DemoShiftLog): Promise<void> {
  const events = shifts.events().map((e) => ({
    source: 'demo',
    agent: e.agent,
    at: e.at,
    state: e.state,
    reason: e.reason,
    queue: null,
  }));
  await inPgTransaction(em, (client) => writeAgentStates(client, events));
}

/** Seeds a month of demo traffic when no contact is stored yet; returns whether it seeded. */
export async function seedTrafficDemo(em: EntityManager, window = demoTrafficWindow()): Promise<boolean> {
  const [{ seeded }] = await em.execute<{ seeded: boolean }[]>(
    'select exists (select 1 from contact) as seeded',
  );
  if (seeded) return false;
  await createDemoQueues(em);
  await seedOutcomeLists(em);
  await writeDemoAgentStates(em, await writeDemoContacts(em, window));
  await seedTimelinessDemo(em, window);
  return true;
}
