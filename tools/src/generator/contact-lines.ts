import { CANONICAL_CONTACT_COLUMNS } from '@switchboard/contracts';
import type { DemoContact } from '@switchboard/demo';

/** The canonical contact file columns (DESIGN.md), as libs/contracts owns them. */
export const CANONICAL_COLUMNS = CANONICAL_CONTACT_COLUMNS;

export const CANONICAL_HEADER = CANONICAL_COLUMNS.join(',');

/** The `contact` table's own columns (plain COPY): queue_id in place of the queue code. */
export const TABLE_COLUMNS = CANONICAL_HEADER.replace(',queue,', ',queue_id,');

const iso = (date: Date | null): string => (date ? date.toISOString() : '');

/** Every field of the generator is free of commas, quotes and newlines, so none needs quoting. */
function csvLine(contact: DemoContact, queue: string): string {
  return (
    `${contact.source},${contact.externalId},${contact.channel},${contact.direction},${queue},` +
    `${contact.agent ?? ''},${contact.customerKey ?? ''},${iso(contact.arrivedAt)},${iso(contact.answeredAt)},` +
    `${iso(contact.endedAt)},${contact.holdSeconds},${contact.acwSeconds},${contact.outcome},` +
    `${contact.transferred},${contact.wrapupCode ?? ''}\n`
  );
}

export const canonicalCsvLine = (contact: DemoContact): string => csvLine(contact, contact.queue ?? '');

/** The table layout: the queue's id from `queueIds` (by code). */
export const tableCsvLine = (contact: DemoContact, queueIds: ReadonlyMap<string, string>): string =>
  csvLine(contact, contact.queue === null ? '' : (queueIds.get(contact.queue) ?? ''));

export function ndjsonLine(contact: DemoContact): string {
  return `${JSON.stringify({
    source: contact.source,
    external_id: contact.externalId,
    channel: contact.channel,
    direction: contact.direction,
    queue: contact.queue,
    agent: contact.agent,
    customer_key: contact.customerKey,
    arrived_at: iso(contact.arrivedAt),
    answered_at: contact.answeredAt ? iso(contact.answeredAt) : null,
    ended_at: iso(contact.endedAt),
    hold_seconds: contact.holdSeconds,
    acw_seconds: contact.acwSeconds,
    outcome: contact.outcome,
    transferred: contact.transferred,
    wrapup_code: contact.wrapupCode,
  })}\n`;
}
