import { normalizeCustomerKey } from '../customer/customer-key';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CALENDAR_24X7,
  commitmentDueAt,
  commitmentStatus,
  validateCommitment,
  type CommitmentInput,
  type DueSpec,
} from '@switchboard/metrics';
import { badUserInput, conflict, type FieldProblem } from '@switchboard/server';
import { isUuid } from '@switchboard/subgraph-kit';
import { careServices, type AgentPlacement } from '../care-services';
import { Case } from '../case/case.entity';
import { BusinessCalendarRow } from '../calendar/business-calendar.entity';
import { toBusinessCalendar } from '../calendar/calendar.service';
import { escalationSchedule, policiesFor } from '../escalation/escalation-policy';
import { CommitmentEvent } from './commitment-event.entity';
import { Commitment } from './commitment.entity';
import type { FulfilCommitmentInput, MakeCommitmentInput } from './commitment.input';

export interface CommitmentFilter {
  /** null: every one the caller sees */
  visible: { all: boolean; employeeNos: string[]; teamIds: string[]; centerIds: string[] };
  ownerEmployeeNo?: string | null;
  /** The stored forms of one customer's key */
  customerKeys?: string[] | null;
  centerId?: string | null;
  openOnly?: boolean;
  first: number;
}

export class CommitmentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Makes a commitment for `owner` (the token's employee number), or returns the one already made
   * with the same client key. Every problem is found (and named) before anything is written: the
   * due time, the center's calendar, the case, the contact (one batched call to traffic).
   */
  async make(input: MakeCommitmentInput, owner: string, madeBy: string): Promise<Commitment> {
    const existing = await this.em.findOne(Commitment, {
      ownerEmployeeNo: owner,
      clientKey: input.clientKey,
    });
    if (existing) return existing;

    const { clock, contacts, directory } = careServices();
    const madeAt = clock();
    const centerId = input.centerId.toLowerCase();
    const problems: FieldProblem[] = [];
    const calendarRow = await this.em.findOne(BusinessCalendarRow, { centerId });
    const hasExact = input.dueAt != null;
    const hasMinutes = input.dueInBusinessMinutes != null;
    if (hasExact === hasMinutes) {
      problems.push({ field: 'input.dueAt', message: 'give exactly one of dueAt and dueInBusinessMinutes' });
    }
    if (hasMinutes && !calendarRow) {
      problems.push({ field: 'input.centerId', message: `center ${centerId} has no business calendar` });
    }
    const due: DueSpec | null = hasExact
      ? { basis: 'EXACT', dueAt: input.dueAt as Date }
      : hasMinutes
        ? { basis: 'BUSINESS_MINUTES', businessMinutes: input.dueInBusinessMinutes as number }
        : null;
    const calendar = calendarRow ? toBusinessCalendar(calendarRow) : null;
    if (due && hasExact !== hasMinutes && (due.basis === 'EXACT' || calendar)) {
      const facts: CommitmentInput = {
        kind: input.kind as CommitmentInput['kind'],
        channel: input.channel as CommitmentInput['channel'],
        madeAt,
        windowStart: input.windowStart ?? null,
        due,
      };
      problems.push(...validateCommitment(facts, calendar).map((p) => ({ ...p, field: `input.${p.field}` })));
    }
    if (input.caseId != null) {
      const found = isUuid(input.caseId)
        ? await this.em.findOne(Case, { id: input.caseId.toLowerCase() })
        : null;
      if (!found) problems.push({ field: 'input.caseId', message: `no case ${input.caseId}` });
      else if (found.centerId !== centerId)
        problems.push({ field: 'input.caseId', message: 'belongs to another center' });
    }
    const [contact] = await contacts([input.contact]);
    if (!contact) {
      problems.push({
        field: 'input.contact.externalId',
        message: `no contact ${input.contact.source}/${input.contact.externalId} in traffic`,
      });
    } else if (contact.customerKey) {
      // the promise is the contact's customer's (the matcher looks for their next contact)
      const given = normalizeCustomerKey(input.customerKey);
      if (given !== normalizeCustomerKey(contact.customerKey))
        problems.push({ field: 'input.customerKey', message: "is not the contact's customer" });
    }
    if (problems.length) throw badUserInput(problems);

    const dueAt = commitmentDueAt(madeAt, due as DueSpec, calendar);
    const [team] = await directory([
      { ownerEmployeeNo: owner, asOf: madeAt.toISOString().slice(0, 10), at: madeAt },
    ]);
    const [policy] = await policiesFor(this.em, [{ centerId }]);
    const ladder = escalationSchedule(policy, dueAt, calendar ?? CALENDAR_24X7);
    const row = this.em.create(Commitment, {
      clientKey: input.clientKey,
      centerId,
      teamId: team?.teamId ?? null,
      ownerEmployeeNo: owner,
      customerKey: input.customerKey,
      contactSource: input.contact.source,
      contactExternalId: input.contact.externalId,
      caseId: input.caseId?.toLowerCase() ?? null,
      kind: input.kind,
      channel: input.channel,
      madeAt,
      windowStart: input.windowStart ?? null,
      dueAt,
      dueBasis: (due as DueSpec).basis,
      businessMinutes: input.dueInBusinessMinutes ?? null,
      graceMinutes: input.graceMinutes,
      nextEscalationAt: ladder.first,
      escalationFireTimes: ladder.fireTimes,
      madeBy,
    });
    // a concurrent request with the same key: the unique constraint answers, the first one wins
    await this.em.upsert(Commitment, row, {
      onConflictFields: ['ownerEmployeeNo', 'clientKey'],
      onConflictAction: 'ignore',
    });
    this.em.clear();
    return (await this.em.findOne(Commitment, {
      ownerEmployeeNo: owner,
      clientKey: input.clientKey,
    })) as Commitment;
  }

  /** Kept by hand, with evidence; a commitment already kept or cancelled cannot be kept again. */
  async fulfil(row: Commitment, input: FulfilCommitmentInput, by: string): Promise<Commitment> {
    const now = careServices().clock();
    const status = commitmentStatus(row, now);
    if (status !== 'OPEN' && status !== 'BROKEN') {
      throw badUserInput({ field: 'input.id', message: `the commitment is ${status}` });
    }
    Object.assign(row, {
      fulfilledAt: now,
      fulfilledBy: by,
      fulfilmentEvidence: input.evidence,
      nextEscalationAt: null,
    });
    await this.em.flush();
    return row;
  }

  /**
   * Gives an open commitment to another agent (who must work in its center: its calendar and policy
   * stay), at the version the caller read, with an event on its log, in one transaction. The next
   * escalations address the new owner and their team's lead.
   */
  async reassign(
    row: Commitment,
    target: AgentPlacement,
    change: { expectedVersion: number; reason: string | null },
    actor: string,
  ): Promise<Commitment> {
    const now = careServices().clock();
    const problems: FieldProblem[] = [];
    const status = commitmentStatus(row, now);
    if (status !== 'OPEN' && status !== 'BROKEN')
      problems.push({ field: 'input.id', message: `the commitment is ${status}: nothing to reassign` });
    if (target.employeeNo === row.ownerEmployeeNo)
      problems.push({ field: 'input.ownerEmployeeNo', message: 'already owns the commitment' });
    if (target.centerId !== row.centerId)
      problems.push({
        field: 'input.ownerEmployeeNo',
        message: "works in another center (a commitment keeps its center's calendar and policy)",
      });
    if (problems.length) throw badUserInput(problems);
    return this.em.transactional(async (tx) => {
      // the version check and the write in one statement: a concurrent change makes it match nothing
      const updated = await tx.execute<{ id: string }[]>(
        `update care_commitment set owner_employee_no = ?, team_id = ?, version = version + 1
          where id = ? and version = ? returning id`,
        [target.employeeNo, target.teamId, row.id, change.expectedVersion],
      );
      if (!updated.length)
        throw conflict(
          `the commitment is at version ${row.version}, not ${change.expectedVersion}`,
          'input.expectedVersion',
        );
      tx.create(CommitmentEvent, {
        commitmentId: row.id,
        kind: 'REASSIGNED',
        at: now,
        actor,
        fromOwner: row.ownerEmployeeNo,
        toOwner: target.employeeNo,
        fromTeamId: row.teamId ?? null,
        toTeamId: target.teamId,
        reason: change.reason,
      });
      await tx.flush();
      return (await tx.findOneOrFail(Commitment, { id: row.id }, { refresh: true })) as Commitment;
    });
  }

  list(filter: CommitmentFilter): Promise<Commitment[]> {
    const where: FilterQuery<Commitment> = {};
    const and: FilterQuery<Commitment>[] = [];
    if (!filter.visible.all) {
      and.push({
        $or: [
          { ownerEmployeeNo: { $in: filter.visible.employeeNos } },
          { teamId: { $in: filter.visible.teamIds } },
          { centerId: { $in: filter.visible.centerIds } },
        ],
      });
    }
    if (filter.ownerEmployeeNo) and.push({ ownerEmployeeNo: filter.ownerEmployeeNo });
    if (filter.customerKeys) and.push({ customerKey: { $in: filter.customerKeys } });
    if (filter.centerId) and.push({ centerId: filter.centerId.toLowerCase() });
    if (filter.openOnly) and.push({ fulfilledAt: null });
    if (and.length) where.$and = and;
    return this.em.find(Commitment, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: filter.first });
  }
}
