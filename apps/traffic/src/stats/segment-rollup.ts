import type { Client } from 'pg';
import { intervalStartSql } from '../common/intervals';
import { MEASURES } from '../model/measures';

/**
 * The measures the segment rollup keeps: the contact's own (outcomes, which may arrive after their
 * contact was rolled up and move the main rollups, are not kept per segment).
 */
export const SEGMENT_MEASURES = MEASURES.filter((m) => !('outcome' in m));
export type SegmentMeasureColumn = (typeof SEGMENT_MEASURES)[number]['column'];

const LIST = SEGMENT_MEASURES.map((m) => m.column).join(', ');
const KEYS = ['interval_start', 'queue_key', 'channel', 'segment'];

/**
 * A statement adding the contacts of `where` (a condition on `contact c`, knex-free `$n` params)
 * whose customer is of a segment other than STANDARD to `queue_segment_interval_stat`: per
 * 15-minute interval, queue, channel and segment, the same measures as queue_interval_stat computed
 * by the same expressions (MEASURES), so STANDARD = total − the others exactly. A contact without a
 * segment (not looked up) is not in it: it counts as STANDARD.
 */
export function segmentRollUpSql(where: string): string {
  const updates = SEGMENT_MEASURES.map(({ column: c, combine }) =>
    combine === 'sum'
      ? `${c} = queue_segment_interval_stat.${c} + excluded.${c}`
      : `${c} = greatest(queue_segment_interval_stat.${c}, excluded.${c})`,
  );
  return `with segment_measured as (
  select ${intervalStartSql('c.arrived_at')} as interval_start,
         coalesce(c.queue_id::text, '') as queue_key, c.channel, c.customer_segment as segment,
         c.direction = 'INBOUND' and c.outcome in ('ANSWERED', 'ABANDONED') as offered,
         c.outcome, c.direction, c.transferred, c.hold_seconds, c.acw_seconds,
         date_part('epoch', coalesce(c.answered_at, c.ended_at) - c.arrived_at) as wait,
         date_part('epoch', c.ended_at - c.answered_at) as after_answer,
         coalesce(q.sl_threshold_seconds, 20) as t, coalesce(q.short_abandon_seconds, 5) as s
  from contact c left join queue q on q.id = c.queue_id
  where ${where} and c.customer_segment in ('VIP', 'SENSITIVE', 'VULNERABLE')
)
insert into queue_segment_interval_stat (${KEYS.join(', ')}, ${LIST})
select ${KEYS.join(', ')}, ${SEGMENT_MEASURES.map((m) => `${m.grouped} as ${m.column}`).join(',\n    ')}
from segment_measured
group by ${KEYS.join(', ')}
on conflict (${KEYS.join(', ')}) do update set
  ${updates.join(',\n  ')}`;
}

/** Adds the contacts with ids in (from, to] to the segment rollup (rollUpCommitted's range, its transaction). */
export async function rollUpSegments(client: Client, from: string, to: string): Promise<void> {
  await client.query(segmentRollUpSql('c.id > $1::bigint and c.id <= $2::bigint'), [from, to]);
}

/**
 * Rebuilds one queue's segment rows up to the watermark (a queue's settings changed: T and S), from
 * `since` (the retention horizon: older rows keep their figures, their contacts are gone).
 */
export async function rebuildQueueSegments(
  client: Client,
  queueId: string,
  watermark: string,
  since = '-infinity',
): Promise<void> {
  await client.query(
    'delete from queue_segment_interval_stat where queue_key = $1 and interval_start >= $2',
    [queueId, since],
  );
  await client.query(segmentRollUpSql('c.queue_id = $1 and c.id <= $2::bigint and c.arrived_at >= $3'), [
    queueId,
    watermark,
    since,
  ]);
}
