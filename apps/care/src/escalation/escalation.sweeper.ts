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
  type EscalationPolicy,
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
  return (await run(tx, sql, params)).rows;
}

/** bound's statement, answering its whole result (the rows a write touched: rowCount). */
async function run(
  tx: EntityManager,
  sql: string,
  params: unknown[],
): Promise<{ rows: unknown[]; rowCount: number }> {
  const query = tx.getKnex().raw(sql, params as never[]);
  const context = tx.getTransactionContext();
  return (await (context ? query.transacting(context) : query)) as { rows: unknown[]; rowCount: number };
}

/**
 * Array literals for the sweep's columns, built for tens of thousands of values: uuids (as the
 * database wrote them), integers and ISO instants need no quotes; text is quoted once per distinct
 * value (a sweep's rows share a few recipients, actions, people and roles), NULL for null.
 */
function plainArray(values: ReadonlyArray<string | number>): string {
  return `{${values.join(',')}}`;
}

function textArray(values: ReadonlyArray<string | null>): string {
  const quoted = new Map<string, string>();
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    let q = quoted.get(v);
    if (q === undefined) quoted.set(v, (q = pgArray([v]).slice(1, -1)));
    return q;
  });
  return `{${parts.join(',')}}`;
}

export interface SweepResult {
  commitments: number;
  escalations: number;
  notifications: number;
}

/**
 * The sweep's pick, one statement: the due commitments from the narrow due list by its index
 * (care_commitment_due_next_idx), oldest first, locked FOR UPDATE SKIP LOCKED there and only there,
 * and those entries deleted at once by the rows just locked (a TID scan: no second look in the
 * index; a ladder still climbing gets a narrow new entry after the writes); then the commitments'
 * facts read by their key as one sorted array (the index's pages in order, not one random probe
 * per entry: fewer pages read and evicted), not locked: the sweep never writes a commitment, so the
 * wide rows are neither dirtied nor logged. A fulfilment takes the entry's lock too (its update of the commitment deletes the
 * entry, through the list's trigger, in the same statement): one in progress is skipped here, and
 * one that committed first left no entry. Parameters: now, the batch size.
 */
export const SWEEP_SELECT = `with picked as materialized (
  delete from care_commitment_due
   where ctid = any(array(
     select ctid from care_commitment_due
      where next_at <= ?
      order by next_at
      limit ?
        for update skip locked))
  returning commitment_id)
select c.id, c.center_id, c.owner_employee_no, c.due_at, c.grace_minutes, c.fulfilled_at, c.escalation_fire_times
  from care_commitment c where c.id = any(array(select commitment_id from picked))`;

/**
 * An outbox row's id: the digest of its (commitment, level, recipient), so the outbox's primary key
 * is its exactly-once constraint too (one index where there were two). `n` names the row's columns.
 */
const NOTIFICATION_ID = `md5(n.commitment_id::text || '/' || n.level || '/' || n.recipient)::uuid`;

interface DueRow {
  id: string;
  center_id: string;
  owner_employee_no: string;
  due_at: Date;
  grace_minutes: number;
  fulfilled_at: Date | null;
  escalation_fire_times: Array<{ level: number; at: string }> | null;
}

/**
 * One sweep of the escalation ladder, in one transaction: the commitments whose next level is due
 * (the narrow due list's `next_at <= now`, by its index), their entries locked FOR UPDATE SKIP
 * LOCKED so any number of replicas sweep side by side; for each, levelsDue from libs/metrics against
 * the levels already recorded; each (commitment, level) fired recorded with its action (the
 * commitment's level, priority, team reassignment and complaint risk are read from these records),
 * and one outbox row per (commitment, level, recipient); then the entry's next look. Every write is
 * one set-based statement over arrays (unnest); the wide commitment rows are read, never locked nor
 * written, so a sweep dirties only narrow pages. Exactly once: a crash anywhere before the commit
 * leaves nothing, and the next sweep does it all again; the entry's lock keeps two sweeps off one
 * commitment; a level recorded is not planned again, and its outbox rows are written only in the
 * transaction that records it. The keys, (commitment, level) for the records and the digest of
 * (commitment, level, recipient) for the outbox, are the last word; the inserts still skip a row
 * that exists (NOT EXISTS on that key, not a speculative ON CONFLICT insertion, which cost more),
 * so a row left by a hand-made repair is skipped, not a batch failed on every sweep (measured
 * without it: no gain beyond the bench's noise, +-20 ms of the two inserts' ~260 ms).
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
    const due = (await bound(tx, SWEEP_SELECT, [now, options.batch ?? 500])) as DueRow[];
    step('pick');
    const result: SweepResult = { commitments: due.length, escalations: 0, notifications: 0 };
    if (!due.length) return result;
    const ids = due.map((d) => d.id);
    // what fired is read from the levels' records alone: a level's outbox rows are written in the
    // transaction of its record, and a level fires once, to the recipients its policy names then
    const fired = (await bound(
      tx,
      'select commitment_id, level from care_escalation where commitment_id = any(?::uuid[])',
      [plainArray(ids)],
    )) as Array<{ commitment_id: string; level: number }>;
    step('fired');
    const calendars = await tx.find(BusinessCalendarRow, {
      centerId: { $in: [...new Set(due.map((d) => d.center_id))] },
    });
    const policies = await policiesFor(
      tx,
      due.map((d) => ({ centerId: d.center_id })),
    );
    step('calendars+policies');
    const firedLevels = new Map<string, number[]>();
    for (const f of fired) {
      const levels = firedLevels.get(f.commitment_id) ?? [];
      levels.push(f.level);
      firedLevels.set(f.commitment_id, levels);
    }
    const none = new Set<string>();
    const firedKeys = (id: string, policy: EscalationPolicy): Set<string> => {
      const levels = firedLevels.get(id);
      if (!levels) return none;
      const keys = new Set<string>();
      for (const level of levels) {
        keys.add(actionKey(level));
        for (const l of policy.levels)
          if (l.level === level) for (const r of l.recipients) keys.add(notificationKey(level, r));
      }
      return keys;
    };
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
      const fired = firedKeys(row.id, policies[i]);
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
    // each table's rows as parallel arrays (one array parameter per column, unnest in SQL)
    const esc = {
      commitment: [] as string[],
      level: [] as number[],
      action: [] as string[],
      at: [] as string[],
    };
    const note = {
      commitment: [] as string[],
      level: [] as number[],
      recipient: [] as string[],
      employee: [] as Array<string | null>,
      role: [] as Array<string | null>,
      center: [] as string[],
      action: [] as string[],
    };
    const moved = { id: [] as string[], next: [] as string[] };
    for (const { row, policy, plan } of plans) {
      const levels = new Map<number, { action: string; at: Date }>();
      for (const n of plan.notifications) {
        const level = policy.levels.find((l) => l.level === n.level);
        levels.set(n.level, { action: level?.action ?? 'NOTIFY', at: n.fireAt });
        const lead = n.recipient === 'TEAM_LEAD' ? (leadOf.get(row.id)?.teamLead ?? null) : null;
        note.commitment.push(row.id);
        note.level.push(n.level);
        note.recipient.push(n.recipient);
        note.employee.push(n.recipient === 'OWNER' ? row.owner_employee_no : lead);
        note.role.push(
          n.recipient === 'OWNER'
            ? null
            : n.recipient === 'TEAM_LEAD'
              ? lead
                ? null
                : 'TEAM_LEAD'
              : n.recipient === 'CENTER_MANAGER'
                ? 'CENTER_MANAGER'
                : n.recipient.slice('ROLE:'.length),
        );
        note.center.push(row.center_id);
        note.action.push(level?.action ?? 'NOTIFY');
      }
      for (const a of plan.actions) levels.set(a.level, { action: a.action, at: a.fireAt });
      for (const [level, { action, at }] of levels) {
        esc.commitment.push(row.id);
        esc.level.push(level);
        esc.action.push(action);
        esc.at.push(at.toISOString());
      }
      if (plan.nextAt) {
        moved.id.push(row.id);
        moved.next.push(plan.nextAt.toISOString());
      }
    }

    step('build');
    if (esc.commitment.length) {
      const inserted = await run(
        tx,
        `insert into care_escalation (commitment_id, level, action, due_to_fire_at, fired_at)
         select e.commitment_id, e.level, e.action, e.due_to_fire_at, ?
           from unnest(?::uuid[], ?::int[], ?::text[], ?::timestamptz[]) e(commitment_id, level, action, due_to_fire_at)
          where not exists (select 1 from care_escalation x where x.commitment_id = e.commitment_id and x.level = e.level)`,
        [now, plainArray(esc.commitment), plainArray(esc.level), textArray(esc.action), plainArray(esc.at)],
      );
      result.escalations = inserted.rowCount;
    }
    step('escalations');
    await options.afterEscalations?.();
    if (note.commitment.length) {
      const inserted = await run(
        tx,
        `insert into care_notification (id, commitment_id, level, recipient, address_employee_no, address_role, center_id, action, created_at)
         select n.id, n.commitment_id, n.level, n.recipient, n.address_employee_no, n.address_role, n.center_id, n.action, ?
           from (select ${NOTIFICATION_ID} as id, n.*
                   from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[])
                        n(commitment_id, level, recipient, address_employee_no, address_role, center_id, action)) n
          where not exists (select 1 from care_notification x where x.id = n.id)`,
        [
          now,
          plainArray(note.commitment),
          plainArray(note.level),
          textArray(note.recipient),
          textArray(note.employee),
          textArray(note.role),
          plainArray(note.center),
          textArray(note.action),
        ],
      );
      result.notifications = inserted.rowCount;
    }
    step('notifications');
    // the next look, on the narrow due list only (a finished ladder leaves it); the commitment's own
    // facts are never written here: its level and the actions' flags are read from the records above.
    // The pick deleted each entry where it was (by its row, locked there); a narrow new one is
    // inserted for a ladder still climbing: an UPDATE of the indexed next look is never heap-only, and
    // measured twice the CPU of the two (the list's triggers look twice for a writer that waited on
    // an entry a sweep replaced: Migration20261207160000_due_list_replace).
    if (moved.id.length) {
      await bound(
        tx,
        `insert into care_commitment_due (commitment_id, next_at)
         select u.id, u.next from unnest(?::uuid[], ?::timestamptz[]) u(id, next)`,
        [plainArray(moved.id), plainArray(moved.next)],
      );
    }
    step('update');
    return result;
  });
  step('commit');
  return out;
}
