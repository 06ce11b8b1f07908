import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CALENDAR_24X7,
  commitmentStatus,
  CONTACT_FULFILLED_KINDS,
  fulfilmentMismatch,
  lateMatchDeadline,
  type CommitmentKind,
} from '@switchboard/metrics';
import { MAX_PAGE_SIZE } from '@switchboard/subgraph-kit';
import { careServices, type CustomerContact } from '../care-services';
import { BusinessCalendarRow } from '../calendar/business-calendar.entity';
import { toBusinessCalendar } from '../calendar/calendar.service';
import { Commitment } from './commitment.entity';

export interface MatchResult {
  customers: number;
  contacts: number;
  fulfilled: number;
}

/** Channels a contact may keep a commitment on: its own, and voice for any written promise. */
const allowedChannels = (channel: string): string[] => (channel === 'VOICE' ? ['VOICE'] : [channel, 'VOICE']);

/**
 * Automatic fulfilment (METRICS.md, the matching rule), care's side only: traffic stays as it is.
 * The customers with open commitments a contact can keep are asked of traffic (through the gateway,
 * batched) for the contacts it ingested since the watermark; each contact keeps the earliest-due
 * commitment of its customer it matches (fulfilmentMismatch from libs/metrics); the watermark moves
 * to the newest contact seen, in the same transaction as the fulfilments.
 */
export async function matchContacts(
  em: EntityManager,
  // traffic's page cap (MAX_PAGE_SIZE): 5000 was refused, and the job failed silently (issue 18's CLI e2e)
  first = MAX_PAGE_SIZE,
): Promise<MatchResult> {
  const { clock, customerContacts } = careServices();
  return em.fork().transactional(async (tx) => {
    // one matcher at a time: the watermark row is the lock
    await tx.execute(
      `insert into care_match_watermark (name, seen_until) values ('contacts', 'epoch') on conflict do nothing`,
    );
    const [mark] = (await tx.execute(
      `select seen_until from care_match_watermark where name = 'contacts' for update`,
    )) as Array<{ seen_until: Date }>;
    const open = await tx.find(Commitment, {
      fulfilledAt: null,
      kind: { $in: [...CONTACT_FULFILLED_KINDS] },
    });
    const result: MatchResult = { customers: 0, contacts: 0, fulfilled: 0 };
    if (!open.length) return result;
    const customers = [...new Set(open.map((c) => c.customerKey))];
    result.customers = customers.length;
    const contacts: CustomerContact[] = await customerContacts(customers, new Date(mark.seen_until), first);
    result.contacts = contacts.length;
    if (!contacts.length) return result;
    const calendars = new Map(
      (
        await tx.find(BusinessCalendarRow, { centerId: { $in: [...new Set(open.map((c) => c.centerId))] } })
      ).map((r) => [r.centerId, toBusinessCalendar(r)]),
    );
    const byCustomer = new Map<string, Commitment[]>();
    for (const c of open.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
      byCustomer.set(c.customerKey, [...(byCustomer.get(c.customerKey) ?? []), c]);
    }
    let newest = new Date(mark.seen_until);
    for (const contact of contacts.sort((a, b) => a.arrivedAt.getTime() - b.arrivedAt.getTime())) {
      if (contact.arrivedAt > newest) newest = contact.arrivedAt;
      const kept = (byCustomer.get(contact.customerKey) ?? []).find(
        (c) =>
          !c.fulfilledAt &&
          fulfilmentMismatch(
            {
              kind: c.kind as CommitmentKind,
              customerKey: c.customerKey,
              allowedChannels: allowedChannels(c.channel),
              madeAt: c.madeAt,
              windowStart: c.windowStart,
              lateMatchUntil: lateMatchDeadline(calendars.get(c.centerId) ?? CALENDAR_24X7, c.dueAt),
              ownerAgentNo: c.ownerEmployeeNo,
              ownerTeamId: c.teamId,
              status: commitmentStatus(c, contact.arrivedAt),
              madeOnContact: { source: c.contactSource, externalId: c.contactExternalId },
            },
            {
              source: contact.source,
              externalId: contact.externalId,
              customerKey: contact.customerKey,
              channel: contact.channel,
              direction: contact.direction,
              answered: contact.answered,
              arrivedAt: contact.arrivedAt,
              agentNo: contact.agentNo,
            },
          ) === null,
      );
      if (!kept) continue;
      Object.assign(kept, {
        fulfilledAt: contact.arrivedAt,
        fulfilledBy: 'contact-matcher',
        fulfilmentContactSource: contact.source,
        fulfilmentContactExternalId: contact.externalId,
        fulfilmentEvidence: `contact ${contact.source}/${contact.externalId}`,
        nextEscalationAt: null,
      });
      result.fulfilled++;
    }
    await tx.flush();
    await tx.execute(
      `update care_match_watermark set seen_until = ?, updated_at = ? where name = 'contacts'`,
      [newest, clock()],
    );
    return result;
  });
}
