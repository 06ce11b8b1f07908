import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCaseTransition, InvalidInputError, type CaseState } from '@switchboard/metrics';
import { badUserInput, conflict } from '@switchboard/server';
import { resolveCustomerKeys } from '../customer/customer.service';
import type { TrafficContact } from '../references/traffic-contacts';
import { applyCaseEvent, type CaseEventFact, type CaseProjection } from './case-projection';
import { Case, CaseCategory, CaseContact, CaseEvent, type CaseEventKind, type CaseKind } from './case.entity';

export interface OpenCase {
  contact: TrafficContact;
  type: CaseKind;
  categoryCode: string;
  title: string;
  priority: number;
  ownerAgentNo: string | null;
  ownerTeamId: string | null;
  department: string;
  centerId: string;
}

export interface CaseChange {
  ownerAgentNo?: string | null;
  ownerTeamId?: string | null;
  department?: string | null;
  status?: CaseState | null;
  note?: string | null;
}

const PROJECTED: (keyof CaseProjection)[] = [
  'caseNo',
  'customerKey',
  'type',
  'taxonomyVersion',
  'categoryCode',
  'title',
  'status',
  'priority',
  'ownerAgentNo',
  'ownerTeamId',
  'ownerDepartment',
  'centerId',
  'sourceContactSource',
  'sourceContactExternalId',
  'openedAt',
  'resolvedAt',
  'closedAt',
  'reopenCount',
  'handoffCount',
  'createdBy',
  'version',
];

export function projectionOf(row: Case): CaseProjection {
  return Object.fromEntries(PROJECTED.map((k) => [k, row[k]])) as unknown as CaseProjection;
}

/**
 * Case writes. Each appends events and applies them to the case row in one transaction: the row
 * is the projection of the events (case-projection.ts); a stale `expectedVersion` is CONFLICT.
 */
export class CaseService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first; `centers` null for a caller who sees every center. */
  list(where: FilterQuery<Case>, first: number): Promise<Case[]> {
    return this.em.find(Case, where, { orderBy: { openedAt: 'desc', id: 'desc' }, limit: first });
  }

  /** Refuses (CONFLICT, naming the case) contacts already linked to a case. */
  private async requireUnlinked(em: EntityManager, contacts: TrafficContact[], field: string): Promise<void> {
    const linked = await em.find(CaseContact, {
      $or: contacts.map((c) => ({ source: c.source, externalId: c.externalId })),
    });
    if (!linked.length) return;
    const other = await em.findOneOrFail(Case, { id: linked[0].caseId });
    throw conflict(
      `contact ${linked[0].source}/${linked[0].externalId} already belongs to case ${other.caseNo}`,
      field,
    );
  }

  async open(input: OpenCase, actor: string): Promise<Case> {
    return this.em.transactional(async (em) => {
      const category = await em.findOne(CaseCategory, { code: input.categoryCode, current: true });
      if (!category)
        throw badUserInput({ field: 'input.categoryCode', message: `no category "${input.categoryCode}"` });
      await this.requireUnlinked(em, [input.contact], 'input.contact');
      const [customerKey] = await resolveCustomerKeys(em, [input.contact.customerKey as string]);
      await em.execute(
        'insert into customer (id, customer_key, segment, created_at) values (gen_random_uuid(), ?, ?, now()) on conflict (customer_key) do nothing',
        [customerKey, 'STANDARD'],
      );
      const [{ no }] = await em.execute<{ no: string }[]>("select nextval('care_case_no_seq')::text as no");
      const at = new Date();
      const payload = {
        caseNo: `C${at.getUTCFullYear()}-${no.padStart(6, '0')}`,
        customerKey,
        type: input.type,
        taxonomyVersion: category.version,
        categoryCode: category.code,
        title: input.title,
        priority: input.priority,
        ownerAgentNo: input.ownerAgentNo,
        ownerTeamId: input.ownerTeamId?.toLowerCase() ?? null,
        ownerDepartment: input.department,
        centerId: input.centerId.toLowerCase(),
        sourceContactSource: input.contact.source,
        sourceContactExternalId: input.contact.externalId,
      };
      const fact: CaseEventFact = { seq: 1, at, actor, kind: 'CREATED', payload };
      const row = em.create(Case, applyCaseEvent(undefined, fact));
      await em.persistAndFlush(row); // first: the event and the link refer to it
      em.persist(em.create(CaseEvent, { caseId: row.id, ...fact }));
      await em.flush();
      await this.appendEvents(em, row, actor, [
        ['LINK_CONTACT', { source: input.contact.source, externalId: input.contact.externalId }],
      ]);
      this.linkRow(em, row.id, input.contact);
      await em.flush();
      return row;
    });
  }

  private linkRow(em: EntityManager, caseId: string, c: TrafficContact): void {
    em.persist(
      em.create(CaseContact, {
        source: c.source,
        externalId: c.externalId,
        caseId,
        channel: c.channel,
        direction: c.direction,
        arrivedAt: new Date(c.arrivedAt),
        agentNo: c.agent?.employeeNo ?? null,
        queueCode: c.queueCode,
      }),
    );
  }

  /** Locks the case and checks the caller's version (CONFLICT when stale). */
  private async lockCase(em: EntityManager, id: string, expectedVersion: number): Promise<Case> {
    const rows = await em.execute<{ id: string }[]>('select id from care_case where id = ? for update', [id]);
    if (!rows.length) throw badUserInput({ field: 'caseId', message: `no case "${id}"` });
    const row = await em.findOneOrFail(Case, { id }, { refresh: true });
    if (row.version !== expectedVersion)
      throw conflict(
        `case ${row.caseNo} is at version ${row.version}, not ${expectedVersion}: reload it and try again`,
        'expectedVersion',
      );
    return row;
  }

  /** Appends events (seq = version + 1, …) and applies each to the row. */
  private async appendEvents(
    em: EntityManager,
    row: Case,
    actor: string,
    events: [CaseEventKind, Record<string, unknown>][],
  ): Promise<void> {
    let state = projectionOf(row);
    for (const [kind, payload] of events) {
      const fact: CaseEventFact = { seq: state.version + 1, at: new Date(), actor, kind, payload };
      state = applyCaseEvent(state, fact);
      em.persist(em.create(CaseEvent, { caseId: row.id, ...fact }));
    }
    em.assign(row, state);
    await em.flush();
  }

  async link(caseId: string, expectedVersion: number, contact: TrafficContact, actor: string): Promise<Case> {
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, caseId, expectedVersion);
      const [key] = contact.customerKey ? await resolveCustomerKeys(em, [contact.customerKey]) : [null];
      if (key !== row.customerKey)
        throw badUserInput({
          field: 'contact',
          message: `the contact is not of the case's customer (${key ?? 'no customer key'})`,
        });
      await this.requireUnlinked(em, [contact], 'contact');
      this.linkRow(em, row.id, contact);
      await this.appendEvents(em, row, actor, [
        ['LINK_CONTACT', { source: contact.source, externalId: contact.externalId }],
      ]);
      return row;
    });
  }

  async change(caseId: string, expectedVersion: number, change: CaseChange, actor: string): Promise<Case> {
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, caseId, expectedVersion);
      const events: [CaseEventKind, Record<string, unknown>][] = [];
      if (change.ownerAgentNo !== undefined || change.ownerTeamId !== undefined) {
        const ownerAgentNo = change.ownerAgentNo === undefined ? row.ownerAgentNo : change.ownerAgentNo;
        const ownerTeamId =
          change.ownerTeamId === undefined ? row.ownerTeamId : (change.ownerTeamId?.toLowerCase() ?? null);
        if (ownerAgentNo !== row.ownerAgentNo || ownerTeamId !== row.ownerTeamId)
          events.push([
            'OWNER',
            { ownerAgentNo, ownerTeamId, fromAgentNo: row.ownerAgentNo, fromTeamId: row.ownerTeamId },
          ]);
      }
      if (change.department && change.department !== row.ownerDepartment)
        events.push(['DEPARTMENT', { from: row.ownerDepartment, to: change.department }]);
      if (change.status) {
        try {
          assertCaseTransition(row.status, change.status, 'status');
        } catch (error) {
          if (error instanceof InvalidInputError) throw badUserInput(error.problems);
          throw error;
        }
        events.push(['STATUS', { from: row.status, to: change.status }]);
      }
      if (change.note) events.push(['NOTE', { text: change.note }]);
      if (!events.length) throw badUserInput({ field: 'change', message: 'nothing to change' });
      await this.appendEvents(em, row, actor, events);
      return row;
    });
  }
}
