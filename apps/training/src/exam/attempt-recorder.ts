import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Certification } from '../certification/certification.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { Exam } from './exam.entity';
import {
  pairKey,
  planAttempts,
  type AttemptPlan,
  type AttemptRequest,
  type ExamRules,
  type LatestAttempt,
} from './attempt-plan';

interface LatestRow {
  exam_id: string;
  employee_no: string;
  sequence: number;
  attempt_no: number;
  passed: boolean;
  taken_on: string;
}

export interface RecordedAttempts extends AttemptPlan {
  /** Requests whose (source, external id) is already stored: skipped. */
  duplicates: number;
}

/**
 * Writes a batch of exam attempts with a constant number of statements, whatever its size: lock the
 * (exam, agent) pairs, read each pair's latest attempt, plan (attempt-plan.ts), insert attempts and
 * certifications, start and complete the matching open assignments. Call it inside a transaction.
 */
export async function recordAttempts(
  em: EntityManager,
  requests: AttemptRequest[],
  source: string,
): Promise<RecordedAttempts> {
  // Two writers for the same agent and exam queue here, so attempt numbers never race, and the
  // second sees what the first stored: the duplicate check below comes after the lock, so the same
  // attempt sent twice at once is one attempt and one duplicate, not a unique-key failure.
  await em.execute(
    `select pg_advisory_xact_lock(s.k) from (select distinct hashtext(p.exam_id || '|' || p.employee_no) as k
       from jsonb_to_recordset(?::jsonb) p(exam_id text, employee_no text) order by 1) s`,
    [JSON.stringify(requests.map((r) => ({ exam_id: r.examId, employee_no: r.employeeNo })))],
  );
  const external = requests.flatMap((r) => (r.externalId ? [r.externalId] : []));
  const seen = new Set(
    external.length
      ? (
          await em.find(ExamAttempt, { source, externalId: { $in: external } }, { fields: ['externalId'] })
        ).map((a) => a.externalId)
      : [],
  );
  const fresh = requests.filter((r) => !r.externalId || !seen.has(r.externalId));
  const empty = {
    attempts: [],
    certifications: [],
    problems: [],
    duplicates: requests.length - fresh.length,
  };
  if (!fresh.length) return empty;

  const exams = await em.find(
    Exam,
    { id: { $in: [...new Set(fresh.map((r) => r.examId))] } },
    { populate: ['course'] },
  );
  const rules = new Map<string, ExamRules>(
    exams.map((e) => [
      e.id,
      {
        id: e.id,
        code: e.code,
        courseId: e.course.id,
        passMark: Number(e.passMark),
        maxAttempts: e.maxAttempts,
        validityMonths: e.course.validityMonths,
      },
    ]),
  );
  const pairs = [...new Map(fresh.map((r) => [pairKey(r.examId, r.employeeNo), r])).values()].map((r) => ({
    exam_id: r.examId,
    employee_no: r.employeeNo,
  }));
  const latestRows = await em.execute<LatestRow[]>(
    `select distinct on (a.exam_id, a.employee_no) a.exam_id, a.employee_no, a.sequence, a.attempt_no,
       a.passed, a.taken_on::text as taken_on
     from exam_attempt a join jsonb_to_recordset(?::jsonb) p(exam_id uuid, employee_no text)
       on p.exam_id = a.exam_id and p.employee_no = a.employee_no
     order by a.exam_id, a.employee_no, a.sequence desc`,
    [JSON.stringify(pairs)],
  );
  const latest = new Map<string, LatestAttempt>(
    latestRows.map((r) => [
      pairKey(r.exam_id, r.employee_no),
      { sequence: r.sequence, attemptNo: r.attempt_no, passed: r.passed, takenOn: r.taken_on },
    ]),
  );
  const plan = planAttempts(fresh, rules, latest);
  if (plan.attempts.length) {
    await em.insertMany(
      ExamAttempt,
      // insertMany skips the entities' initializers: ids and timestamps are given here.
      plan.attempts.map((a) => ({
        id: randomUUID(),
        exam: a.examId,
        employeeNo: a.employeeNo,
        sequence: a.sequence,
        attemptNo: a.attemptNo,
        score: a.score,
        takenOn: a.takenOn,
        passed: a.passed,
        source,
        externalId: a.externalId,
        createdAt: new Date(),
      })),
    );
    await updateAssignments(em, plan, rules);
  }
  if (plan.certifications.length) {
    await em.insertMany(
      Certification,
      plan.certifications.map((c) => ({
        id: randomUUID(),
        course: c.courseId,
        employeeNo: c.employeeNo,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        createdAt: new Date(),
      })),
    );
  }
  return { ...plan, duplicates: empty.duplicates };
}

/**
 * Open assignments of the exam's course: started by the first attempt on or after they were
 * assigned, completed by the first pass on or after they were assigned. One statement.
 */
async function updateAssignments(
  em: EntityManager,
  plan: AttemptPlan,
  rules: ReadonlyMap<string, ExamRules>,
): Promise<void> {
  const events = plan.attempts.map((a) => ({
    course_id: rules.get(a.examId)?.courseId,
    employee_no: a.employeeNo,
    taken_on: a.takenOn,
    passed: a.passed,
  }));
  await em.execute(
    `update assignment a set
       started_on = coalesce(a.started_on, (select min(e.taken_on) from jsonb_to_recordset(?::jsonb)
         e(course_id uuid, employee_no text, taken_on date, passed boolean)
         where e.course_id = a.course_id and e.employee_no = a.employee_no and e.taken_on >= a.assigned_on)),
       completed_on = (select min(e.taken_on) from jsonb_to_recordset(?::jsonb)
         e(course_id uuid, employee_no text, taken_on date, passed boolean)
         where e.course_id = a.course_id and e.employee_no = a.employee_no and e.passed
           and e.taken_on >= a.assigned_on)
     where a.completed_on is null and (a.course_id, a.employee_no) in
       (select e.course_id, e.employee_no from jsonb_to_recordset(?::jsonb) e(course_id uuid, employee_no text))`,
    [JSON.stringify(events), JSON.stringify(events), JSON.stringify(events)],
  );
}
