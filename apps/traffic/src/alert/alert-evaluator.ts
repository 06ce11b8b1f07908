import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  breaches,
  dataLagMinutes,
  stepAlert,
  type AlertComparator,
  type AlertEvent,
} from '@switchboard/metrics';
import type { Client } from 'pg';
import { inPgTransaction } from '../ingest/pg-client';
import { liveClock, liveQueues, type LiveFigures } from '../live/live-queues.query';
import { asDate, latestBatches } from '../timeliness/data-freshness.query';
import type { AlertMetric } from './alert-rule';
import { overdueCommitmentsSource } from './overdue-commitments';

interface RuleRow {
  id: string;
  metric: AlertMetric;
  center_id: string;
  queue_ids: string[];
  comparator: AlertComparator;
  threshold: number;
  for_seconds: number;
  time_zone: string;
  breach_since: unknown;
  firing: boolean | null;
  episode_id: string | null;
}

export interface AlertDecision {
  ruleId: string;
  centerId: string;
  value: number | null;
  breachSince: Date | null;
  firing: boolean;
  episodeId: string | null;
  event: AlertEvent;
}

/** Test seam: runs after the decisions, before they are recorded (a crash there loses nothing). */
export const alertHooks = { beforeRecord: async (_decisions: AlertDecision[]): Promise<void> => undefined };

/** Metrics read elsewhere than the live figures. */
const OTHER_SOURCES: readonly AlertMetric[] = ['DATA_LAG_MINUTES', 'OVERDUE_COMMITMENTS'];

function figureOf(metric: AlertMetric, figures: LiveFigures, other: number | null): number | null {
  switch (metric) {
    case 'WAITING':
      return figures.waiting;
    case 'OLDEST_WAIT_SECONDS':
      // nobody waiting: the oldest wait is 0, not unknown (a breach ends when the queue empties)
      return figures.oldestWaitSeconds ?? 0;
    case 'SERVICE_LEVEL_TODAY':
      return figures.today.serviceLevel;
    case 'ABANDON_RATE_TODAY':
      return figures.today.abandonRate;
    case 'DATA_LAG_MINUTES':
    case 'OVERDUE_COMMITMENTS':
      return other;
  }
}

/** The value each rule watches now: one live read per distinct scope, one freshness read in all. */
async function observe(em: EntityManager, rules: readonly RuleRow[]): Promise<Map<string, number | null>> {
  const scopes = new Map<string, Promise<LiveFigures>>();
  const scopeKey = (r: RuleRow) => `${r.center_id}|${[...r.queue_ids].sort().join(',')}|${r.time_zone}`;
  for (const rule of rules) {
    if (OTHER_SOURCES.includes(rule.metric) || scopes.has(scopeKey(rule))) continue;
    scopes.set(
      scopeKey(rule),
      liveQueues(
        em.fork(),
        rule.center_id,
        rule.queue_ids.length ? rule.queue_ids : null,
        rule.time_zone,
      ).then((a) => a.center),
    );
  }
  const needsLag = rules.some((r) => r.metric === 'DATA_LAG_MINUTES');
  const lagRows = needsLag
    ? (
        await latestBatches(
          em.fork(),
          rules.map((r) => r.center_id),
        )
      ).latest
    : [];
  const now = liveClock.now();
  const lagOf = (centerId: string): number | null => {
    const times = lagRows
      .filter((l) => l.kind === 'ACD_CONTACTS' && (l.center_id === null || l.center_id === centerId))
      .map((l) => asDate(l.latest))
      .filter((t): t is Date => t !== null);
    return times.length ? dataLagMinutes(new Date(Math.max(...times.map((t) => t.getTime()))), now) : null;
  };
  const overdueCenters = [
    ...new Set(rules.filter((r) => r.metric === 'OVERDUE_COMMITMENTS').map((r) => r.center_id)),
  ];
  // care unreachable: those rules are unmeasurable this time (their state stays), the others go on
  const overdue = await overdueCommitmentsSource
    .count(overdueCenters, now)
    .catch(() => new Map<string, number>());
  const values = new Map<string, number | null>();
  for (const rule of rules) {
    const figures = OTHER_SOURCES.includes(rule.metric) ? null : await scopes.get(scopeKey(rule));
    const other =
      rule.metric === 'DATA_LAG_MINUTES' ? lagOf(rule.center_id) : (overdue.get(rule.center_id) ?? null);
    values.set(rule.id, figureOf(rule.metric, figures ?? emptyFigures, other));
  }
  return values;
}

const emptyFigures = {
  waiting: 0,
  onContact: 0,
  oldestWaitSeconds: null,
  agents: { loggedIn: 0, available: 0, onContact: 0, acw: 0, notReady: 0, notReadyByReason: [] },
  today: {
    offered: 0,
    answered: 0,
    abandoned: 0,
    serviceLevel: null,
    abandonRate: null,
    ahtSeconds: null,
    asaSeconds: null,
  },
} satisfies LiveFigures;

async function record(client: Client, decisions: readonly AlertDecision[], now: Date): Promise<void> {
  await client.query(
    `insert into alert_state (rule_id, breach_since, firing, episode_id, last_value, evaluated_at)
     select * from unnest($1::uuid[], $2::timestamptz[], $3::boolean[], $4::uuid[], $5::float8[],
       array_fill($6::timestamptz, array[cardinality($1::uuid[])]))
     on conflict (rule_id) do update set breach_since = excluded.breach_since, firing = excluded.firing,
       episode_id = excluded.episode_id, last_value = excluded.last_value, evaluated_at = excluded.evaluated_at`,
    [
      decisions.map((d) => d.ruleId),
      decisions.map((d) => d.breachSince),
      decisions.map((d) => d.firing),
      decisions.map((d) => (d.firing ? d.episodeId : null)),
      decisions.map((d) => d.value),
      now,
    ],
  );
  const events = decisions.filter((d) => d.event !== null);
  if (events.length === 0) return;
  // the outbox: one row per (episode, event), so a decision recorded twice is one notification
  await client.query(
    `insert into alert_notification (id, rule_id, center_id, episode_id, event, value, created_at, delivery_attempts)
     select gen_random_uuid(), r, c, e, ev, v, $6, 0
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::float8[]) as n(r, c, e, ev, v)
     on conflict (episode_id, event) do nothing`,
    [
      events.map((d) => d.ruleId),
      events.map((d) => d.centerId),
      events.map((d) => d.episodeId),
      events.map((d) => d.event),
      events.map((d) => d.value),
      now,
    ],
  );
}

/**
 * One evaluation of every enabled rule, in one transaction: the rules are locked (FOR UPDATE SKIP
 * LOCKED: two replicas never evaluate a rule at once), each rule's value is read, its episode stepped
 * (stepAlert in libs/metrics) and the new state and any FIRED / CLEARED notification are written
 * together. A crash before the commit records nothing, and the next evaluation decides again from the
 * stored state: no event lost, none doubled.
 */
export async function evaluateAlertRules(
  em: EntityManager,
): Promise<{ rules: number; fired: number; cleared: number }> {
  const now = liveClock.now();
  return inPgTransaction(em, async (client) => {
    const { rows } = await client.query<RuleRow>(
      `select r.id::text, r.metric, r.center_id::text, r.queue_ids, r.comparator, r.threshold, r.for_seconds,
         r.time_zone, s.breach_since, s.firing, s.episode_id::text
       from alert_rule r left join alert_state s on s.rule_id = r.id
       where r.enabled order by r.id for update of r skip locked`,
    );
    if (rows.length === 0) return { rules: 0, fired: 0, cleared: 0 };
    const values = await observe(em, rows);
    const decisions = rows.map((rule): AlertDecision => {
      const value = values.get(rule.id) ?? null;
      const step = stepAlert(
        { breachSince: asDate(rule.breach_since), firing: rule.firing === true },
        breaches(value, rule.comparator, rule.threshold),
        now,
        rule.for_seconds,
      );
      const episodeId =
        step.event === 'FIRED'
          ? randomUUID()
          : step.event === 'CLEARED'
            ? rule.episode_id
            : step.state.firing
              ? rule.episode_id
              : null;
      return {
        ruleId: rule.id,
        centerId: rule.center_id,
        value,
        breachSince: step.state.breachSince,
        firing: step.state.firing,
        episodeId,
        event: step.event,
      };
    });
    await alertHooks.beforeRecord(decisions);
    await record(client, decisions, now);
    return {
      rules: rows.length,
      fired: decisions.filter((d) => d.event === 'FIRED').length,
      cleared: decisions.filter((d) => d.event === 'CLEARED').length,
    };
  });
}
