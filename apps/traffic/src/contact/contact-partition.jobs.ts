import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import type { JobBoss } from '@switchboard/subgraph-kit';
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

/** The upkeep's schedule: hourly, at five past (pg-boss runs a schedule once across replicas). */
export const CONTACT_PARTITIONS_CRON = '5 * * * *';

/**
 * The month partitions' upkeep on traffic's one pg-boss instance (startTrafficJobs): hourly by
 * pg-boss's schedule, and once as the service starts (a singleton per hour, so replicas starting
 * together queue it once), so a new deployment has its months before the first import.
 */
export async function registerContactPartitionJobs(
  instance: JobBoss,
  em: EntityManager,
  logger: Logger,
): Promise<void> {
  const retentionMonths = contactRetentionMonths();
  await instance.createQueue(CONTACT_PARTITIONS_QUEUE);
  await instance.work(CONTACT_PARTITIONS_QUEUE, async () => {
    const result = await keepContactPartitions(em.fork() as EntityManager, retentionMonths);
    if (result.dropped) logger.info({ ...result, retentionMonths }, 'contact months dropped');
  });
  await instance.schedule(CONTACT_PARTITIONS_QUEUE, CONTACT_PARTITIONS_CRON);
  await instance.send(
    CONTACT_PARTITIONS_QUEUE,
    {},
    { singletonKey: `start-${Math.floor(Date.now() / 3_600_000)}` },
  );
}
