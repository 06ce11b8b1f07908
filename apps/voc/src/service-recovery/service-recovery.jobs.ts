import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { startJobQueue, type JobBoss } from '@switchboard/subgraph-kit';
import { VOC_JOBS_SCHEMA } from '../voc.jobs-schema';
import { sendServiceRecoveries } from './service-recovery.sender';

export const RECOVERY_QUEUE = 'voc-service-recovery';

/**
 * Service recovery on voc's job queue: a schedule every minute queues one run (pg-boss runs a
 * schedule once across replicas), which sends the outbox's pending recoveries to care; a run that
 * filled its batch queues the next at once, and a failed run is retried with backoff.
 */
export async function registerServiceRecovery(
  boss: JobBoss,
  em: EntityManager,
  logger: Logger,
): Promise<void> {
  await boss.createQueue(RECOVERY_QUEUE, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  await boss.schedule(RECOVERY_QUEUE, '* * * * *');
  await boss.work(RECOVERY_QUEUE, async () => {
    const batch = 200;
    const run = await sendServiceRecoveries(em, { batch, logger });
    if (run.sent + run.refused === batch) await boss.send(RECOVERY_QUEUE, {}, { singletonKey: 'more' });
    if (run.sent || run.refused || run.failed) logger.info(run, 'service recovery');
    // care unreachable: the job fails, pg-boss retries it with backoff (the rows stay pending anyway)
    if (run.failed && !run.sent) throw new Error(`${run.failed} service recoveries not sent`);
  });
  // a replica (re)started sends at once what arrived while it was down
  await boss.send(RECOVERY_QUEUE, {}, { singletonKey: 'start' });
}

/** Service recovery alone on voc's queue (the jobs check in tools/bench drives it). Returns the stop. */
export function startServiceRecoveryJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  return startJobQueue({
    subgraph: 'voc',
    schema: VOC_JOBS_SCHEMA,
    logger: services.logger,
    component: 'service-recovery-jobs',
    setup: (boss, logger) => registerServiceRecovery(boss, services.orm.em as EntityManager, logger),
  });
}
