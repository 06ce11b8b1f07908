import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '@switchboard/server';
import { isUuid } from '../common/intervals';
import { rollUpSql } from '../ingest/roll-up';
import { inPgTransaction } from '../ingest/pg-client';
import { rebuildQueueSegments } from '../stats/segment-rollup';
import type { Channel } from '../contact/contact-record';
import { Queue } from './queue.entity';
import type { UpdateQueueInput } from './queue.input';

export class QueueService {
  constructor(private readonly em: EntityManager) {}

  list(channel?: Channel | null): Promise<Queue[]> {
    return this.em.find(Queue, channel ? { channel } : {}, { orderBy: { code: 'asc' } });
  }

  findByIds(ids: readonly string[]): Promise<Queue[]> {
    return this.em.find(Queue, { id: { $in: ids.filter(isUuid) } });
  }

  findByCode(code: string): Promise<Queue | null> {
    return this.em.findOne(Queue, { code });
  }

  /**
   * Updates a queue. A new T or S changes which contacts met the service level, so the queue's
   * rollups are rebuilt from its contacts in the same transaction.
   */
  async update(id: string, input: UpdateQueueInput): Promise<Queue> {
    const queue = isUuid(id) ? await this.em.findOne(Queue, { id }) : null;
    if (!queue) throw notFound('Queue', 'id', id);
    for (const field of [
      'serviceLevelThresholdSeconds',
      'shortAbandonSeconds',
      'serviceLevelTarget',
      'serviceLevelVariant',
    ] as const) {
      if (input[field] === null)
        throw badUserInput({ field, message: 'cannot be null; leave it out to keep the current value' });
    }
    const thresholdsChange =
      (input.serviceLevelThresholdSeconds !== undefined &&
        input.serviceLevelThresholdSeconds !== queue.slThresholdSeconds) ||
      (input.shortAbandonSeconds !== undefined && input.shortAbandonSeconds !== queue.shortAbandonSeconds);
    if (input.name !== undefined) queue.name = input.name;
    if (input.centerId !== undefined) queue.centerId = input.centerId?.toLowerCase() ?? null;
    if (input.serviceLevelThresholdSeconds !== undefined)
      queue.slThresholdSeconds = input.serviceLevelThresholdSeconds;
    if (input.shortAbandonSeconds !== undefined) queue.shortAbandonSeconds = input.shortAbandonSeconds;
    if (input.serviceLevelTarget !== undefined) queue.slTarget = input.serviceLevelTarget;
    if (input.serviceLevelVariant !== undefined) queue.slVariant = input.serviceLevelVariant;
    await inPgTransaction(this.em, async (client) => {
      // Roll-ups hold the watermark row: this waits for the one under way and keeps the next out until
      // it commits, so no contact is rolled up with the old thresholds, or twice. Contacts up to the
      // watermark are rebuilt here; those above it, the next roll-up adds with the new thresholds.
      const watermark = thresholdsChange
        ? (
            await client.query<{ last: string }>(
              'select last_contact_id::text as last from rollup_watermark where id = 1 for update',
            )
          ).rows[0].last
        : null;
      await client.query(
        `update queue set name = $2, center_id = $3, sl_threshold_seconds = $4, short_abandon_seconds = $5,
           sl_target = $6, sl_variant = $7 where id = $1`,
        [
          queue.id,
          queue.name,
          queue.centerId,
          queue.slThresholdSeconds,
          queue.shortAbandonSeconds,
          queue.slTarget,
          queue.slVariant,
        ],
      );
      if (watermark !== null) {
        // Rollups before the retention horizon stay as they are: their contacts are gone.
        const since = (
          await client.query<{ since: string }>(
            `select coalesce((select horizon from contact_retention where id = 1), '-infinity')::text as since`,
          )
        ).rows[0].since;
        await client.query('delete from interval_stat where queue_key = $1 and interval_start >= $2', [
          queue.id,
          since,
        ]);
        await client.query('delete from queue_interval_stat where queue_key = $1 and interval_start >= $2', [
          queue.id,
          since,
        ]);
        await client.query(
          `with of_queue as (select * from contact where queue_id = $1 and id <= $2::bigint and arrived_at >= $3),
           ${rollUpSql('of_queue')} select count(*) from rolled`,
          [queue.id, watermark, since],
        );
        await rebuildQueueSegments(client, queue.id, watermark, since);
      }
    });
    return queue;
  }
}
