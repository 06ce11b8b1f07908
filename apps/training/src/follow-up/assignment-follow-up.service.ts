import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { outsideScope } from '@switchboard/auth';
import { pgArray } from '@switchboard/db';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { isUuid } from '../common/validation';

/** Who acted: the token's subject and, for a person, their employee number. */
export interface FollowUpActor {
  subject: string;
  employeeNo: string | null;
}

export type FollowUpKind = 'REMINDER' | 'NEW_DUE_DATE';

export interface FollowUpRow {
  assignmentId: string;
  kind: FollowUpKind;
  at: Date;
  byEmployeeNo: string | null;
  note: string | null;
  previousDueDate: string | null;
  newDueDate: string | null;
}

interface AssignmentRow {
  id: string;
  employee_no: string;
  assigned_on: string;
  due_date: string;
  completed_on: string | null;
}

/** At most this many assignments in one reminder (HR's overdue list shows up to 500 a page). */
export const MAX_REMINDED = 500;
/** A second reminder of the same assignment within this time adds nothing (a double click, two HR officers). */
export const REMINDER_QUIET_MS = 60 * 60_000;
const MAX_NOTE = 500;

/**
 * Reminders and new due dates for overdue assignments (issue 25: from HR's overdue list, one step),
 * each kept with who and when. Every input is checked before anything is written; a caller limited
 * to some centers or teams is refused alike for an assignment outside them and one that does not
 * exist, so existence is not revealed.
 */
export class AssignmentFollowUpService {
  constructor(private readonly em: EntityManager) {}

  async remind(
    ids: readonly string[],
    note: string | null | undefined,
    actor: FollowUpActor,
    sees: { all: boolean; agent: (employeeNo: string) => boolean },
    now = new Date(),
  ): Promise<string[]> {
    const problems: FieldProblem[] = [];
    if (ids.length === 0) problems.push({ field: 'ids', message: 'must name at least one assignment' });
    if (ids.length > MAX_REMINDED)
      problems.push({ field: 'ids', message: `at most ${MAX_REMINDED} assignments at once` });
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (!isUuid(id)) problems.push({ field: `ids[${i}]`, message: `"${id}" is not an assignment id` });
      else if (seen.has(id)) problems.push({ field: `ids[${i}]`, message: 'named twice' });
      seen.add(id);
    });
    const text = cleanNote(note, 'note', problems);
    if (problems.length) throw badUserInput(problems);

    return this.em.transactional(async (tx) => {
      // locked: two reminders at once see each other's (the quiet window holds under concurrency)
      const rows = await tx.execute<AssignmentRow[]>(
        `select id, employee_no, assigned_on::text, due_date::text, completed_on::text
           from assignment where id = any(?::uuid[]) order by id for update`,
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      ids.forEach((id, i) => {
        const row = byId.get(id);
        if (!row || !sees.agent(row.employee_no)) {
          if (!sees.all) throw outsideScope('remindAssignments');
          problems.push({ field: `ids[${i}]`, message: `no assignment with id ${id}` });
        } else if (row.completed_on)
          problems.push({ field: `ids[${i}]`, message: `already completed on ${row.completed_on}` });
      });
      if (problems.length) throw badUserInput(problems);
      await tx.execute(
        `insert into assignment_follow_up (id, assignment_id, kind, by_subject, by_employee_no, at, note)
         select r.id, r.assignment_id, 'REMINDER', ?, ?, ?, ?
           from unnest(?::uuid[], ?::uuid[]) as r(id, assignment_id)
          where not exists (
            select 1 from assignment_follow_up f
             where f.assignment_id = r.assignment_id and f.kind = 'REMINDER' and f.at > ?)`,
        [
          actor.subject,
          actor.employeeNo,
          now,
          text,
          pgArray(ids.map(() => randomUUID())),
          pgArray(ids),
          new Date(now.getTime() - REMINDER_QUIET_MS),
        ],
      );
      return [...ids];
    });
  }

  async setDueDate(
    id: string,
    dueDate: string,
    reason: string | null | undefined,
    actor: FollowUpActor,
    sees: { all: boolean; agent: (employeeNo: string) => boolean },
    now = new Date(),
  ): Promise<string> {
    const problems: FieldProblem[] = [];
    if (!isUuid(id)) problems.push({ field: 'id', message: `"${id}" is not an assignment id` });
    const today = now.toISOString().slice(0, 10);
    if (dueDate < today)
      problems.push({ field: 'dueDate', message: `must not be in the past (today is ${today})` });
    const text = cleanNote(reason, 'reason', problems);
    if (!text && !problems.some((p) => p.field === 'reason'))
      problems.push({ field: 'reason', message: 'must say why the due date changes' });
    if (problems.length) throw badUserInput(problems);

    return this.em.transactional(async (tx) => {
      const [row] = await tx.execute<AssignmentRow[]>(
        `select id, employee_no, assigned_on::text, due_date::text, completed_on::text
           from assignment where id = ? for update`,
        [id],
      );
      if (!row || !sees.agent(row.employee_no)) {
        if (!sees.all) throw outsideScope('setAssignmentDueDate');
        throw badUserInput({ field: 'id', message: `no assignment with id ${id}` });
      }
      if (row.completed_on)
        throw badUserInput({ field: 'id', message: `already completed on ${row.completed_on}` });
      if (dueDate < row.assigned_on)
        throw badUserInput({
          field: 'dueDate',
          message: `must not be before the assignment (${row.assigned_on})`,
        });
      if (dueDate === row.due_date)
        throw badUserInput({ field: 'dueDate', message: 'is the due date already' });
      await tx.execute(`update assignment set due_date = ? where id = ?`, [dueDate, id]);
      await tx.execute(
        `insert into assignment_follow_up
           (id, assignment_id, kind, by_subject, by_employee_no, at, note, previous_due_date, new_due_date)
         values (?, ?, 'NEW_DUE_DATE', ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), id, actor.subject, actor.employeeNo, now, text, row.due_date, dueDate],
      );
      return id;
    });
  }

  /** The trails of many assignments, newest first, in one statement. */
  async trails(assignmentIds: readonly string[]): Promise<FollowUpRow[]> {
    if (assignmentIds.length === 0) return [];
    const rows = await this.em.execute<
      {
        assignment_id: string;
        kind: FollowUpKind;
        at: Date;
        by_employee_no: string | null;
        note: string | null;
        previous_due_date: string | null;
        new_due_date: string | null;
      }[]
    >(
      `select assignment_id, kind, at, by_employee_no, note, previous_due_date::text, new_due_date::text
         from assignment_follow_up where assignment_id = any(?::uuid[]) order by at desc, id desc`,
      [pgArray(assignmentIds.filter(isUuid))],
    );
    return rows.map((r) => ({
      assignmentId: r.assignment_id,
      kind: r.kind,
      at: new Date(r.at),
      byEmployeeNo: r.by_employee_no,
      note: r.note,
      previousDueDate: r.previous_due_date,
      newDueDate: r.new_due_date,
    }));
  }
}

function cleanNote(value: string | null | undefined, field: string, problems: FieldProblem[]): string | null {
  const text = value?.trim() ?? '';
  if (text.length > MAX_NOTE) problems.push({ field, message: `at most ${MAX_NOTE} characters` });
  return text === '' ? null : text;
}
