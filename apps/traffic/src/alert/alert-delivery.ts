import type { EntityManager } from '@mikro-orm/postgresql';
import { inPgTransaction } from '../ingest/pg-client';

export type AlertDeliveryOutcome = 'DELIVERED' | 'ALREADY_DELIVERED' | 'NO_WEBHOOK' | 'UNKNOWN';

/** Where alert notifications go (ALERT_WEBHOOK_URL) and how; replaceable in tests and the job check. */
export const alertDelivery = {
  webhookUrl: (): string | null => process.env.ALERT_WEBHOOK_URL || null,
  send: async (url: string, body: Record<string, unknown>): Promise<void> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  },
};

/**
 * Sends one outbox row to the webhook and records the attempt, as care's escalation outbox does: a
 * failure is recorded and thrown so the job queue retries with backoff; a row delivered once is not
 * sent again; the receiver dedupes on the row's id (at-least-once delivery of an exactly-once row).
 */
export async function deliverAlertNotification(em: EntityManager, id: string): Promise<AlertDeliveryOutcome> {
  const url = alertDelivery.webhookUrl();
  return inPgTransaction(em, async (client) => {
    const { rows } = await client.query<Record<string, unknown>>(
      `select n.id::text, n.rule_id::text, n.center_id::text, n.episode_id::text, n.event, n.value, n.created_at,
         n.delivered_at, r.name, r.metric, r.comparator, r.threshold, r.for_seconds, r.queue_ids
       from alert_notification n join alert_rule r on r.id = n.rule_id where n.id = $1 for update of n`,
      [id],
    );
    const row = rows[0];
    if (!row) return 'UNKNOWN';
    if (row.delivered_at) return 'ALREADY_DELIVERED';
    if (!url) return 'NO_WEBHOOK';
    try {
      await alertDelivery.send(url, {
        id: row.id,
        event: row.event,
        episodeId: row.episode_id,
        ruleId: row.rule_id,
        rule: row.name,
        metric: row.metric,
        comparator: row.comparator,
        threshold: row.threshold,
        forSeconds: row.for_seconds,
        centerId: row.center_id,
        queueIds: row.queue_ids,
        value: row.value,
        createdAt: new Date(String(row.created_at)).toISOString(),
      });
    } catch (error) {
      await client.query(
        `update alert_notification set delivery_attempts = delivery_attempts + 1, last_delivery_error = $2 where id = $1`,
        [id, (error as Error).message.slice(0, 500)],
      );
      // committed with the attempt recorded, then thrown for the retry
      await client.query('commit');
      await client.query('begin');
      throw error;
    }
    await client.query(
      `update alert_notification set delivery_attempts = delivery_attempts + 1, delivered_at = now(),
         last_delivery_error = null where id = $1`,
      [id],
    );
    return 'DELIVERED';
  });
}

/** Outbox rows not yet delivered, oldest first (the delivery jobs to queue). */
export async function undeliveredAlertNotifications(em: EntityManager, limit = 1000): Promise<string[]> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<{ id: string }>(
      'select id::text from alert_notification where delivered_at is null order by created_at limit $1',
      [limit],
    ),
  );
  return rows.map((r) => r.id);
}
