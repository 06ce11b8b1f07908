import { pgArray } from '@switchboard/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  actionKey,
  CALENDAR_24X7,
  levelsDue,
  levelsDueAt,
  localDay,
  notificationKey,
  type BusinessCalendar,
  type EscalationRecipient,
} from '@switchboard/metrics';
import { careServices, type RecipientAnswer } from '../care-services';
import { BusinessCalendarRow } from '../calendar/business-calendar.entity';
import { toBusinessCalendar } from '../calendar/calendar.service';
import { policiesFor } from './escalation-policy';

export interface SweepOptions {
  /** Commitments per transaction. */
  batch?: number;
  /** Test hook: runs after the escalations are written and before the outbox is (a crash there). */
  afterEscalations?: () => void | Promise<void>;
  /** Bench hook: each step's name and milliseconds, in order. */
  onStep?: (step: string, ms: number) => void;
}

/**
 * A statement with bound parameters, in the transaction. MikroORM's execute writes every parameter
 * into the SQL text (escaped character by character): for the sweep's megabytes of JSON that cost
 * more CPU than the statements themselves. knex binds them ($1, $2...) instead.
 */
async function bound(tx: EntityManager, sql: string, params: unknown[]): Promise<unknown[]> {
  const query = tx.getKnex().raw(sql, params as never[]);
  const context = tx.getTransactionContext();
  const result = (await (context ? query.transacting(context) : query)) as { rows: unknown[] };
  return result.rows;
}

export interface SweepResult {
  commitments: number;
  escalations: number;
  notifications: number;
}

/**
 * The sweep's pick, one statement: the due commitments from the narrow due list by its index
 * (care_commitment_due_next_idx), oldest first, locked FOR UPDATE SKIP LOCKED there (only their ids
 * are sorted), then the commitments themselves locked too, skipping any a writer holds (a fulfilment
 * holds the commitment first and then, through the list's trigger, its entry: waiting here could
 * deadlock with it), and read again under the lock (still due, as of the latest commit).
 * Parameters: now, the batch size, now.
 */
export const SWEEP_SELECT = `with picked as materialized (
  select commitment_id from care_commitment_due
   where next_at <= ?
   order by next_at
   limit ?
     for update skip locked)
select c.id, c.center_id, c.owner_employee_no, c.due_at, c.grace_minutes, c.fulfilled_at, c.escalation_level,
       c.escalation_fire_times
  from picked p join care_commitment c on c.id = p.commitment_id
 where c.next_escalation_at <= ?
   for update of c skip locked`;

interface DueRow {
  id: string;
  center_id: string;
  owner_employee_no: string;
  due_at: Date;
  grace_minutes: number;
  fulfilled_at: Date | null;
  escalation_level: number | null;
  escalation_fire_times: Array<{ level: number; at: string }> | null;
}

/**
 * One sweep of the escalation ladder, in one transaction: the commitments whose next level is due
 * (`next_escalation_at <= now`, by the partial index), locked FOR UPDATE SKIP LOCKED so any number
 * of replicas sweep side by side; for each, levelsDue from libs/metrics against what already fired;
 * each (commitment, level) fired recorded, its action applied, and one outbox row per (commitment,
 * level, recipient); then the commitment's next look. The unique constraints and the single
 * transaction make each notification exactly once: a crash anywhere before the commit leaves
 * nothing, and the next sweep does it all again.
 */
export async function sweepEscalations(em: EntityManager, options: SweepOptions = {}): Promise<SweepResult> {
  const { clock, directory } = careServices();
  const now = clock();
  let t = performance.now();
  const step = (name: string): void => {
    const n = performance.now();
    options.onStep?.(name, n - t);
    t = n;
  };
  const out = await em.fork().transactional(async (tx) => {
    step('begin');
    const due = (await tx.execute(SWEEP_SELECT, [now, options.batch ?? 500, now])) as DueRow[];
    step('pick');
    const result: SweepResult = { commitments: due.length, escalations: 0, notifications: 0 };
    if (!due.length) return result;
    const ids = due.map((d) => d.id);
    // one statement after another: a transaction is one connection
    const fired = (await bound(
      tx,
      `select commitment_id, level, recipient, null as action from care_notification where commitment_id = any(?::uuid[])
       union all
       select commitment_id, level, null, action from care_escalation where commitment_id = any(?::uuid[])`,
      [pgArray(ids), pgArray(ids)],
    )) as Array<{ commitment_id: string; level: number; recipient: string | null; action: string | null }>;
    step('fired');
    const calendars = await tx.find(BusinessCalendarRow, {
      centerId: { $in: [...new Set(due.map((d) => d.center_id))] },
    });
    const policies = await policiesFor(
      tx,
      due.map((d) => ({ centerId: d.center_id })),
    );
    step('calendars+policies');
    const firedKeys = new Map<string, Set<string>>();
    for (const f of fired) {
      const keys = firedKeys.get(f.commitment_id) ?? new Set<string>();
      keys.add(
        f.recipient ? notificationKey(f.level, f.recipient as EscalationRecipient) : actionKey(f.level),
      );
      firedKeys.set(f.commitment_id, keys);
    }
    const calendarOf = new Map<string, BusinessCalendar>(
      calendars.map((c) => [c.centerId, toBusinessCalendar(c)]),
    );

    const plans = due.map((row, i) => {
      const calendar = calendarOf.get(row.center_id) ?? CALENDAR_24X7;
      const facts = {
        dueAt: new Date(row.due_at),
        graceMinutes: row.grace_minutes,
        fulfilledAt: row.fulfilled_at,
      };
      const fired = firedKeys.get(row.id) ?? new Set<string>();
      // the fire times stored when it was made, when they are the policy's levels; else walked now
      const stored = row.escalation_fire_times;
      const plan =
        stored && stored.length === policies[i].levels.length
          ? levelsDueAt(
              policies[i],
              facts,
              now,
              fired,
              stored.map((t) => ({ level: t.level, at: new Date(t.at) })),
            )
          : levelsDue(policies[i], facts, now, fired, calendar);
      return { row, calendar, policy: policies[i], plan };
    });

    step('plan');
    // a local day per (zone, due instant): due times repeat (a sweep's thousands share a few hundred)
    const days = new Map<string, string>();
    const dueDay = (at: Date, zone: string): string => {
      const key = `${zone}|${at.getTime()}`;
      let day = days.get(key);
      if (day === undefined) days.set(key, (day = localDay(at, zone)));
      return day;
    };
    // the team lead as of the due day (the calendar's local day), one call for the sweep
    const needLead = plans.filter((p) => p.plan.notifications.some((n) => n.recipient === 'TEAM_LEAD'));
    const leads: RecipientAnswer[] = !needLead.length
      ? []
      : await directory(
          needLead.map((p) => ({
            ownerEmployeeNo: p.row.owner_employee_no,
            asOf: dueDay(new Date(p.row.due_at), p.calendar.timeZone),
            at: new Date(p.row.due_at),
          })),
        );
    const leadOf = new Map(needLead.map((p, i) => [p.row.id, leads[i]]));

    step('directory');
    const escalations: Array<{
      commitment_id: string;
      level: number;
      action: string;
      due_to_fire_at: string;
    }> = [];
    const notifications: Array<Record<string, unknown>> = [];
    const updates: Array<{
      id: string;
      next: string | null;
      level: number | null;
      reassign: boolean;
      priority: boolean;
      risk: boolean;
    }> = [];
    for (const { row, policy, plan } of plans) {
      const levels = new Map<number, { action: string; at: Date }>();
      for (const n of plan.notifications) {
        const level = policy.levels.find((l) => l.level === n.level);
        levels.set(n.level, { action: level?.action ?? 'NOTIFY', at: n.fireAt });
        const address =
          n.recipient === 'OWNER'
            ? { employee: row.owner_employee_no, role: null }
            : n.recipient === 'TEAM_LEAD'
              ? {
                  employee: leadOf.get(row.id)?.teamLead ?? null,
                  role: leadOf.get(row.id)?.teamLead ? null : 'TEAM_LEAD',
                }
              : n.recipient === 'CENTER_MANAGER'
                ? { employee: null, role: 'CENTER_MANAGER' }
                : { employee: null, role: n.recipient.slice('ROLE:'.length) };
        notifications.push({
          commitment_id: row.id,
          level: n.level,
          recipient: n.recipient,
          address_employee_no: address.employee,
          address_role: address.role,
          center_id: row.center_id,
          action: level?.action ?? 'NOTIFY',
        });
      }
      for (const a of plan.actions) levels.set(a.level, { action: a.action, at: a.fireAt });
      for (const [level, { action, at }] of levels) {
        escalations.push({ commitment_id: row.id, level, action, due_to_fire_at: at.toISOString() });
      }
      const top = Math.max(row.escalation_level ?? -1, ...levels.keys());
      updates.push({
        id: row.id,
        next: plan.nextAt?.toISOString() ?? null,
        level: top < 0 ? null : top,
        reassign: plan.actions.some((a) => a.action === 'REASSIGN_TO_TEAM'),
        priority: plan.actions.some((a) => a.action === 'RAISE_PRIORITY'),
        risk: plan.actions.some((a) => a.action === 'FLAG_COMPLAINT_RISK'),
      });
    }

    step('build');
    if (escalations.length) {
      const [inserted] = (await bound(
        tx,
        `with inserted as (insert into care_escalation (id, commitment_id, level, action, due_to_fire_at, fired_at)
         select gen_random_uuid(), e.commitment_id, e.level, e.action, e.due_to_fire_at, ?
           from jsonb_to_recordset(?::jsonb) e(commitment_id uuid, level int, action text, due_to_fire_at timestamptz)
         on conflict (commitment_id, level) do nothing returning 1) select count(*)::int as n from inserted`,
        [now, JSON.stringify(escalations)],
      )) as Array<{ n: number }>;
      result.escalations = inserted.n;
    }
    step('escalations');
    await options.afterEscalations?.();
    if (notifications.length) {
      const [inserted] = (await bound(
        tx,
        `with inserted as (insert into care_notification (id, commitment_id, level, recipient, address_employee_no, address_role, center_id, action, created_at)
         select gen_random_uuid(), n.commitment_id, n.level, n.recipient, n.address_employee_no, n.address_role, n.center_id, n.action, ?
           from jsonb_to_recordset(?::jsonb) n(commitment_id uuid, level int, recipient text, address_employee_no text,
                address_role text, center_id uuid, action text)
         on conflict (commitment_id, level, recipient) do nothing returning 1) select count(*)::int as n from inserted`,
        [now, JSON.stringify(notifications)],
      )) as Array<{ n: number }>;
      result.notifications = inserted.n;
    }
    step('notifications');
    await bound(
      tx,
      `update care_commitment c
          set next_escalation_at = u.next, escalation_level = u.level,
              reassigned_to_team = c.reassigned_to_team or u.reassign,
              priority = case when u.priority then 'HIGH' else c.priority end,
              complaint_risk = c.complaint_risk or u.risk
         from jsonb_to_recordset(?::jsonb) u(id uuid, next timestamptz, level int, reassign boolean, priority boolean, risk boolean)
        where c.id = u.id`,
      [JSON.stringify(updates)],
    );
    step('update');
    return result;
  });
  step('commit');
  return out;
}
