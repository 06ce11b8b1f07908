import type { EntityManager } from '@mikro-orm/postgresql';
import {
  complaintDeadline,
  complaintTimely,
  isIsoDate,
  isLongerDeadline,
  localDay,
  type ComplaintDeadlineBasis,
  type ComplaintOutcome,
} from '@switchboard/metrics';
import { badUserInput, conflict } from '@switchboard/server';
import Decimal from 'decimal.js';
import { applyCaseEvent, type CaseEventFact } from '../case/case-projection';
import { Case, CaseEvent } from '../case/case.entity';
import { projectionOf } from '../case/case.service';
import { encryptPii } from '../customer/pii-crypto';
import {
  Complaint,
  ComplaintCode,
  type ComplaintAxis,
  type ComplaintSeverity,
  type ComplaintSource,
  type FollowUpSatisfaction,
} from './complaint.entity';

/** A center without a business calendar counts its days in the bank's home zone. */
export const DEFAULT_COMPLAINT_TIME_ZONE = 'Asia/Shanghai';

export interface RegisterComplaint {
  caseId: string;
  expectedVersion: number;
  receivedAt: Date;
  channelCode: string;
  businessCode: string;
  reasonCode: string;
  productCode: string | null;
  severity: ComplaintSeverity;
  source: ComplaintSource;
  subjectAgentNo: string | null;
  handlerAgentNo: string;
  verbatim: string | null;
}

export interface DecideComplaint {
  caseId: string;
  expectedVersion: number;
  outcome: ComplaintOutcome;
  decidedAt: Date | null;
  customerInformedAt: Date | null;
  remedy: string | null;
  remedyAmount: string | null;
  remedyCurrency: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  correctiveActionDue: string | null;
}

export interface ChangeComplaint {
  handlerAgentNo?: string | null;
  correctiveActionDoneAt?: Date | null;
  followUpSatisfaction?: FollowUpSatisfaction | null;
}

const AXIS_FIELD: Record<ComplaintAxis, 'channelCode' | 'businessCode' | 'reasonCode'> = {
  CHANNEL: 'channelCode',
  BUSINESS: 'businessCode',
  REASON: 'reasonCode',
};

function notInFuture(value: Date, now: Date, field: string): void {
  if (Number.isNaN(value.getTime())) throw badUserInput({ field, message: 'is not a date-time' });
  if (value.getTime() > now.getTime()) throw badUserInput({ field, message: 'must not be in the future' });
}

/**
 * Complaint writes. Each locks the case, checks its version, writes the complaint row and appends a
 * COMPLAINT event to the case's log in one transaction: the case's version guards both.
 */
export class ComplaintService {
  constructor(private readonly em: EntityManager) {}

  private async lockCase(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    field: string,
  ): Promise<Case> {
    // em.execute runs in the transaction (a plain connection.execute would lock nothing)
    const rows = await em.execute<{ id: string }[]>('select id from care_case where id = ? for update', [id]);
    if (!rows.length) throw badUserInput({ field, message: `no case "${id}"` });
    const row = await em.findOneOrFail(Case, { id }, { refresh: true });
    if (row.version !== expectedVersion)
      throw conflict(
        `case ${row.caseNo} is at version ${row.version}, not ${expectedVersion}: reload it and try again`,
        'expectedVersion',
      );
    return row;
  }

  private async complaintOf(em: EntityManager, row: Case, field: string, open = true): Promise<Complaint> {
    const complaint = await em.findOne(Complaint, { caseId: row.id }, { refresh: true });
    if (!complaint) throw badUserInput({ field, message: `case ${row.caseNo} has no complaint` });
    if (open && complaint.closedAt)
      throw badUserInput({ field, message: `the complaint of case ${row.caseNo} is already closed` });
    return complaint;
  }

  private append(
    em: EntityManager,
    row: Case,
    actor: string,
    at: Date,
    payload: Record<string, unknown>,
  ): void {
    const fact: CaseEventFact = { seq: row.version + 1, at, actor, kind: 'COMPLAINT', payload };
    em.assign(row, applyCaseEvent(projectionOf(row), fact));
    em.persist(em.create(CaseEvent, { caseId: row.id, ...fact }));
  }

  async timeZoneOf(em: EntityManager, centerId: string): Promise<string> {
    const rows = await em.execute<{ time_zone: string }[]>(
      'select time_zone from care_business_calendar where center_id = ?',
      [centerId],
    );
    return rows[0]?.time_zone ?? DEFAULT_COMPLAINT_TIME_ZONE;
  }

  async register(input: RegisterComplaint, actor: string, now: Date): Promise<Complaint> {
    notInFuture(input.receivedAt, now, 'input.receivedAt');
    if (input.subjectAgentNo && input.subjectAgentNo === input.handlerAgentNo)
      throw badUserInput({
        field: 'input.handlerAgentNo',
        message: 'the handler must not be the agent complained about (回避)',
      });
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, input.caseId, input.expectedVersion, 'input.caseId');
      if (await em.count(Complaint, { caseId: row.id }))
        throw conflict(`case ${row.caseNo} already has a complaint`, 'input.caseId');
      const codes = await em.find(ComplaintCode, {
        current: true,
        $or: (Object.keys(AXIS_FIELD) as ComplaintAxis[]).map((axis) => ({
          axis,
          code: input[AXIS_FIELD[axis]],
        })),
      });
      for (const axis of Object.keys(AXIS_FIELD) as ComplaintAxis[]) {
        const field = AXIS_FIELD[axis];
        if (!codes.some((c) => c.axis === axis && c.code === input[field]))
          throw badUserInput({
            field: `input.${field}`,
            message: `no ${axis} code "${input[field]}" in the current code list`,
          });
      }
      const timeZone = await this.timeZoneOf(em, row.centerId);
      const deadline = complaintDeadline(input.receivedAt, 'DAYS_15', timeZone);
      const complaint = em.create(Complaint, {
        caseId: row.id,
        centerId: row.centerId,
        teamId: row.ownerTeamId,
        customerKey: row.customerKey,
        receivedAt: input.receivedAt,
        taxonomyVersion: codes[0].version,
        channelCode: input.channelCode,
        businessCode: input.businessCode,
        reasonCode: input.reasonCode,
        productCode: input.productCode,
        severity: input.severity,
        source: input.source,
        escalatedFromType: row.type === 'COMPLAINT' ? null : row.type,
        subjectAgentNo: input.subjectAgentNo,
        handlerAgentNo: input.handlerAgentNo,
        verbatimEnc: input.verbatim ? encryptPii(input.verbatim, row.customerKey) : null,
        timeZone,
        deadlineBasis: 'DAYS_15',
        deadlineAt: deadline.deadlineAt,
        deadlineDate: deadline.deadlineDate,
      });
      // the verbatim stays out of the log (PII): the log says it was given
      this.append(em, row, actor, now, {
        action: 'REGISTERED',
        ...(row.type === 'COMPLAINT' ? {} : { caseType: 'COMPLAINT', fromType: row.type }),
        receivedAt: input.receivedAt.toISOString(),
        channelCode: input.channelCode,
        businessCode: input.businessCode,
        reasonCode: input.reasonCode,
        severity: input.severity,
        source: input.source,
        subjectAgentNo: input.subjectAgentNo,
        handlerAgentNo: input.handlerAgentNo,
        deadlineDate: deadline.deadlineDate,
        verbatimGiven: input.verbatim != null,
      });
      em.persist(complaint);
      await em.flush();
      return complaint;
    });
  }

  async extend(
    input: { caseId: string; expectedVersion: number; basis: ComplaintDeadlineBasis; reason: string },
    actor: string,
    now: Date,
  ): Promise<Complaint> {
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, input.caseId, input.expectedVersion, 'input.caseId');
      const complaint = await this.complaintOf(em, row, 'input.caseId');
      if (!isLongerDeadline(complaint.deadlineBasis, input.basis))
        throw badUserInput({
          field: 'input.basis',
          message: `must be longer than ${complaint.deadlineBasis}`,
        });
      if (now.getTime() >= complaint.deadlineAt.getTime())
        throw badUserInput({
          field: 'input.basis',
          message: `the deadline (${complaint.deadlineDate}) has passed: an extension is approved before it`,
        });
      const deadline = complaintDeadline(complaint.receivedAt, input.basis, complaint.timeZone);
      const fromBasis = complaint.deadlineBasis;
      em.assign(complaint, {
        deadlineBasis: input.basis,
        deadlineAt: deadline.deadlineAt,
        deadlineDate: deadline.deadlineDate,
        extensionApprovedBy: actor,
        extensionReason: input.reason,
        extendedAt: now,
      });
      this.append(em, row, actor, now, {
        action: 'EXTENDED',
        fromBasis,
        basis: input.basis,
        reason: input.reason,
        deadlineDate: deadline.deadlineDate,
      });
      await em.flush();
      return complaint;
    });
  }

  async decide(input: DecideComplaint, actor: string, now: Date): Promise<Complaint> {
    const decidedAt = input.decidedAt ?? now;
    notInFuture(decidedAt, now, 'input.decidedAt');
    if (input.customerInformedAt) notInFuture(input.customerInformedAt, now, 'input.customerInformedAt');
    if (input.correctiveActionDue && !input.correctiveAction)
      throw badUserInput({ field: 'input.correctiveActionDue', message: 'needs a correctiveAction' });
    if (input.correctiveActionDue && !isIsoDate(input.correctiveActionDue))
      throw badUserInput({ field: 'input.correctiveActionDue', message: 'must be a real date YYYY-MM-DD' });
    if (input.remedyAmount != null && new Decimal(input.remedyAmount).isNegative())
      throw badUserInput({ field: 'input.remedyAmount', message: 'must not be negative' });
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, input.caseId, input.expectedVersion, 'input.caseId');
      const complaint = await this.complaintOf(em, row, 'input.caseId');
      if (decidedAt.getTime() < complaint.receivedAt.getTime())
        throw badUserInput({
          field: 'input.decidedAt',
          message: 'must not be before the complaint was received',
        });
      if (input.customerInformedAt && input.customerInformedAt.getTime() < complaint.receivedAt.getTime())
        throw badUserInput({
          field: 'input.customerInformedAt',
          message: 'must not be before the complaint was received',
        });
      if (input.correctiveActionDue && input.correctiveActionDue < localDay(decidedAt, complaint.timeZone))
        throw badUserInput({
          field: 'input.correctiveActionDue',
          message: 'must not be before the decision day',
        });
      const amount = input.remedyAmount == null ? null : new Decimal(input.remedyAmount).toFixed(2);
      em.assign(complaint, {
        closedAt: decidedAt,
        outcome: input.outcome,
        customerInformedAt: input.customerInformedAt,
        remedy: input.remedy,
        remedyAmount: amount,
        remedyCurrency: input.remedyCurrency ?? 'CNY',
        rootCause: input.rootCause,
        correctiveAction: input.correctiveAction,
        correctiveActionDue: input.correctiveActionDue,
      });
      this.append(em, row, actor, now, {
        action: 'DECIDED',
        outcome: input.outcome,
        decidedAt: decidedAt.toISOString(),
        timely: complaintTimely(decidedAt, complaint.deadlineAt),
        remedyAmount: amount,
        remedyCurrency: complaint.remedyCurrency,
        correctiveActionDue: input.correctiveActionDue,
      });
      await em.flush();
      return complaint;
    });
  }

  async change(
    caseId: string,
    expectedVersion: number,
    change: ChangeComplaint,
    actor: string,
    now: Date,
  ): Promise<Complaint> {
    if (change.correctiveActionDoneAt)
      notInFuture(change.correctiveActionDoneAt, now, 'change.correctiveActionDoneAt');
    return this.em.transactional(async (em) => {
      const row = await this.lockCase(em, caseId, expectedVersion, 'caseId');
      const complaint = await this.complaintOf(em, row, 'caseId', false);
      const payload: Record<string, unknown> = { action: 'CHANGED' };
      if (change.handlerAgentNo && change.handlerAgentNo !== complaint.handlerAgentNo) {
        if (change.handlerAgentNo === complaint.subjectAgentNo)
          throw badUserInput({
            field: 'change.handlerAgentNo',
            message: 'the handler must not be the agent complained about (回避)',
          });
        payload.handlerAgentNo = change.handlerAgentNo;
        payload.fromHandlerAgentNo = complaint.handlerAgentNo;
        complaint.handlerAgentNo = change.handlerAgentNo;
      }
      if (change.correctiveActionDoneAt) {
        if (!complaint.correctiveAction)
          throw badUserInput({
            field: 'change.correctiveActionDoneAt',
            message: 'the complaint has no corrective action',
          });
        payload.correctiveActionDoneAt = change.correctiveActionDoneAt.toISOString();
        complaint.correctiveActionDoneAt = change.correctiveActionDoneAt;
      }
      if (change.followUpSatisfaction) {
        if (!complaint.closedAt)
          throw badUserInput({
            field: 'change.followUpSatisfaction',
            message: 'the complaint is not decided yet',
          });
        payload.followUpSatisfaction = change.followUpSatisfaction;
        complaint.followUpSatisfaction = change.followUpSatisfaction;
      }
      if (Object.keys(payload).length === 1)
        throw badUserInput({ field: 'change', message: 'nothing to change' });
      this.append(em, row, actor, now, payload);
      await em.flush();
      return complaint;
    });
  }

  /** A bank's own code: the current version copied into a new one with the code added. */
  async addCode(
    input: { axis: ComplaintAxis; code: string; parentCode: string; nameZh: string; nameEn: string },
    actor: string,
  ): Promise<ComplaintCode> {
    return this.em.transactional(async (em) => {
      await em.execute('lock table complaint_code in exclusive mode');
      const current = await em.find(ComplaintCode, { current: true });
      if (current.some((c) => c.axis === input.axis && c.code === input.code))
        throw conflict(`${input.axis} code ${input.code} exists already`, 'input.code');
      if (!current.some((c) => c.axis === input.axis && c.code === input.parentCode))
        throw badUserInput({
          field: 'input.parentCode',
          message: `no ${input.axis} code "${input.parentCode}"`,
        });
      const version = Math.max(...current.map((c) => c.version)) + 1;
      const label = `${current[0].versionLabel.replace(/ \+ bank codes.*$/, '')} + bank codes (v${version})`;
      await em.execute(
        `insert into complaint_code (version, axis, code, parent_code, name_zh, name_en, origin, version_label, current)
         select ?, axis, code, parent_code, name_zh, name_en, origin, ?, true from complaint_code where current
         union all select ?, ?, ?, ?, ?, ?, ?, ?, true`,
        [
          version,
          label,
          version,
          input.axis,
          input.code,
          input.parentCode,
          input.nameZh,
          input.nameEn,
          `BANK:${actor}`,
          label,
        ],
      );
      await em.execute('update complaint_code set current = false where current and version < ?', [version]);
      return em.findOneOrFail(
        ComplaintCode,
        { version, axis: input.axis, code: input.code },
        { refresh: true },
      );
    });
  }
}
