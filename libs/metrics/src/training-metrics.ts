import { ratio } from './ratio';

/** METRICS.md, Training. Dates are calendar days `YYYY-MM-DD` (they compare as strings). */
export const ASSIGNMENT_STATUSES = ['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface AssignmentDates {
  dueDate: string;
  startedOn: string | null;
  completedOn: string | null;
}

/**
 * An assignment's status on a day, derived from its dates (never stored, so never stale):
 * completed when it has a completion date; otherwise overdue once the due date has passed;
 * otherwise in progress once started; otherwise assigned.
 */
export function assignmentStatus(assignment: AssignmentDates, today: string): AssignmentStatus {
  if (assignment.completedOn) return 'COMPLETED';
  if (assignment.dueDate < today) return 'OVERDUE';
  return assignment.startedOn ? 'IN_PROGRESS' : 'ASSIGNED';
}

/** An attempt passes when its score reaches the exam's pass mark. */
export function attemptPassed(score: number, passMark: number): boolean {
  return score >= passMark;
}

/**
 * The day a certification expires (the first day it is no longer valid): `validityMonths` calendar
 * months after it was issued, clamped to the month's end (Jan 31 + 1 month -> Feb 28/29). null when
 * the certificate never expires.
 */
export function certificationExpiry(issuedOn: string, validityMonths: number | null): string | null {
  if (validityMonths === null) return null;
  const [year, month, day] = issuedOn.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + validityMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A certification is valid on `day` when issued by then and not yet expired (expiry day excluded). */
export function certificationValid(
  certification: { issuedOn: string; expiresOn: string | null },
  day: string,
): boolean {
  return certification.issuedOn <= day && (certification.expiresOn === null || certification.expiresOn > day);
}

/** Counts SQL computes for a group of agents and a period; the rates below are derived from them. */
export interface TrainingTotals {
  /** Assignments whose due date falls in the period. */
  assignmentsDue: number;
  /** Of those, completed on or before their due date. */
  completedOnTime: number;
  /** Of those, past due (before today) and not completed. */
  overdue: number;
  /** Exam attempts taken in the period. */
  attempts: number;
  attemptsPassed: number;
  /** First attempts (attempt number 1 at an exam) taken in the period. */
  firstAttempts: number;
  firstAttemptsPassed: number;
  /** Sum of the scores of the period's attempts. */
  scoreSum: number;
  /** Agents for whom at least one certification is mandatory (by role or skill). */
  agentsNeedingCertification: number;
  /** Of those, agents holding a valid certification for every course mandatory for them. */
  agentsCertified: number;
}

export interface TrainingMetrics extends TrainingTotals {
  completionRate: number | null;
  firstAttemptPassRate: number | null;
  passRate: number | null;
  averageScore: number | null;
  certificationCoverage: number | null;
}

/** completionRate = assignments completed by their due date / assignments due in the period. */
export function completionRate(completedOnTime: number, assignmentsDue: number): number | null {
  return ratio(completedOnTime, assignmentsDue);
}

/** passRate = attempts passed / attempts. */
export function passRate(passed: number, attempts: number): number | null {
  return ratio(passed, attempts);
}

/** firstAttemptPassRate = first attempts passed / first attempts. */
export function firstAttemptPassRate(passed: number, firstAttempts: number): number | null {
  return ratio(passed, firstAttempts);
}

/** certificationCoverage = agents holding the certifications they need / agents who need one. */
export function certificationCoverage(certified: number, needing: number): number | null {
  return ratio(certified, needing);
}

export function emptyTrainingTotals(): TrainingTotals {
  return {
    assignmentsDue: 0,
    completedOnTime: 0,
    overdue: 0,
    attempts: 0,
    attemptsPassed: 0,
    firstAttempts: 0,
    firstAttemptsPassed: 0,
    scoreSum: 0,
    agentsNeedingCertification: 0,
    agentsCertified: 0,
  };
}

export function trainingMetrics(totals: TrainingTotals): TrainingMetrics {
  return {
    ...totals,
    completionRate: completionRate(totals.completedOnTime, totals.assignmentsDue),
    firstAttemptPassRate: firstAttemptPassRate(totals.firstAttemptsPassed, totals.firstAttempts),
    passRate: passRate(totals.attemptsPassed, totals.attempts),
    averageScore: ratio(totals.scoreSum, totals.attempts),
    certificationCoverage: certificationCoverage(totals.agentsCertified, totals.agentsNeedingCertification),
  };
}
