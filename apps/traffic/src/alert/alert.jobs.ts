import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import type { JobBoss } from '@switchboard/subgraph-kit';
import { deliverAlertNotification, undeliveredAlertNotifications } from './alert-delivery';
import { evaluateAlertRules } from './alert-evaluator';

export const EVALUATE_QUEUE = 'traffic-alert-evaluate';
export const ALERT_DELIVERY_QUEUE = 'traffic-alert-delivery';
/** pg-boss's tables live in traffic's own database, in a schema of their own. */
export const TRAFFIC_JOBS_SCHEMA = 'traffic_jobs';

/**
 * Alert evaluation and delivery on pg-boss, as care's escalations: every ALERT_EVALUATION_MS (5000)
 * each replica offers an evaluation job with one singleton key per period, so one replica evaluates
 * per period (pg-boss's schedules run at most once a minute); the evaluation locks its rules FOR
 * UPDATE SKIP LOCKED anyway. Each outbox row not yet delivered becomes a delivery job (singleton per
 * row) retried with exponential backoff. Registered on traffic's one pg-boss instance
 * (startTrafficJobs); returns what else to stop (the timer).
 */
export async function registerAlertJobs(
  instance: JobBoss,
  em: EntityManager,
  logger: Logger,
): Promise<() => void> {
  const periodMs = Number(process.env.ALERT_EVALUATION_MS ?? 5000);
  await instance.createQueue(EVALUATE_QUEUE);
  await instance.createQueue(ALERT_DELIVERY_QUEUE, { retryLimit: 8, retryDelay: 5, retryBackoff: true });
  await instance.work(EVALUATE_QUEUE, async () => {
    const result = await evaluateAlertRules(em);
    for (const id of await undeliveredAlertNotifications(em))
      await instance.send(ALERT_DELIVERY_QUEUE, { id }, { singletonKey: id });
    if (result.fired || result.cleared) logger.info(result, 'alert evaluation');
  });
  await instance.work<{ id: string }>(ALERT_DELIVERY_QUEUE, async (jobs) => {
    for (const job of jobs) await deliverAlertNotification(em, job.data.id);
  });
  const offer = (): void => {
    const period = Math.floor(Date.now() / periodMs);
    void instance
      .send(EVALUATE_QUEUE, {}, { singletonKey: `tick-${period}` })
      .catch((error: unknown) => logger.error({ err: error }, 'alert evaluation not queued'));
  };
  offer();
  const timer = setInterval(offer, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}
