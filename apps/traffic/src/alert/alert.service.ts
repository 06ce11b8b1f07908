import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@switchboard/server';
import { inPgTransaction } from '../ingest/pg-client';
import { asDate } from '../timeliness/data-freshness.query';
import type { AlertRuleInput } from './alert.input';
import { AlertNotificationType, AlertRuleType } from './alert.type';

const RULE_COLUMNS = `r.id::text, r.name, r.metric, r.center_id::text, r.queue_ids, r.comparator, r.threshold,
  r.for_seconds, r.time_zone, r.enabled, coalesce(s.firing, false) as firing, s.breach_since, s.last_value,
  s.evaluated_at`;

interface RuleRow {
  id: string;
  name: string;
  metric: string;
  center_id: string;
  queue_ids: string[];
  comparator: string;
  threshold: number;
  for_seconds: number;
  time_zone: string;
  enabled: boolean;
  firing: boolean;
  breach_since: unknown;
  last_value: number | null;
  evaluated_at: unknown;
}

const toRule = (r: RuleRow): AlertRuleType =>
  Object.assign(new AlertRuleType(), {
    id: r.id,
    name: r.name,
    metric: r.metric,
    centerId: r.center_id,
    queueIds: r.queue_ids,
    comparator: r.comparator,
    threshold: r.threshold,
    forSeconds: r.for_seconds,
    timeZone: r.time_zone,
    enabled: r.enabled,
    firing: r.firing,
    breachSince: asDate(r.breach_since),
    lastValue: r.last_value,
    evaluatedAt: asDate(r.evaluated_at),
  });

/** Of `queueIds`, those that are not queues of the center (one statement). */
export async function queuesOutsideCenter(
  em: EntityManager,
  centerId: string,
  queueIds: string[],
): Promise<string[]> {
  if (queueIds.length === 0) return [];
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<{ id: string }>(`select id::text from queue where center_id = $1 and id = any($2::uuid[])`, [
      centerId,
      queueIds,
    ]),
  );
  const found = new Set(rows.map((r) => r.id));
  return queueIds.filter((id) => !found.has(id));
}

export async function createAlertRule(
  em: EntityManager,
  input: AlertRuleInput,
  createdBy: string,
): Promise<AlertRuleType> {
  const id = randomUUID();
  await inPgTransaction(em, (client) =>
    client.query(
      `insert into alert_rule (id, name, metric, center_id, queue_ids, comparator, threshold, for_seconds, time_zone,
         enabled, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, now())`,
      [
        id,
        input.name.trim(),
        input.metric,
        input.centerId.toLowerCase(),
        [...new Set(input.queueIds.map((q) => q.toLowerCase()))],
        input.comparator,
        input.threshold,
        input.forSeconds,
        input.timeZone,
        createdBy,
      ],
    ),
  );
  return ruleById(em, id);
}

export async function ruleById(em: EntityManager, id: string): Promise<AlertRuleType> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<RuleRow>(
      `select ${RULE_COLUMNS} from alert_rule r left join alert_state s on s.rule_id = r.id where r.id = $1`,
      [id],
    ),
  );
  if (!rows[0]) throw notFound('alert rule', 'id', id);
  return toRule(rows[0]);
}

export async function rulesOfCenter(em: EntityManager, centerId: string): Promise<AlertRuleType[]> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<RuleRow>(
      `select ${RULE_COLUMNS} from alert_rule r left join alert_state s on s.rule_id = r.id
       where r.center_id = $1 order by r.created_at, r.id`,
      [centerId],
    ),
  );
  return rows.map(toRule);
}

/** Enables or disables a rule; disabling ends its episode without a CLEARED (nobody watches it). */
export async function setRuleEnabled(
  em: EntityManager,
  id: string,
  enabled: boolean,
): Promise<AlertRuleType> {
  await inPgTransaction(em, async (client) => {
    await client.query('update alert_rule set enabled = $2 where id = $1', [id, enabled]);
    if (!enabled) await client.query('delete from alert_state where rule_id = $1', [id]);
  });
  return ruleById(em, id);
}

export async function notificationsOfCenter(
  em: EntityManager,
  centerId: string,
  first: number,
): Promise<AlertNotificationType[]> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<{
      id: string;
      rule_id: string;
      center_id: string;
      episode_id: string;
      event: string;
      value: number | null;
      created_at: unknown;
      delivered_at: unknown;
    }>(
      `select id::text, rule_id::text, center_id::text, episode_id::text, event, value, created_at, delivered_at
       from alert_notification where center_id = $1 order by created_at desc, event desc limit $2`,
      [centerId, first],
    ),
  );
  return rows.map((r) =>
    Object.assign(new AlertNotificationType(), {
      id: r.id,
      ruleId: r.rule_id,
      centerId: r.center_id,
      episodeId: r.episode_id,
      event: r.event,
      value: r.value,
      createdAt: asDate(r.created_at),
      deliveredAt: asDate(r.delivered_at),
    }),
  );
}
