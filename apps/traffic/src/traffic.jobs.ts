import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { startJobQueue } from '@switchboard/subgraph-kit';
import { registerAlertJobs, TRAFFIC_JOBS_SCHEMA } from './alert/alert.jobs';
import { registerContactPartitionJobs } from './contact/contact-partition.jobs';

/**
 * traffic's background work on one pg-boss instance (one per process, as every subgraph's): alert
 * evaluation and delivery, and the contact months' upkeep (partitions ahead, retention). Returns the stop.
 */
export function startTrafficJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  return startJobQueue({
    subgraph: 'traffic',
    schema: TRAFFIC_JOBS_SCHEMA,
    logger: services.logger,
    component: 'traffic-jobs',
    setup: async (instance, logger) => {
      const stopAlerts = await registerAlertJobs(instance, em, logger);
      await registerContactPartitionJobs(instance, em, logger);
      return stopAlerts;
    },
  });
}
