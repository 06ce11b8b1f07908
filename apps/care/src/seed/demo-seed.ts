import type { EntityManager } from '@mikro-orm/postgresql';
import {
  demoCareCustomers,
  demoCareSegment,
  demoCenterId,
  demoQueues,
  DEMO_STORY_CUSTOMER,
  type DemoContact,
} from '@switchboard/demo';
import { CALENDAR_24X7, type CaseState } from '@switchboard/metrics';
import { CaseService } from '../case/case.service';
import { seedDemoComplaints } from '../complaint/complaint.seed';
import type { CaseKind } from '../case/case.entity';
import { Customer } from '../customer/customer.entity';
import { Commitment } from '../commitment/commitment.entity';
import { CustomerService } from '../customer/customer.service';
import { escalationSchedule, policiesFor } from '../escalation/escalation-policy';
import { piiKeyConfigured } from '../customer/pii-crypto';
import type { TrafficContact } from '../references/traffic-contacts';

const ACTOR = 'demo-seed';
const TYPES: CaseKind[] = ['INQUIRY', 'REQUEST', 'COMPLAINT', 'INQUIRY', 'SUGGESTION', 'PRAISE'];
const CATEGORIES = [
  'CARD.ACTIVATION',
  'ACCOUNT.STATEMENT',
  'CARD.LIMIT',
  'PAYMENT',
  'DIGITAL',
  'LOAN.REPAYMENT',
];
/** The moves each demo case makes after opening (by index), so every state shows in the demo. */
const PATHS: CaseState[][] = [
  ['OPEN'],
  ['OPEN', 'PENDING_CUSTOMER'],
  ['OPEN', 'PENDING_INTERNAL', 'RESOLVED'],
  ['OPEN', 'RESOLVED', 'CLOSED'],
  [],
  ['RESOLVED', 'REOPENED', 'OPEN'],
];

function trafficContact(contact: DemoContact): TrafficContact {
  return {
    source: contact.source,
    externalId: contact.externalId,
    channel: contact.channel,
    direction: contact.direction,
    outcome: contact.outcome,
    arrivedAt: contact.arrivedAt.toISOString(),
    queueCode: contact.queue,
    customerKey: contact.customerKey,
    agent: contact.agent ? { employeeNo: contact.agent } : null,
  };
}

/**
 * The demo's care data: customers of traffic's demo contacts with multi-channel histories (the same
 * generator and window as traffic's seed, so the keys and contacts are the ones traffic holds), each
 * with a case opened from one of their contacts and the others linked, in every state; and issue
 * 18's story customer, whose three contacts about a card that never arrived are one complaint.
 * Centers are the demo's fixed ids (demoCenterId); owners are the contacts' agents.
 */
export async function seedCareDemo(em: EntityManager, today = new Date()): Promise<boolean> {
  if ((await em.count(Customer, {})) > 0) return false;
  const centerOfQueue = new Map(demoQueues().map((q) => [q.code, demoCenterId(q.centerCode)]));
  const customers = new CustomerService(em);
  const cases = new CaseService(em);
  const demo = demoCareCustomers(today);
  // names and phones only with a key (npm start makes one; a deployment without SWITCHBOARD_CARE_PII_KEY gets none)
  const pii = piiKeyConfigured();
  for (const [i, { customerKey, contacts }] of demo.entries()) {
    const story = customerKey === DEMO_STORY_CUSTOMER;
    await customers.save({
      customerKey,
      segment: demoCareSegment(i, customerKey),
      name: !pii ? undefined : story ? 'Wang Fang' : i % 3 === 0 ? `Demo Customer ${i + 1}` : undefined,
      phone: pii && story ? DEMO_STORY_CUSTOMER : undefined,
    });
    const answered = contacts.filter((c) => c.agent && c.queue && centerOfQueue.has(c.queue));
    if (!answered.length) continue;
    const [first, ...rest] = answered;
    const opened = await cases.open(
      {
        contact: trafficContact(first),
        type: story ? 'COMPLAINT' : TYPES[i % TYPES.length],
        categoryCode: story ? 'CARD.DELIVERY' : CATEGORIES[i % CATEGORIES.length],
        title: story ? 'Credit card never arrived; two call-backs promised, none made' : `Demo case ${i + 1}`,
        priority: story ? 1 : (i % 4) + 1,
        ownerAgentNo: first.agent,
        ownerTeamId: null,
        department: story ? 'Cards' : 'Service',
        centerId: centerOfQueue.get(first.queue as string) as string,
      },
      ACTOR,
    );
    let version = opened.version;
    for (const contact of rest.slice(0, 5))
      version = (await cases.link(opened.id, version, trafficContact(contact), ACTOR)).version;
    if (story) {
      // the first agent handed it to the card-delivery back office and back: two hand-offs
      version = (
        await cases.change(opened.id, version, { status: 'OPEN', department: 'Card delivery' }, ACTOR)
      ).version;
      version = (
        await cases.change(opened.id, version, { department: 'Cards', status: 'PENDING_INTERNAL' }, ACTOR)
      ).version;
      await seedStoryPromises(em, answered, opened.id, opened.centerId);
      continue;
    }
    for (const status of PATHS[i % PATHS.length])
      version = (await cases.change(opened.id, version, { status }, ACTOR)).version;
  }
  await seedDemoComplaints(em, today);
  return true;
}

/**
 * The story's two broken promises: the first and the second agent each promised a call back two
 * hours after their contact and nobody called (the next contacts are the customer's, answered by
 * other agents, so the matching rule keeps neither). Their ladders are scheduled as makeCommitment
 * schedules them, so the sweeper escalates them in a running demo.
 */
async function seedStoryPromises(
  em: EntityManager,
  contacts: DemoContact[],
  caseId: string,
  centerId: string,
): Promise<void> {
  const [policy] = await policiesFor(em, [{ centerId }]);
  for (const [n, contact] of contacts.slice(0, 2).entries()) {
    const dueAt = new Date(contact.arrivedAt.getTime() + 2 * 3_600_000);
    const ladder = escalationSchedule(policy, dueAt, CALENDAR_24X7);
    em.create(Commitment, {
      clientKey: `demo-story-promise-${n + 1}`,
      centerId,
      ownerEmployeeNo: contact.agent as string,
      customerKey: DEMO_STORY_CUSTOMER,
      contactSource: contact.source,
      contactExternalId: contact.externalId,
      caseId,
      kind: 'CALL_BACK',
      channel: 'VOICE',
      madeAt: contact.arrivedAt,
      dueAt,
      dueBasis: 'EXACT',
      nextEscalationAt: ladder.first,
      escalationFireTimes: ladder.fireTimes,
      madeBy: ACTOR,
    });
  }
  await em.flush();
}
