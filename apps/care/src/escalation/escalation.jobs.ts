import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { startJobQueue } from '@switchboard/subgraph-kit';
import { matchContacts } from '../commitment/commitment-matcher';
import { deliverNotification, undeliveredNotifications } from '../notification/notification-delivery';
import { sweepEscalations } from './escalation.sweeper';

export const SWEEP_QUEUE = 'care-escalation-sweep';
export const DELIVERY_QUEUE = 'care-notification-delivery';
export const MATCH_QUEUE = 'care-contact-match';
/** pg-boss's tables live in care's own database, in a schema of their own. */
export const JOBS_SCHEMA = 'care_jobs';

/**
 * The escalation sweeper and the webhook delivery on pg-boss (a PostgreSQL job queue in care's own
 * database): a schedule every minute queues a sweep (pg-boss runs a schedule once across replicas;
 * each sweep locks its rows FOR UPDATE SKIP LOCKED anyway), a sweep that filled its batch queues
 * the next at once, and each outbox row not yet delivered becomes a delivery job (singleton per row)
 * retried with exponential backoff. Returns the stop.
 */
export function startEscalationJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  return startJobQueue({
    subgraph: 'care',
    schema: JOBS_SCHEMA,
    logger: services.logger,
    component: 'escalation-jobs',
    setup: async (instance, logger) => {
      await instance.createQueue(SWEEP_QUEUE);
      await instance.createQueue(DELIVERY_QUEUE, { retryLimit: 8, retryDelay: 5, retryBackoff: true });
      await instance.schedule(SWEEP_QUEUE, '* * * * *');
      await instance.work(SWEEP_QUEUE, async () => {
        const batch = 500;
        const result = await sweepEscalations(em, { batch });
        if (result.commitments === batch) await instance.send(SWEEP_QUEUE, {}, { singletonKey: 'more' });
        for (const id of await undeliveredNotifications(em)) {
          await instance.send(DELIVERY_QUEUE, { id }, { singletonKey: id });
        }
        logger.info(result, 'escalation sweep');
      });
      // automatic fulfilment: traffic's new contacts of customers with open commitments, every minute
      await instance.createQueue(MATCH_QUEUE);
      await instance.schedule(MATCH_QUEUE, '* * * * *');
      await instance.work(MATCH_QUEUE, async () => {
        try {
          logger.info(await matchContacts(em), 'contact matching');
        } catch (error) {
          // pg-boss keeps a failed job's error to itself: say it (traffic refusing the call, say)
          logger.error({ err: error }, 'contact matching failed');
          throw error;
        }
      });
      // a replica (re)started sweeps at once: what came due while it was down is not left for the minute
      await instance.send(SWEEP_QUEUE, {}, { singletonKey: 'start' });
      await instance.work<{ id: string }>(DELIVERY_QUEUE, async (jobs) => {
        for (const job of jobs) await deliverNotification(em, job.data.id);
      });
    },
  });
}
