import type { Client } from 'pg';
import { intervalStartSql } from '../common/intervals';
import { MEASURES, type Measure } from '../model/measures';
import { OUTCOME_FACT_COLUMNS, outcomeFactJoins, outcomeFactsSql } from '../outcome/outcome-facts.sql';
import { rollUpSegments } from '../stats/segment-rollup';

const MEASURE_LIST = MEASURES.map((m) => m.column).join(', ');

/** Upsert into `table` keyed by `keys`: counts and sums add up, the longest wait is the greater. */
function upsertSql(name: string, table: string, keys: string[], select: string): string {
  const updates = MEASURES.map(({ column: c, combine }) =>
    combine === 'sum'
      ? `${c} = ${table}.${c} + excluded.${c}`
      : `${c} = greatest(${table}.${c}, excluded.${c})`,
  );
  return `${name} as (
  insert into ${table} (${keys.join(', ')}, ${MEASURE_LIST})
  ${select}
  on conflict (${keys.join(', ')}) do update set
    ${updates.join(',\n    ')}
  returning 1
)`;
}

/**
 * CTEs adding the contacts of relation `source` (columns of `contact`) to their 15-minute rollups,
 * with each queue's T and S: `rolled`, the agent-level rows (interval_stat), and `queue_rolled`, the
 * queue-level rows (queue_interval_stat) summed from the same grouped rows, so the two always agree.
 * Used on the newly inserted rows of an import, and to rebuild a queue.
 */
export function rollUpSql(source: string): string {
  const queueKeys = ['interval_start', 'queue_key', 'channel'];
  return `${outcomeFactsSql(source)}, ${measuredSql(source)}, ${upsertSql(
    'rolled',
    'interval_stat',
    ['interval_start', 'queue_key', 'agent_key', 'channel'],
    `select interval_start, queue_key, agent_key, channel, ${MEASURE_LIST} from grouped`,
  )}, ${upsertSql(
    'queue_rolled',
    'queue_interval_stat',
    queueKeys,
    `select ${queueKeys.join(', ')}, ${MEASURES.map((m) => `${m.combine}(${m.column})`).join(', ')}
  from grouped group by ${queueKeys.join(', ')}`,
  )}`;
}

/**
 * CTEs `measured` (one row per contact of `source` with what the measures read) and `grouped`
 * (the measures per 15-minute interval, queue, agent and channel). Needs `outcome_facts` and
 * `requiring_queue` (outcome-facts.sql.ts).
 */
export function measuredSql(source: string, measures: readonly Measure[] = MEASURES, suffix = ''): string {
  // Seconds as double precision (date_part; extract would give numeric, several times slower to
  // sum and compare) and counts as int (so the queue-level sums are bigint sums, not numeric ones):
  // the columns are double precision and int anyway (counts identical, sums of seconds summed in
  // double precision instead of rounded once at the end).
  return `measured${suffix} as (
  select ${intervalStartSql('c.arrived_at')} as interval_start,
         coalesce(c.queue_id::text, '') as queue_key, coalesce(c.agent, '') as agent_key, c.channel,
         c.direction = 'INBOUND' and c.outcome in ('ANSWERED', 'ABANDONED') as offered,
         c.outcome, c.direction, c.transferred, c.hold_seconds, c.acw_seconds,
         date_part('epoch', coalesce(c.answered_at, c.ended_at) - c.arrived_at) as wait,
         date_part('epoch', c.ended_at - c.answered_at) as after_answer,
         coalesce(q.sl_threshold_seconds, 20) as t, coalesce(q.short_abandon_seconds, 5) as s,
         ${OUTCOME_FACT_COLUMNS}
  from ${source} c left join queue q on q.id = c.queue_id ${outcomeFactJoins(suffix)}
), grouped${suffix} as (
  select interval_start, queue_key, agent_key, channel,
    ${measures.map((m) => `${m.grouped} as ${m.column}`).join(',\n    ')}
  from measured${suffix}
  group by interval_start, queue_key, agent_key, channel
)`;
}

/**
 * Adds every committed contact above the watermark to both rollups and moves the watermark past
 * them, in the caller's transaction (so exactly once: a roll-up that does not commit moves nothing).
 * The watermark row is held (FOR UPDATE) until the caller commits: roll-ups take turns, and a queue
 * rebuild holding it sees no roll-up half-way.
 *
 * Why a committed contact is never skipped: contact writers take turns (the writers' advisory lock,
 * held until commit), so a batch's ids, drawn from the sequence after the previous batch committed,
 * are all greater than every committed id; and a writer's commit is visible before its lock is
 * released. Whatever a snapshot sees is therefore every committed id up to its largest visible one,
 * the gaps being batches rolled back. The largest id `m` is read first; the roll-up statement's
 * later snapshot sees the same contacts up to `m` (any batch committed meanwhile has greater ids).
 * Returns whether there was anything to roll up.
 */
export async function rollUpCommitted(client: Client): Promise<boolean> {
  const watermark = await client.query<{ last: string }>(
    'select last_contact_id::text as last from rollup_watermark where id = 1 for update',
  );
  const last = await client.query<{ m: string }>('select coalesce(max(id), 0)::text as m from contact');
  const [from, to] = [watermark.rows[0].last, last.rows[0].m];
  if (BigInt(to) <= BigInt(from)) return false;
  // For this transaction: the groups hashed in memory (not spilled to disk), and no JIT
  // compilation (it costs more than it saves on a batch).
  await client.query("set local work_mem = '64MB'; set local jit = off");
  // The new contacts by their id range (an index range scan, however large the table has grown).
  await client.query(
    `with pending as (select * from contact where id > $1::bigint and id <= $2::bigint),
     ${rollUpSql('pending')}
     update rollup_watermark set last_contact_id = $2::bigint where id = 1`,
    [from, to],
  );
  await rollUpSegments(client, from, to); // issue 20: the small per-segment rollup, same range
  return true;
}
