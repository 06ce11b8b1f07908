import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import type { JobBoss } from '@switchboard/subgraph-kit';
import { recategorizePending } from './feedback-rule-set.service';

export const RECATEGORIZE_QUEUE = 'voc-feedback-recategorize';

/**
 * Re-files feedback after a rule set was published with more waiting than the publishing request
 * re-files itself: a schedule every minute (pg-boss runs it once across replicas), batches of
 * RECATEGORIZE_BATCH each in its own transaction (rows another run holds are skipped), a run that
 * hit its batch limit queueing the next at once.
 */
export async function registerRecategorizing(
  boss: JobBoss,
  em: EntityManager,
  logger: Logger,
): Promise<void> {
  await boss.createQueue(RECATEGORIZE_QUEUE);
  await boss.schedule(RECATEGORIZE_QUEUE, '* * * * *');
  const maxBatches = 100;
  await boss.work(RECATEGORIZE_QUEUE, async () => {
    const run = await recategorizePending(em, maxBatches);
    if (run.batches === maxBatches) await boss.send(RECATEGORIZE_QUEUE, {}, { singletonKey: 'more' });
    if (run.recategorized) logger.info(run, 'feedback re-filed by the published rules');
  });
  await boss.send(RECATEGORIZE_QUEUE, {}, { singletonKey: 'start' });
}
