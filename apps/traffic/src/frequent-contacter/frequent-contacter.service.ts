import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import { visibleContactsSql, type ContactVisibility } from '../access/contact-visibility';
import { checkIntervalPeriod, isUuid } from '../common/intervals';
import type { Channel } from '../contact/contact-record';
import type { CustomerSegment } from '../model/segments';
import type { FrequentContacterType } from './frequent-contacter.type';

export interface FrequentContacterFilter {
  from: Date;
  to: Date;
  /** At least this many contacts in the window (default 3)... */
  minContacts: number;
  /** ...or at least this much handle time (seconds), when given. */
  minHandleSeconds: number | null;
  centerIds: string[] | null;
  /** Only customers whose latest contact in the window carries one of these segments (null: all). */
  segments?: readonly CustomerSegment[] | null;
  first: number;
}

interface Row {
  customer_key: string;
  contacts: number;
  answered: number;
  handle_seconds: number;
  channels: Channel[];
  first_contact_at: Date;
  last_contact_at: Date;
  segment: CustomerSegment;
}

export const MAX_FREQUENT_CONTACTERS = 500;

/** The segment stamped on a customer's latest contact of the group (none stamped: STANDARD). */
const LATEST_SEGMENT = `coalesce((array_agg(c.customer_segment order by c.arrived_at desc, c.id desc))[1], 'STANDARD')`;

/** Refuses a filter that cannot be answered, naming the field. */
export function checkFrequentContacterFilter(f: FrequentContacterFilter): void {
  checkIntervalPeriod(f.from, f.to);
  if (!Number.isInteger(f.minContacts) || f.minContacts < 1 || f.minContacts > 10_000)
    throw badUserInput({ field: 'minContacts', message: 'must be a whole number from 1 to 10000' });
  if (f.minHandleSeconds !== null && !(f.minHandleSeconds > 0 && f.minHandleSeconds <= 31_536_000))
    throw badUserInput({ field: 'minHandleSeconds', message: 'must be more than 0 and at most a year' });
  if (!Number.isInteger(f.first) || f.first < 1 || f.first > MAX_FREQUENT_CONTACTERS)
    throw badUserInput({ field: 'first', message: `must be from 1 to ${MAX_FREQUENT_CONTACTERS}` });
  const bad = (f.centerIds ?? []).findIndex((id) => !isUuid(id));
  if (bad >= 0) throw badUserInput({ field: `centerIds[${bad}]`, message: 'is not an id' });
}

/**
 * Customers with many contacts or long handle times in [from, to), most contacts first, counting only
 * the contacts the caller sees (their agents' or their centers' queues'): one statement, over the
 * window's contacts by arrival (index contact_arrived_at_idx), grouped by customer key.
 */
export async function frequentContacters(
  em: EntityManager,
  filter: FrequentContacterFilter,
  visibility: ContactVisibility | null,
): Promise<FrequentContacterType[]> {
  const visible = visibleContactsSql(visibility, 'c.agent', 'q.center_id');
  // a bound array literal of enum values (checked by GraphQL), cast in the statement
  const segments = filter.segments?.length ? `{${filter.segments.join(',')}}` : null;
  const handle = `extract(epoch from c.ended_at - c.answered_at) + c.acw_seconds`;
  const rows = await em.execute<Row[]>(
    `select c.customer_key, count(*)::int as contacts,
       count(*) filter (where c.outcome = 'ANSWERED')::int as answered,
       coalesce(sum(${handle}) filter (where c.outcome = 'ANSWERED'), 0)::float8 as handle_seconds,
       array_agg(distinct c.channel::text order by c.channel::text) as channels,
       min(c.arrived_at) as first_contact_at, max(c.arrived_at) as last_contact_at,
       ${LATEST_SEGMENT} as segment
     from contact c left join queue q on q.id = c.queue_id
     where c.arrived_at >= ? and c.arrived_at < ? and c.customer_key is not null and ${visible.sql}
       and (?::jsonb is null or q.center_id::text in (select jsonb_array_elements_text(?::jsonb)))
     group by c.customer_key
     having (count(*) >= ?
       or (?::float8 is not null and coalesce(sum(${handle}) filter (where c.outcome = 'ANSWERED'), 0) >= ?::float8))
       and (?::text[] is null or ${LATEST_SEGMENT} = any(?::text[]))
     order by contacts desc, handle_seconds desc, c.customer_key
     limit ?`,
    [
      filter.from,
      filter.to,
      ...visible.params,
      filter.centerIds ? JSON.stringify(filter.centerIds.map((id) => id.toLowerCase())) : null,
      filter.centerIds ? JSON.stringify(filter.centerIds.map((id) => id.toLowerCase())) : null,
      filter.minContacts,
      filter.minHandleSeconds,
      filter.minHandleSeconds,
      segments,
      segments,
      filter.first,
    ],
  );
  return rows.map((r) => ({
    customerKey: r.customer_key,
    customer: { customerKey: r.customer_key },
    contacts: r.contacts,
    answered: r.answered,
    handleSeconds: r.handle_seconds,
    channels: r.channels,
    firstContactAt: new Date(r.first_contact_at),
    lastContactAt: new Date(r.last_contact_at),
    segment: r.segment,
  }));
}
