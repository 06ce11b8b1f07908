import { pgArray } from '@switchboard/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CALENDAR_24X7, CASE_TRANSITIONS, type BusinessCalendar, type CaseState } from '@switchboard/metrics';
import type { RowProblem, SubgraphContext } from '@switchboard/subgraph-kit';
import { careNow } from '../care-services';
import { BusinessCalendarRow } from '../calendar/business-calendar.entity';
import { toBusinessCalendar } from '../calendar/calendar.service';
import { applyCaseEvent, type CaseEventFact, type CaseProjection } from '../case/case-projection';
import { CaseCategory, type CaseEventKind } from '../case/case.entity';
import { resolveCustomerKeys } from '../customer/customer.service';
import { escalationSchedule, policiesFor } from '../escalation/escalation-policy';
import { contactKeyOf, trafficContacts, type TrafficContact } from '../references/traffic-contacts';
import { caseProblem, type CaseFileRow } from './case-file';

/** What one batch did. */
export interface CaseBatchResult {
  inserted: number;
  unchanged: number;
  commitments: number;
  problems: RowProblem[];
}

/** The shortest legal path of states from NEW to `to` (NEW itself: none), from the state machine. */
export function statusPath(to: CaseState): CaseState[] {
  const previous = new Map<CaseState, CaseState>();
  const queue: CaseState[] = ['NEW'];
  while (queue.length) {
    const at = queue.shift() as CaseState;
    if (at === to) break;
    for (const next of CASE_TRANSITIONS[at])
      if (next !== 'NEW' && !previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
  }
  const path: CaseState[] = [];
  for (let s: CaseState | undefined = to; s && s !== 'NEW'; s = previous.get(s)) path.unshift(s);
  return path;
}

/** A case's row in care_case, by column. */
function caseRecord(id: string, p: CaseProjection): Record<string, unknown> {
  return {
    id,
    case_no: p.caseNo,
    customer_key: p.customerKey,
    type: p.type,
    taxonomy_version: p.taxonomyVersion,
    category_code: p.categoryCode,
    title: p.title,
    status: p.status,
    priority: p.priority,
    owner_agent_no: p.ownerAgentNo,
    owner_team_id: p.ownerTeamId,
    owner_department: p.ownerDepartment,
    center_id: p.centerId,
    source_contact_source: p.sourceContactSource,
    source_contact_external_id: p.sourceContactExternalId,
    opened_at: p.openedAt,
    resolved_at: p.resolvedAt,
    closed_at: p.closedAt,
    reopen_count: p.reopenCount,
    handoff_count: p.handoffCount,
    created_by: p.createdBy,
    version: p.version,
  };
}

/** Rows (every row with the same columns) into a table in one statement, typed by the table's row type. */
async function insertRows(em: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const list = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  await em.execute(
    `insert into "${table}" (${list}) select ${list} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`,
    [JSON.stringify(rows)],
  );
}

const naturalKey = (r: { crmSource: string; crmCaseId: string }) =>
  JSON.stringify([r.crmSource, r.crmCaseId]);

/**
 * Imports a CRM export's cases a batch at a time. Each batch: the contacts asked of traffic in one
 * gateway batch and the owners, teams and centers of staff in one batch per kind; then, in one
 * transaction and a fixed number of statements, the rows already imported are skipped (natural key:
 * crm source + crm case id), every other problem is found, and the good cases are written whole:
 * the case row, its events as openCase/linkContact/changeCase append them (CREATED, LINK_CONTACT per
 * contact, STATUS along the state machine), its contacts, and its commitment. A bad row writes nothing.
 */
export class CaseImportService {
  /** Natural keys and contacts of the rows seen so far in this file, by line (a file repeats neither). */
  private readonly keysSeen = new Map<string, number>();
  private readonly contactsSeen = new Map<string, number>();

  constructor(private readonly ctx: SubgraphContext) {}

  async importBatch(batch: readonly CaseFileRow[]): Promise<CaseBatchResult> {
    const problems: RowProblem[] = [];
    const refuse = (row: CaseFileRow, field: string, message: string) => {
      problems.push(caseProblem(row.row, field, message));
      return false;
    };
    // repeats inside the file
    let rows = batch.filter((row) => {
      const first = this.keysSeen.get(naturalKey(row));
      if (first !== undefined) return refuse(row, 'crm_case_id', `repeats the case of line ${first}`);
      this.keysSeen.set(naturalKey(row), row.row);
      for (const c of row.contacts) {
        const other = this.contactsSeen.get(contactKeyOf(c));
        if (other !== undefined)
          return refuse(row, 'contacts', `${c.source}:${c.externalId} is also listed by line ${other}`);
      }
      for (const c of row.contacts) this.contactsSeen.set(contactKeyOf(c), row.row);
      return true;
    });
    if (!rows.length) return { inserted: 0, unchanged: 0, commitments: 0, problems };

    // other subgraphs' records, asked together: one gateway batch for the contacts, one per staff kind
    const distinct = (values: (string | null)[]) => [
      ...new Set(values.filter((v): v is string => v !== null)),
    ];
    const [contacts, agents, teams, centers, scope] = await Promise.all([
      trafficContacts(rows.flatMap((r) => r.contacts)),
      this.ctx.knownReferences('agent', distinct(rows.map((r) => r.ownerAgentNo))),
      this.ctx.knownReferences('team', distinct(rows.map((r) => r.ownerTeamId))),
      this.ctx.knownReferences('center', distinct(rows.map((r) => r.centerId))),
      this.ctx.scope(),
    ]);
    const found = new Map<CaseFileRow, TrafficContact[]>();
    rows = rows.filter((row) => {
      if (!scope.all && !scope.seesCenter(row.centerId))
        return refuse(row, 'center_id', 'is a center outside your scope');
      if (!centers.has(row.centerId)) return refuse(row, 'center_id', `no center ${row.centerId} in staff`);
      if (row.ownerAgentNo && !agents.has(row.ownerAgentNo))
        return refuse(row, 'owner_agent_no', `no agent ${row.ownerAgentNo} in staff`);
      if (row.ownerTeamId && !teams.has(row.ownerTeamId))
        return refuse(row, 'owner_team_id', `no team ${row.ownerTeamId} in staff`);
      const list: TrafficContact[] = [];
      for (const key of row.contacts) {
        const contact = contacts.get(contactKeyOf(key));
        if (!contact) return refuse(row, 'contacts', `no contact ${key.source}:${key.externalId} in traffic`);
        if (!contact.customerKey)
          return refuse(row, 'contacts', `contact ${key.source}:${key.externalId} has no customer key`);
        list.push(contact);
      }
      found.set(row, list);
      return true;
    });
    if (!rows.length) return { inserted: 0, unchanged: 0, commitments: 0, problems };

    const actor = this.ctx.identity.subject;
    return this.ctx.em.transactional(async (em) => {
      const keysJson = JSON.stringify(rows.map((r) => ({ s: r.crmSource, c: r.crmCaseId })));
      const existing = await em.execute<{ crm_source: string; crm_case_id: string }[]>(
        `select i.crm_source, i.crm_case_id from care_case_import i
          join jsonb_to_recordset(?::jsonb) as k(s text, c text) on i.crm_source = k.s and i.crm_case_id = k.c`,
        [keysJson],
      );
      const done = new Set(
        existing.map((e) => naturalKey({ crmSource: e.crm_source, crmCaseId: e.crm_case_id })),
      );
      const unchanged = rows.filter((r) => done.has(naturalKey(r))).length;
      rows = rows.filter((r) => !done.has(naturalKey(r)));
      if (!rows.length) return { inserted: 0, unchanged, commitments: 0, problems };

      const contactJson = JSON.stringify(
        rows.flatMap((r) => r.contacts.map((c) => ({ s: c.source, e: c.externalId }))),
      );
      const [categories, linked] = await Promise.all([
        em.find(CaseCategory, { current: true, code: { $in: distinct(rows.map((r) => r.categoryCode)) } }),
        em.execute<{ source: string; external_id: string; case_no: string }[]>(
          `select cc.source, cc.external_id, c.case_no from case_contact cc
            join jsonb_to_recordset(?::jsonb) as k(s text, e text) on cc.source = k.s and cc.external_id = k.e
            join care_case c on c.id = cc.case_id`,
          [contactJson],
        ),
      ]);
      const category = new Map(categories.map((c) => [c.code, c]));
      const caseOf = new Map(
        linked.map((l) => [contactKeyOf({ source: l.source, externalId: l.external_id }), l.case_no]),
      );
      rows = rows.filter((row) => {
        if (!category.has(row.categoryCode))
          return refuse(row, 'category_code', `no category "${row.categoryCode}" in the current taxonomy`);
        const taken = row.contacts.find((c) => caseOf.has(contactKeyOf(c)));
        if (taken)
          return refuse(
            row,
            'contacts',
            `contact ${taken.source}:${taken.externalId} already belongs to case ${caseOf.get(contactKeyOf(taken))}`,
          );
        return true;
      });
      // a case is of one customer: its contacts' keys, resolved through merges, must agree
      const raw = rows.flatMap((r) => (found.get(r) as TrafficContact[]).map((c) => c.customerKey as string));
      const resolved = await resolveCustomerKeys(em, raw);
      const customerOf = new Map<CaseFileRow, string>();
      let at = 0;
      for (const row of rows) {
        const keys = new Set(resolved.slice(at, at + row.contacts.length));
        at += row.contacts.length;
        if (keys.size === 1) customerOf.set(row, [...keys][0]);
        else refuse(row, 'contacts', `the contacts are of ${keys.size} customers; a case is of one`);
      }
      rows = rows.filter((r) => customerOf.has(r));
      if (!rows.length) return { inserted: 0, unchanged, commitments: 0, problems };

      // the natural keys first: a concurrent import of the same rows takes them once
      const ids = new Map(rows.map((r) => [r, randomUUID()]));
      const claimed = await em.execute<{ s: string; c: string }[]>(
        `insert into care_case_import (crm_source, crm_case_id, case_id, imported_at)
         select k.s, k.c, k.id, now() from jsonb_to_recordset(?::jsonb) as k(s text, c text, id uuid)
         on conflict do nothing returning crm_source as s, crm_case_id as c`,
        [JSON.stringify(rows.map((r) => ({ s: r.crmSource, c: r.crmCaseId, id: ids.get(r) })))],
      );
      const mine = new Set(claimed.map((k) => naturalKey({ crmSource: k.s, crmCaseId: k.c })));
      const raced = rows.length - mine.size;
      rows = rows.filter((r) => mine.has(naturalKey(r)));
      if (!rows.length) return { inserted: 0, unchanged: unchanged + raced, commitments: 0, problems };

      await em.execute(
        `insert into customer (id, customer_key, segment, created_at)
         select gen_random_uuid(), k, 'STANDARD', now() from unnest(?::text[]) as k on conflict (customer_key) do nothing`,
        [pgArray(distinct([...customerOf.values()]))],
      );
      const numbers = await em.execute<{ no: string }[]>(
        "select nextval('care_case_no_seq')::text as no from generate_series(1, ?::int)",
        [rows.length],
      );

      const withPromise = rows.filter((r) => r.commitment);
      const [calendarRows, policies] = withPromise.length
        ? await Promise.all([
            em.find(BusinessCalendarRow, { centerId: { $in: distinct(withPromise.map((r) => r.centerId)) } }),
            policiesFor(
              em,
              withPromise.map((r) => ({ centerId: r.centerId })),
            ),
          ])
        : [[], []];
      const calendarOf = new Map<string, BusinessCalendar>(
        calendarRows.map((c) => [c.centerId, toBusinessCalendar(c)]),
      );

      const now = careNow();
      const cases: Record<string, unknown>[] = [];
      const events: Record<string, unknown>[] = [];
      const links: Record<string, unknown>[] = [];
      const promises: Record<string, unknown>[] = [];
      rows.forEach((row, i) => {
        const id = ids.get(row) as string;
        const cat = category.get(row.categoryCode) as CaseCategory;
        const list = found.get(row) as TrafficContact[];
        const facts: CaseEventFact[] = [];
        const add = (kind: CaseEventKind, when: Date, payload: Record<string, unknown>) =>
          facts.push({ seq: facts.length + 1, at: when, actor, kind, payload });
        add('CREATED', row.openedAt, {
          caseNo: `C${row.openedAt.getUTCFullYear()}-${numbers[i].no.padStart(6, '0')}`,
          customerKey: customerOf.get(row),
          type: row.type,
          taxonomyVersion: cat.version,
          categoryCode: cat.code,
          title: row.title,
          priority: row.priority,
          ownerAgentNo: row.ownerAgentNo,
          ownerTeamId: row.ownerTeamId,
          ownerDepartment: row.department,
          centerId: row.centerId,
          sourceContactSource: list[0].source,
          sourceContactExternalId: list[0].externalId,
          crmSource: row.crmSource,
          crmCaseId: row.crmCaseId,
        });
        for (const c of list)
          add('LINK_CONTACT', row.openedAt, { source: c.source, externalId: c.externalId });
        let from: CaseState = 'NEW';
        for (const to of statusPath(row.status)) {
          add('STATUS', row.statusAt, { from, to });
          from = to;
        }
        let state: CaseProjection | undefined;
        for (const fact of facts) state = applyCaseEvent(state, fact);
        cases.push(caseRecord(id, state as CaseProjection));
        for (const f of facts)
          events.push({
            case_id: id,
            seq: f.seq,
            at: f.at,
            actor: f.actor,
            kind: f.kind,
            payload: f.payload,
          });
        for (const c of list)
          links.push({
            source: c.source,
            external_id: c.externalId,
            case_id: id,
            channel: c.channel,
            direction: c.direction,
            arrived_at: c.arrivedAt,
            agent_no: c.agent?.employeeNo ?? null,
            queue_code: c.queueCode,
            linked_at: now,
          });
        if (row.commitment) {
          const j = withPromise.indexOf(row);
          const ladder = escalationSchedule(
            policies[j],
            row.commitment.dueAt,
            calendarOf.get(row.centerId) ?? CALENDAR_24X7,
          );
          // a historical promise does not fire its past escalation levels on import
          const ahead = ladder.fireTimes.filter((t) => new Date(t.at) >= now);
          promises.push({
            id: randomUUID(),
            client_key: `crm:${row.crmSource}:${row.crmCaseId}`,
            center_id: row.centerId,
            team_id: row.ownerTeamId,
            owner_employee_no: row.ownerAgentNo,
            customer_key: customerOf.get(row),
            contact_source: list[0].source,
            contact_external_id: list[0].externalId,
            case_id: id,
            kind: row.commitment.kind,
            channel: row.commitment.channel,
            made_at: row.openedAt,
            due_at: row.commitment.dueAt,
            due_basis: 'EXACT',
            next_escalation_at: ahead.length
              ? new Date(Math.min(...ahead.map((t) => Date.parse(t.at))))
              : null,
            escalation_fire_times: ladder.fireTimes,
            made_by: actor,
            created_at: now,
          });
        }
      });
      // one statement a table, whatever the batch's size
      await insertRows(em, 'care_case', cases);
      await insertRows(em, 'case_event', events);
      await insertRows(em, 'case_contact', links);
      await insertRows(em, 'care_commitment', promises);
      return { inserted: rows.length, unchanged: unchanged + raced, commitments: promises.length, problems };
    });
  }
}
