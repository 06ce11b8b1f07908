import { attemptPassed, certificationExpiry } from '@switchboard/metrics';

/** What the plan needs to know of an exam. */
export interface ExamRules {
  id: string;
  code: string;
  courseId: string;
  passMark: number;
  maxAttempts: number;
  validityMonths: number | null;
}

/** An agent's latest stored attempt at an exam. */
export interface LatestAttempt {
  sequence: number;
  attemptNo: number;
  passed: boolean;
  takenOn: string;
}

export interface AttemptRequest {
  /** Line in the file, or 0 for a single API call. */
  row: number;
  examId: string;
  employeeNo: string;
  score: number;
  takenOn: string;
  externalId: string | null;
}

export interface PlannedAttempt extends AttemptRequest {
  sequence: number;
  attemptNo: number;
  passed: boolean;
}

export interface PlannedCertification {
  courseId: string;
  employeeNo: string;
  issuedOn: string;
  expiresOn: string | null;
}

export interface AttemptProblem {
  row: number;
  employeeNo: string;
  field: 'employeeNo' | 'takenOn';
  message: string;
}

export interface AttemptPlan {
  attempts: PlannedAttempt[];
  certifications: PlannedCertification[];
  problems: AttemptProblem[];
}

export const pairKey = (examId: string, employeeNo: string): string => `${examId}|${employeeNo}`;

/**
 * Numbers a batch of attempts after what is stored, applying the rules: attempts at an exam are
 * counted since the agent last passed it (a pass starts a new cycle, e.g. yearly recertification)
 * and may not exceed the exam's maximum; an attempt may not predate the agent's latest one; a pass
 * grants the course's certification from that day. Requests are taken in date order.
 */
export function planAttempts(
  requests: AttemptRequest[],
  exams: ReadonlyMap<string, ExamRules>,
  latest: ReadonlyMap<string, LatestAttempt>,
): AttemptPlan {
  const state = new Map(latest);
  const plan: AttemptPlan = { attempts: [], certifications: [], problems: [] };
  const ordered = [...requests].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
  for (const request of ordered) {
    const exam = exams.get(request.examId);
    if (!exam) throw new Error(`exam ${request.examId} was not loaded`);
    const key = pairKey(exam.id, request.employeeNo);
    const previous = state.get(key);
    const problem = (field: AttemptProblem['field'], message: string) =>
      plan.problems.push({ row: request.row, employeeNo: request.employeeNo, field, message });
    if (previous && request.takenOn < previous.takenOn) {
      problem('takenOn', `is before the agent's latest attempt at ${exam.code} (${previous.takenOn})`);
      continue;
    }
    const attemptNo = !previous || previous.passed ? 1 : previous.attemptNo + 1;
    if (attemptNo > exam.maxAttempts) {
      problem(
        'employeeNo',
        `${request.employeeNo} has used all ${exam.maxAttempts} attempts at ${exam.code} since last passing it`,
      );
      continue;
    }
    const passed = attemptPassed(request.score, exam.passMark);
    const attempt = { ...request, sequence: (previous?.sequence ?? 0) + 1, attemptNo, passed };
    plan.attempts.push(attempt);
    state.set(key, { sequence: attempt.sequence, attemptNo, passed, takenOn: request.takenOn });
    if (passed) {
      plan.certifications.push({
        courseId: exam.courseId,
        employeeNo: request.employeeNo,
        issuedOn: request.takenOn,
        expiresOn: certificationExpiry(request.takenOn, exam.validityMonths),
      });
    }
  }
  return plan;
}
