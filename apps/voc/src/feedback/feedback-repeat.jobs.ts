import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { migrationDatabaseUrlFor } from '@switchboard/postgres';
import type { Logger } from '@switchboard/server';
import { gatewayReferences } from '../references/voc-references';
import { REPEAT_SETTLE_LIMIT, settleRepeatContacts } from './feedback-repeat.service';

export const REPEAT_QUEUE = 'voc-repeat-settle';
/** pg-boss's tables live in voc's own database, in a schema of their own. */
export const VOC_JOBS_SCHEMA = 'voc_jobs';

/**
 * Settles feedback's repeat contacts on pg-boss (a PostgreSQL job queue in voc's own database): a
 * schedule every hour (pg-boss runs a schedule once across replicas) asks traffic, through the
 * gateway, about the feedback whose 7-day window has closed; a pass that filled its batch queues the
 * next at once. A failure (traffic down) is logged and retried at the next hour: nothing is half-set,
 * each pass's flags are one statement. Returns the stop.
 */
export function startVocJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  const logger = services.logger.child({ component: 'voc-jobs' });
  let stopped = false;
  let boss: { stop: (o?: object) => Promise<void> } | null = null;
  void (async () => {
    // pg-boss is an ES module: loaded when the jobs start
    const { PgBoss } = await import('pg-boss');
    const instance = new PgBoss({
      connectionString: process.env.VOC_JOBS_DATABASE_URL || migrationDatabaseUrlFor('voc'),
      schema: VOC_JOBS_SCHEMA,
    });
    instance.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
    await instance.start();
    boss = instance;
    if (stopped) return void instance.stop();
    await instance.createQueue(REPEAT_QUEUE);
    await instance.schedule(REPEAT_QUEUE, '17 * * * *');
    await instance.work(REPEAT_QUEUE, async () => {
      try {
        const settled = await settleRepeatContacts(em.fork(), gatewayReferences, new Date());
        if (settled === REPEAT_SETTLE_LIMIT) await instance.send(REPEAT_QUEUE, {}, { singletonKey: 'more' });
        logger.info({ settled }, 'repeat contacts settled');
      } catch (error) {
        logger.error({ err: error }, 'repeat contacts not settled');
        throw error;
      }
    });
    // a replica (re)started settles at once
    await instance.send(REPEAT_QUEUE, {}, { singletonKey: 'start' });
  })().catch((error) => logger.error({ err: error }, 'voc jobs did not start'));
  return () => {
    stopped = true;
    void boss?.stop({ graceful: true });
  };
}
