import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ContactRecord } from '../contact/contact-record';
import type { CustomerSegment } from '../model/segments';
import { monthsOf, readyContactMonths } from '../contact/contact-partitions';
import { isoUtc } from './timestamp';

export interface StoredBatch {
  inserted: number;
  duplicates: number;
}

const COLUMNS =
  'id, source, external_id, channel, direction, queue_id, agent, customer_key, arrived_at, answered_at, ended_at, hold_seconds, acw_seconds, outcome, transferred, wrapup_code, customer_segment';
const KEY_COLUMNS = 'source, external_id, contact_id, arrived_at';

/** A record's customer segment as stamped at ingest (null: not known; see customer-segments.ts). */
export type SegmentOf = (customerKey: string | null) => CustomerSegment | null;

const NO_SEGMENT: SegmentOf = () => null;

/** COPY data is sent in chunks of about this many characters (one CopyData message and write each). */
const COPY_CHUNK = 128 * 1024;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text format: tab-separated, \N for null, backslash escapes (only where a value needs them). */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

/** A record to store with the id drawn for it. */
interface Numbered {
  id: string;
  r: ContactRecord;
}

function copyLine({ id, r }: Numbered, queueId: string | null, segment: CustomerSegment | null): string {
  return `${id}\t${copyText(r.source)}\t${copyText(r.externalId)}\t${r.channel}\t${r.direction}\t${queueId ?? '\\N'}\t${copyText(
    r.agent,
  )}\t${copyText(r.customerKey)}\t${isoUtc(r.arrivedAt)}\t${r.answeredAt ? isoUtc(r.answeredAt) : '\\N'}\t${isoUtc(r.endedAt)}\t${r.holdSeconds}\t${r.acwSeconds}\t${r.outcome}\t${r.transferred ? 't' : 'f'}\t${copyText(r.wrapupCode)}\t${segment ?? '\\N'}\n`;
}

function keyLine({ id, r }: Numbered): string {
  return `${copyText(r.source)}\t${copyText(r.externalId)}\t${id}\t${isoUtc(r.arrivedAt)}\n`;
}

/**
 * The lines in chunks of about COPY_CHUNK characters, each line appended straight to its chunk (no
 * array of lines to join), and each chunk encoded as soon as it is full, while the lines are young:
 * made lazily, as COPY takes them. (Building every chunk of a batch first kept some 600,000 string
 * pieces per batch alive until they were sent: about four times the CPU, mostly the garbage
 * collector's, 7.3 us a row against 1.7.)
 */
function* copyChunks(rows: Numbered[], line: (row: Numbered) => string): Generator<Buffer> {
  let text = '';
  for (const row of rows) {
    text += line(row);
    if (text.length >= COPY_CHUNK) {
      yield Buffer.from(text);
      text = '';
    }
  }
  if (text) yield Buffer.from(text);
}

/** COPYs the chunks into `table` (`columns`); returns the number of rows stored. */
async function copyInto(
  client: Client,
  table: string,
  columns: string,
  chunks: Iterable<Buffer>,
): Promise<number> {
  const copy = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
  await pipeline(Readable.from(chunks), copy);
  return copy.rowCount;
}

/**
 * Transaction-scoped advisory lock taken by every writer of contacts: batches are written one at a
 * time, so a batch's ids are all greater than those of every batch committed before it (what
 * `rollUpCommitted` relies on). The partition functions of the migration take it too.
 */
const LOCK_WRITERS = 'select pg_advisory_xact_lock(1668244596)';

/**
 * `n` ids from the contact sequence: the first and, only when another session drew some of the same
 * range meanwhile (nothing else writes contacts, but the sequence does not know that), every one.
 */
const DRAW_IDS = `select min(v)::text as first,
  case when max(v) - min(v) + 1 = count(*) then null else array_agg(v order by v)::text[] end as ids
  from (select nextval('contact_id_seq') as v from generate_series(1, $1::int)) drawn`;

async function drawIds(client: Client, n: number): Promise<(i: number) => string> {
  const { first, ids } = (await client.query<{ first: string; ids: string[] | null }>(DRAW_IDS, [n])).rows[0];
  if (ids) return (i) => ids[i];
  const base = BigInt(first);
  return (i) => String(base + BigInt(i));
}

/** 1-based positions of the (source, external_id) pairs already stored (their key claimed). */
const STORED_KEYS = `select k.i::int as i from unnest($1::text[], $2::text[]) with ordinality as k(source, external_id, i)
  where exists (select 1 from contact_key c where c.source = k.source and c.external_id = k.external_id)`;

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** The records without the ones whose natural key came earlier in the list (the first one counts). */
function firstOfEachKey(records: Numbered[]): Numbered[] {
  const seen = new Map<string, Set<string>>();
  return records.filter(({ r }) => {
    let ids = seen.get(r.source);
    if (!ids) seen.set(r.source, (ids = new Set()));
    if (ids.has(r.externalId)) return false;
    ids.add(r.externalId);
    return true;
  });
}

/**
 * Writes one batch in the caller's transaction: queues created on first sight, the partitions of its
 * months made if missing, the new contacts' natural keys COPYed into `contact_key` and the contacts
 * into `contact` (ids drawn first, so both carry them). Rows already stored are skipped by their
 * natural key: the keys are first COPYed as they are (a fresh import's usual case; the key's unique
 * index checks them) and only if some key is already claimed (or repeated within the batch) are the
 * stored keys looked up and the rest COPYed, each key once. Contacts before the retention horizon
 * are skipped too (counted as duplicates: their figures are in the rollups already). The rollups are
 * not touched: `rollUpCommitted` adds the batch once it is committed.
 */
export async function writeContactBatch(
  client: Client,
  records: ContactRecord[],
  queues = new Map<string, string>(),
  segmentOf: SegmentOf = NO_SEGMENT,
): Promise<StoredBatch> {
  // The lock first: queues created on first sight are inserted under it too, so two writers
  // never wait on each other's new queue rows while one holds the lock (a deadlock).
  await client.query(LOCK_WRITERS);
  await ensureQueues(client, records, queues);
  const horizon = await readyContactMonths(client, monthsOf(records.map((r) => r.arrivedAt)));
  const kept = horizon ? records.filter((r) => r.arrivedAt >= horizon) : records;
  if (kept.length === 0) return { inserted: 0, duplicates: records.length };
  const idOf = await drawIds(client, kept.length);
  const numbered = kept.map((r, i) => ({ id: idOf(i), r }));
  const queueOf = (r: ContactRecord): string | null => (r.queue ? (queues.get(r.queue) ?? null) : null);
  const contactLine = (row: Numbered): string => copyLine(row, queueOf(row.r), segmentOf(row.r.customerKey));
  await client.query('savepoint contact_copy');
  let fresh = numbered;
  try {
    await copyInto(client, 'contact_key', KEY_COLUMNS, copyChunks(numbered, keyLine));
    await client.query('release savepoint contact_copy');
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('rollback to savepoint contact_copy');
    const unique = firstOfEachKey(numbered);
    const stored = await client.query<{ i: number }>(STORED_KEYS, [
      unique.map(({ r }) => r.source),
      unique.map(({ r }) => r.externalId),
    ]);
    const skip = new Set(stored.rows.map((row) => row.i - 1));
    fresh = unique.filter((_, i) => !skip.has(i));
    if (fresh.length) await copyInto(client, 'contact_key', KEY_COLUMNS, copyChunks(fresh, keyLine));
  }
  const inserted =
    fresh.length === 0 ? 0 : await copyInto(client, 'contact', COLUMNS, copyChunks(fresh, contactLine));
  return { inserted, duplicates: records.length - inserted };
}

/**
 * Fills `queues` (code -> id) for the batch's queue codes, creating the queues named for the first
 * time (channel from the row). Codes already in the map cost nothing: one map serves a whole import.
 */
export async function ensureQueues(
  client: Client,
  records: ContactRecord[],
  queues: Map<string, string>,
): Promise<void> {
  const channels = new Map<string, string>();
  for (const r of records)
    if (r.queue && !queues.has(r.queue) && !channels.has(r.queue)) channels.set(r.queue, r.channel);
  if (channels.size === 0) return;
  const codes = [...channels.keys()];
  await client.query(
    `insert into queue (id, code, channel, created_at)
     select gen_random_uuid(), code, channel::channel, now() from unnest($1::text[], $2::text[]) as q(code, channel)
     on conflict (code) do nothing`,
    [codes, codes.map((c) => channels.get(c))],
  );
  const rows = await client.query<{ id: string; code: string }>(
    'select id, code from queue where code = any($1)',
    [codes],
  );
  for (const row of rows.rows) queues.set(row.code, row.id);
}
