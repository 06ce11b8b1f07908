import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import { seesContact } from '../access/contact-visibility';
import type DataLoader from 'dataloader';
import type { Channel, Direction, Outcome } from './contact-record';
import { ContactType } from './contact.type';

export interface ContactKey {
  source: string;
  externalId: string;
}

export interface ContactSqlRow {
  source: string;
  external_id: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome;
  queue_code: string | null;
  agent: string | null;
  customer_key?: string | null;
  arrived_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  hold_seconds: number;
  acw_seconds: number;
  transferred: boolean;
  wrapup_code: string | null;
}

/** The columns a ContactType is built from (`c` = contact, `q` = its queue). */
export const CONTACT_COLUMNS = `c.source, c.external_id, c.channel, c.direction, c.outcome, q.code as queue_code,
  c.agent, c.customer_key, c.arrived_at, c.answered_at, c.ended_at, c.hold_seconds, c.acw_seconds, c.transferred, c.wrapup_code`;

export function toContactType(row: ContactSqlRow): ContactType {
  return Object.assign(new ContactType(), {
    source: row.source,
    externalId: row.external_id,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    queueCode: row.queue_code,
    agent: row.agent ? { employeeNo: row.agent } : null,
    customerKey: row.customer_key ?? null,
    arrivedAt: new Date(row.arrived_at),
    answeredAt: row.answered_at ? new Date(row.answered_at) : null,
    endedAt: new Date(row.ended_at),
    holdSeconds: Number(row.hold_seconds),
    acwSeconds: Number(row.acw_seconds),
    transferred: row.transferred,
    wrapupCode: row.wrapup_code,
  });
}

const keyOf = (source: string, externalId: string): string => JSON.stringify([source, externalId]);

/**
 * Contacts by natural key, a whole batch of keys in one statement (the keys travel as one JSON array):
 * through `contact_key` to the contact's id and month (one partition each).
 */
export async function findContacts(
  em: EntityManager,
  keys: readonly ContactKey[],
): Promise<(ContactSqlRow & { center_id: string | null })[]> {
  if (!keys.length) return [];
  return em.execute<(ContactSqlRow & { center_id: string | null })[]>(
    `select ${CONTACT_COLUMNS}, q.center_id::text as center_id
       from jsonb_to_recordset(?::jsonb) as k(source text, "externalId" text)
       join contact_key ck on ck.source = k.source and ck.external_id = k."externalId"
       join contact c on c.id = ck.contact_id and c.arrived_at = ck.arrived_at
       left join queue q on q.id = c.queue_id`,
    [JSON.stringify(keys.map((k) => ({ source: k.source, externalId: k.externalId })))],
  );
}

/**
 * Per-request loader behind the Contact reference resolver: unknown keys, and contacts outside the
 * caller's scope (neither their agent nor their queue's center visible), resolve to null.
 */
export function contactByKey(ctx: SubgraphContext): DataLoader<ContactKey, ContactType | null> {
  return ctx.loaders.get('contactByKey', async (keys: readonly ContactKey[]) => {
    const [scope, rows] = await Promise.all([ctx.scope(), findContacts(ctx.em, keys)]);
    return byKeys(
      keys.map((k) => keyOf(k.source, k.externalId)),
      rows
        .filter((row) => seesContact(scope, { agent: row.agent, centerId: row.center_id }))
        .map(toContactType),
      (c) => keyOf(c.source, c.externalId),
    );
  });
}
