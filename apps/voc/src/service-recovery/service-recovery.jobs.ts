import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { migrationDatabaseUrlFor } from '@switchboard/postgres';
import type { Logger } from '@switchboard/server';
import { sendServiceRecoveries } from './service-recovery.sender';

export const RECOVERY_QUEUE = 'voc-service-recovery';
/** pg-boss's tables live in voc's own database, in a schema of their own (as care's and traffic's). */
export const JOBS_SCHEMA = 'voc_jobs';

/**
 * Service recovery on pg-boss in voc's database: a schedule every minute queues one run (pg-boss runs a
 * schedule once across replicas), which sends the
 * outbox's pending recoveries to care; a run that filled its batch queues the next at once, and a
 * failed run is retried with backoff. Returns the stop.
 */
export function startServiceRecoveryJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  const logger = services.logger.child({ component: 'service-recovery-jobs' });
  let stopped = false;
  let boss: { stop: (o?: object) => Promise<void> } | null = null;
  void (async () => {
    const { PgBoss } = await import('pg-boss');
    const instance = new PgBoss({
      connectionString: process.env.VOC_JOBS_DATABASE_URL || migrationDatabaseUrlFor('voc'),
      schema: JOBS_SCHEMA,
    });
    instance.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
    await instance.start();
    boss = instance;
    if (stopped) return void instance.stop();
    await instance.createQueue(RECOVERY_QUEUE, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
    await instance.schedule(RECOVERY_QUEUE, '* * * * *');
    await instance.work(RECOVERY_QUEUE, async () => {
      const batch = 200;
      const run = await sendServiceRecoveries(em, { batch, logger });
      if (run.sent + run.refused === batch) await instance.send(RECOVERY_QUEUE, {}, { singletonKey: 'more' });
      if (run.sent || run.refused || run.failed) logger.info(run, 'service recovery');
      // care unreachable: the job fails, pg-boss retries it with backoff (the rows stay pending anyway)
      if (run.failed && !run.sent) throw new Error(`${run.failed} service recoveries not sent`);
    });
    // a replica (re)started sends at once what arrived while it was down
    await instance.send(RECOVERY_QUEUE, {}, { singletonKey: 'start' });
  })().catch((error) => logger.error({ err: error }, 'service recovery jobs did not start'));
  return () => {
    stopped = true;
    void boss?.stop({ graceful: true });
  };
}
