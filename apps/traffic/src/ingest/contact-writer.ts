import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { intervalStartSql } from '../common/intervals';
import type { ContactRecord } from '../contact/contact-record';

export interface StoredBatch {
  inserted: number;
  duplicates: number;
}

const STAGE_COLUMNS =
  'source, external_id, channel, direction, queue_id, agent, customer_key, arrived_at, answered_at, ended_at, hold_seconds, acw_seconds, outcome, transferred, wrapup_code';

/** Per connection, emptied at commit (and after each batch). */
const STAGE_TABLE = `create temp table if not exists contact_stage (
  source text, external_id text, channel channel, direction direction, queue_id uuid, agent text, customer_key text,
  arrived_at timestamptz, answered_at timestamptz, ended_at timestamptz, hold_seconds double precision,
  acw_seconds double precision, outcome outcome, transferred boolean, wrapup_code text
) on commit delete rows`;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyField(value: string | number | boolean | Date | null): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string,
  );
}

function* copyLines(records: ContactRecord[], queueIds: Map<string, string>): Generator<string> {
  for (const r of records) {
    yield `${[
      r.source,
      r.externalId,
      r.channel,
      r.direction,
      r.queue ? (queueIds.get(r.queue) ?? null) : null,
      r.agent,
      r.customerKey,
      r.arrivedAt,
      r.answeredAt,
      r.endedAt,
      r.holdSeconds,
      r.acwSeconds,
      r.outcome,
      r.transferred,
      r.wrapupCode,
    ]
      .map(copyField)
      .join('\t')}\n`;
  }
}

/**
 * Adds the contacts of relation `source` (columns of `contact`) to their 15-minute rollups, with
 * each queue's T and S. Used on the newly inserted rows of an import, and to rebuild a queue.
 */
export function rollUpSql(source: string): string {
  return `measured as (
  select ${intervalStartSql('c.arrived_at')} as interval_start,
         coalesce(c.queue_id::text, '') as queue_key, coalesce(c.agent, '') as agent_key, c.channel,
         c.direction = 'INBOUND' and c.outcome in ('ANSWERED', 'ABANDONED') as offered,
         c.outcome, c.direction, c.transferred, c.hold_seconds, c.acw_seconds,
         extract(epoch from coalesce(c.answered_at, c.ended_at) - c.arrived_at) as wait,
         extract(epoch from c.ended_at - c.answered_at) as after_answer,
         coalesce(q.sl_threshold_seconds, 20) as t, coalesce(q.short_abandon_seconds, 5) as s
  from ${source} c left join queue q on q.id = c.queue_id
), rolled as (
  insert into interval_stat (interval_start, queue_key, agent_key, channel, answered, abandoned, short_abandoned,
    answered_within_threshold, abandoned_within_threshold, transferred, ivr, callback, overflow, outbound,
    wait_seconds_answered, handle_seconds, talk_seconds, hold_seconds, acw_seconds, max_wait_seconds)
  select interval_start, queue_key, agent_key, channel,
    count(*) filter (where offered and outcome = 'ANSWERED'),
    count(*) filter (where offered and outcome = 'ABANDONED'),
    count(*) filter (where offered and outcome = 'ABANDONED' and wait < s),
    count(*) filter (where offered and outcome = 'ANSWERED' and wait <= t),
    count(*) filter (where offered and outcome = 'ABANDONED' and wait <= t),
    count(*) filter (where offered and outcome = 'ANSWERED' and transferred),
    count(*) filter (where outcome = 'IVR'),
    count(*) filter (where outcome = 'CALLBACK'),
    count(*) filter (where outcome = 'OVERFLOW'),
    count(*) filter (where direction = 'OUTBOUND'),
    coalesce(sum(wait) filter (where offered and outcome = 'ANSWERED'), 0),
    coalesce(sum(after_answer + acw_seconds) filter (where offered and outcome = 'ANSWERED'), 0),
    coalesce(sum(after_answer - hold_seconds) filter (where offered and outcome = 'ANSWERED'), 0),
    coalesce(sum(hold_seconds) filter (where offered and outcome = 'ANSWERED'), 0),
    coalesce(sum(acw_seconds) filter (where offered and outcome = 'ANSWERED'), 0),
    max(wait) filter (where offered)
  from measured
  group by interval_start, queue_key, agent_key, channel
  on conflict (interval_start, queue_key, agent_key, channel) do update set
    answered = interval_stat.answered + excluded.answered,
    abandoned = interval_stat.abandoned + excluded.abandoned,
    short_abandoned = interval_stat.short_abandoned + excluded.short_abandoned,
    answered_within_threshold = interval_stat.answered_within_threshold + excluded.answered_within_threshold,
    abandoned_within_threshold = interval_stat.abandoned_within_threshold + excluded.abandoned_within_threshold,
    transferred = interval_stat.transferred + excluded.transferred,
    ivr = interval_stat.ivr + excluded.ivr,
    callback = interval_stat.callback + excluded.callback,
    overflow = interval_stat.overflow + excluded.overflow,
    outbound = interval_stat.outbound + excluded.outbound,
    wait_seconds_answered = interval_stat.wait_seconds_answered + excluded.wait_seconds_answered,
    handle_seconds = interval_stat.handle_seconds + excluded.handle_seconds,
    talk_seconds = interval_stat.talk_seconds + excluded.talk_seconds,
    hold_seconds = interval_stat.hold_seconds + excluded.hold_seconds,
    acw_seconds = interval_stat.acw_seconds + excluded.acw_seconds,
    max_wait_seconds = greatest(interval_stat.max_wait_seconds, excluded.max_wait_seconds)
  returning 1
)`;
}

/** One statement: insert the staged contacts that are new (the natural key skips the rest) and roll up exactly those. */
const INSERT_AND_ROLL_UP = `
with ins as (
  insert into contact (${STAGE_COLUMNS})
  select ${STAGE_COLUMNS} from contact_stage
  on conflict (source, external_id) do nothing
  returning *
), ${rollUpSql('ins')}
select (select count(*) from ins)::int as inserted, (select count(*) from rolled)::int as intervals`;

/**
 * Writes one batch in the caller's transaction: queues created on first sight, the rows COPYed into
 * a temporary stage, then inserted and rolled up by one statement. The stage empties at commit; even
 * if a caller wrote two batches in one transaction, rows seen twice are skipped by the natural key
 * and only newly inserted rows reach the rollups.
 */
export async function writeContactBatch(
  client: Client,
  records: ContactRecord[],
  queues = new Map<string, string>(),
): Promise<StoredBatch> {
  await ensureQueues(client, records, queues);
  // Every batch: a rolled-back first batch also rolls back the table's creation.
  await client.query(STAGE_TABLE);
  const copy = client.query(copyFrom(`copy contact_stage (${STAGE_COLUMNS}) from stdin`));
  await pipeline(Readable.from(copyLines(records, queues)), copy);
  const result = await client.query<{ inserted: number }>(INSERT_AND_ROLL_UP);
  const inserted = result.rows[0].inserted;
  return { inserted, duplicates: records.length - inserted };
}

/**
 * Fills `queues` (code -> id) for the batch's queue codes, creating the queues named for the first
 * time (channel from the row). Codes already in the map cost nothing: one map serves a whole import.
 */
async function ensureQueues(
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
