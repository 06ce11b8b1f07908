import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { startJobQueue } from '@switchboard/subgraph-kit';
import { registerRepeatSettling } from './feedback/feedback-repeat.jobs';
import { registerRecategorizing } from './feedback-rules/feedback-recategorize.jobs';
import { registerServiceRecovery } from './service-recovery/service-recovery.jobs';
import { VOC_JOBS_SCHEMA } from './voc.jobs-schema';

/**
 * voc's background work on one pg-boss queue: repeat contacts settled hourly, service recovery sent
 * every minute, feedback re-filed after a rule set is published.
 */
export function startVocJobs(services: { orm: MikroORM; logger: Logger }): () => void {
  const em = services.orm.em as EntityManager;
  return startJobQueue({
    subgraph: 'voc',
    schema: VOC_JOBS_SCHEMA,
    logger: services.logger,
    component: 'voc-jobs',
    setup: async (boss, logger) => {
      await registerRepeatSettling(boss, em, logger);
      await registerServiceRecovery(boss, em, logger);
      await registerRecategorizing(boss, em, logger);
    },
  });
}
