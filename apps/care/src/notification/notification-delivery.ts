import type { EntityManager } from '@mikro-orm/postgresql';
import { careServices } from '../care-services';
import { NotificationRow } from '../escalation/escalation.entity';

export type DeliveryOutcome = 'DELIVERED' | 'ALREADY_DELIVERED' | 'NO_WEBHOOK' | 'UNKNOWN';

/**
 * Sends one outbox row to the webhook and records the attempt. A failure is recorded and thrown,
 * so the job queue (pg-boss: retryLimit, retryBackoff) tries again; a row delivered once is not
 * sent again. The receiver dedupes on the row's id (at-least-once delivery of an exactly-once row).
 */
export async function deliverNotification(em: EntityManager, id: string): Promise<DeliveryOutcome> {
  const { webhookUrl, sendWebhook, clock } = careServices();
  const fork = em.fork();
  const row = await fork.findOne(NotificationRow, { id });
  if (!row) return 'UNKNOWN';
  if (row.deliveredAt) return 'ALREADY_DELIVERED';
  if (!webhookUrl) return 'NO_WEBHOOK';
  row.deliveryAttempts += 1;
  try {
    await sendWebhook(webhookUrl, {
      id: row.id,
      commitmentId: row.commitmentId,
      level: row.level,
      recipient: row.recipient,
      employeeNo: row.addressEmployeeNo,
      role: row.addressRole,
      centerId: row.centerId,
      action: row.action,
      createdAt: row.createdAt.toISOString(),
    });
    row.deliveredAt = clock();
    row.lastDeliveryError = null;
    await fork.flush();
    return 'DELIVERED';
  } catch (error) {
    row.lastDeliveryError = (error as Error).message.slice(0, 500);
    await fork.flush();
    throw error;
  }
}

/** Outbox rows not yet delivered, oldest first (the delivery jobs to queue). */
export async function undeliveredNotifications(em: EntityManager, limit = 1000): Promise<string[]> {
  const rows = await em
    .fork()
    .find(NotificationRow, { deliveredAt: null }, { fields: ['id'], orderBy: { createdAt: 'asc' }, limit });
  return rows.map((r) => r.id);
}
