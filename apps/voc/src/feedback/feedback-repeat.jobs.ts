import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import type { JobBoss } from '@switchboard/subgraph-kit';
import { gatewayReferences } from '../references/voc-references';
import { REPEAT_SETTLE_LIMIT, settleRepeatContacts } from './feedback-repeat.service';

export const REPEAT_QUEUE = 'voc-repeat-settle';

/**
 * Settles feedback's repeat contacts on voc's job queue (voc.jobs.ts): a schedule every hour
 * (pg-boss runs a schedule once across replicas) asks traffic, through the gateway, about the
 * feedback whose 7-day window has closed; a pass that filled its batch queues the next at once. A
 * failure (traffic down) is logged and retried at the next hour: nothing is half-set, each pass's
 * flags are one statement.
 */
export async function registerRepeatSettling(
  boss: JobBoss,
  em: EntityManager,
  logger: Logger,
): Promise<void> {
  await boss.createQueue(REPEAT_QUEUE);
  await boss.schedule(REPEAT_QUEUE, '17 * * * *');
  await boss.work(REPEAT_QUEUE, async () => {
    try {
      const settled = await settleRepeatContacts(em.fork(), gatewayReferences, new Date());
      if (settled === REPEAT_SETTLE_LIMIT) await boss.send(REPEAT_QUEUE, {}, { singletonKey: 'more' });
      logger.info({ settled }, 'repeat contacts settled');
    } catch (error) {
      logger.error({ err: error }, 'repeat contacts not settled');
      throw error;
    }
  });
  // a replica (re)started settles at once
  await boss.send(REPEAT_QUEUE, {}, { singletonKey: 'start' });
}
