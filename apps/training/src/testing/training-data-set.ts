import type { TestSubgraph } from '@switchboard/testing';
import { Assignment } from '../assignment/assignment.entity';
import { Certification } from '../certification/certification.entity';
import { AgentRole, CourseCategory } from '../model/enums';
import { Course } from '../course/course.entity';
import { ExamAttempt } from '../exam/exam-attempt.entity';
import { Exam } from '../exam/exam.entity';

/** An agent as staff sends it with Team.agents / Center.agents (@requires). */
export const agent = (employeeNo: string, role: string, skills: string[] = []) => ({
  employeeNo,
  role,
  skills: skills.map((code) => ({ skill: { code } })),
});

export const P1 = agent('P1', 'AGENT', ['CARDS']);
export const P2 = agent('P2', 'AGENT');
export const P3 = agent('P3', 'TEAM_LEAD', ['LOANS']);
export const Q1 = agent('Q1', 'AGENT', ['CARDS']);
export const TEAM_1 = 'aaaaaaaa-0000-4000-8000-000000000001';
export const TEAM_2 = 'aaaaaaaa-0000-4000-8000-000000000002';
export const TEAM_EMPTY = 'aaaaaaaa-0000-4000-8000-000000000003';
export const CENTER = 'cccccccc-0000-4000-8000-000000000001';

export const SUMMARY_FIELDS = `assignmentsDue completedOnTime completionRate overdue attempts attemptsPassed passRate
  firstAttempts firstAttemptsPassed firstAttemptPassRate averageScore agentsNeedingCertification agentsCertified
  certificationCoverage`;

/**
 * A hand-computed data set (period 2026-01-01 .. 2026-04-01):
 * - AML is mandatory for AGENT and TEAM_LEAD, CARDS-PK for the CARDS skill, SOFT for nobody.
 * - Team 1 = P1, P2, P3; team 2 = Q1; the center = all four.
 */
export async function seedHandComputed(training: TestSubgraph): Promise<Record<string, Course>> {
  const em = training.orm.em.fork();
  const course = (code: string, roles: AgentRole[], skills: string[], validityMonths: number | null) =>
    em.create(Course, {
      code,
      title: code,
      category: CourseCategory.COMPLIANCE,
      hours: 1,
      validityMonths,
      mandatoryForRoles: roles,
      mandatoryForSkills: skills,
    });
  const aml = course('AML', [AgentRole.AGENT, AgentRole.TEAM_LEAD], [], 12);
  const cards = course('CARDS-PK', [], ['CARDS'], null);
  const soft = course('SOFT', [], [], null);
  const amlExam = em.create(Exam, { code: 'AML-X', course: aml, passMark: 80, maxAttempts: 3 });
  const cardsExam = em.create(Exam, { code: 'CARDS-X', course: cards, passMark: 70, maxAttempts: 2 });
  const assignment = (c: Course, employeeNo: string, dueDate: string, completedOn: string | null) =>
    em.create(Assignment, { course: c, employeeNo, assignedOn: '2025-12-01', dueDate, completedOn });
  assignment(aml, 'P1', '2026-02-01', '2026-01-20'); // due, on time
  assignment(cards, 'P1', '2026-03-01', '2026-03-05'); // due, late
  assignment(aml, 'P2', '2026-02-15', null); // due, overdue
  assignment(aml, 'P3', '2026-05-01', null); // due after the period
  assignment(soft, 'P3', '2026-01-10', '2026-01-09'); // due, on time
  assignment(aml, 'Q1', '2026-03-31', '2026-03-30'); // due, on time
  let sequence = 0;
  const attempt = (exam: Exam, employeeNo: string, attemptNo: number, score: number, takenOn: string) =>
    em.create(ExamAttempt, {
      exam,
      employeeNo,
      sequence: ++sequence,
      attemptNo,
      score,
      takenOn,
      passed: score >= exam.passMark,
    });
  attempt(amlExam, 'P1', 1, 85, '2026-01-20');
  attempt(cardsExam, 'P1', 1, 60, '2026-03-02');
  attempt(cardsExam, 'P1', 2, 75, '2026-03-05');
  attempt(amlExam, 'P2', 1, 50, '2026-02-10');
  attempt(amlExam, 'P2', 2, 70, '2026-02-12');
  attempt(amlExam, 'P3', 1, 90, '2025-12-15'); // before the period
  attempt(amlExam, 'Q1', 1, 95, '2026-03-30');
  const certification = (c: Course, employeeNo: string, issuedOn: string, expiresOn: string | null) =>
    em.create(Certification, { course: c, employeeNo, issuedOn, expiresOn });
  certification(aml, 'P1', '2026-01-20', '2027-01-20');
  certification(cards, 'P1', '2026-03-05', null);
  certification(aml, 'P3', '2025-12-15', '2026-03-15'); // expired before the period's last day
  certification(aml, 'Q1', '2026-03-30', '2027-03-30');
  await em.flush();
  return { aml, cards, soft };
}
