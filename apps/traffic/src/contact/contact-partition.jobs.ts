import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { startJobQueue } from '@switchboard/subgraph-kit';
import { TRAFFIC_JOBS_SCHEMA } from '../alert/alert.jobs';
import { inPgTransaction } from '../ingest/pg-client';
import {
  applyContactRetention,
  contactRetentionMonths,
  monthsAhead,
  readyContactMonths,
} from './contact-partitions';

export const CONTACT_PARTITIONS_QUEUE = 'traffic-contact-partitions';

/** Months made ahead of today's, so that an import seldom has to create one (and take its lock). */
export const MONTHS_AHEAD = 2;

/**
 * The month partitions' upkeep, in one transaction: this month's and the next MONTHS_AHEAD made if
 * missing, then, when CONTACT_RETENTION_MONTHS is set, the months before the horizon dropped.
 * Returns what it did.
 */
export async function keepContactPartitions(
  em: EntityManager,
  retentionMonths: number | null,
  today: Date = new Date(),
): Promise<{ dropped: number }> {
  return inPgTransaction(em, async (client) => {
    await readyContactMonths(client, monthsAhead(today, MONTHS_AHEAD));
    return {
      dropped: retentionMonths === null ? 0 : await applyContactRetention(client, retentionMonths, today),
    };
  });
}

/**
 * On pg-boss like the alert jobs: every CONTACT_PARTITION_JOB_MS (default an hour) each replica
 * offers the upkeep with one singleton key per period, so one replica does it per period.
 */
export function startContactPartitionJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  const periodMs = Number(process.env.CONTACT_PARTITION_JOB_MS ?? 3_600_000);
  const retentionMonths = contactRetentionMonths();
  return startJobQueue({
    subgraph: 'traffic',
    schema: TRAFFIC_JOBS_SCHEMA,
    logger: services.logger,
    component: 'contact-partition-jobs',
    setup: async (instance, logger) => {
      await instance.createQueue(CONTACT_PARTITIONS_QUEUE);
      await instance.work(CONTACT_PARTITIONS_QUEUE, async () => {
        const result = await keepContactPartitions(em.fork() as EntityManager, retentionMonths);
        if (result.dropped) logger.info({ ...result, retentionMonths }, 'contact months dropped');
      });
      const offer = (): void => {
        const period = Math.floor(Date.now() / periodMs);
        void instance
          .send(CONTACT_PARTITIONS_QUEUE, {}, { singletonKey: `tick-${period}` })
          .catch((error: unknown) => logger.error({ err: error }, 'contact partition upkeep not queued'));
      };
      offer();
      const timer = setInterval(offer, periodMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  });
}
