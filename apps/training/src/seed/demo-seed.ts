import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { demoTraining, type DemoTraining } from '@switchboard/demo';
import { Assignment } from '../assignment/assignment.entity';
import { Certification } from '../certification/certification.entity';
import type { AgentRole, CourseCategory } from '../model/enums';
import { Course } from '../course/course.entity';
import { ExamAttempt } from '../exam/exam-attempt.entity';
import { Exam } from '../exam/exam.entity';

/**
 * Seeds a year of demo training (libs/demo) when no course is stored yet; returns whether it seeded.
 * The demo's history predates today, so it is written directly, not through the mutations (which
 * refuse due dates in the past).
 */
export async function seedTrainingDemo(
  em: EntityManager,
  year: DemoTraining = demoTraining(),
): Promise<boolean> {
  if ((await em.count(Course)) > 0) return false;
  await em.transactional(async (tx) => {
    const courses = new Map<string, string>();
    const exams = new Map<string, string>();
    for (const c of year.courses) {
      const course = tx.create(Course, {
        code: c.code,
        title: c.title,
        category: c.category as CourseCategory,
        hours: c.hours,
        validityMonths: c.validityMonths,
        mandatoryForRoles: c.mandatoryForRoles as AgentRole[],
        mandatoryForSkills: c.mandatoryForSkills,
      });
      courses.set(c.code, course.id);
      if (c.exam) {
        const exam = tx.create(Exam, {
          code: c.exam.code,
          course,
          passMark: c.exam.passMark,
          maxAttempts: c.exam.maxAttempts,
        });
        exams.set(c.exam.code, exam.id);
      }
    }
    await tx.flush();
    const createdAt = new Date();
    // insertMany skips the entities' initializers: ids and timestamps are given here.
    await tx.insertMany(
      Assignment,
      year.assignments.map((a) => ({
        id: randomUUID(),
        course: courses.get(a.courseCode) as string,
        employeeNo: a.employeeNo,
        assignedOn: a.assignedOn,
        dueDate: a.dueDate,
        startedOn: a.startedOn,
        completedOn: a.completedOn,
        createdAt,
      })),
    );
    await tx.insertMany(
      ExamAttempt,
      year.attempts.map((t) => ({
        id: randomUUID(),
        exam: exams.get(t.examCode) as string,
        employeeNo: t.employeeNo,
        sequence: t.sequence,
        attemptNo: t.attemptNo,
        score: t.score,
        takenOn: t.takenOn,
        passed: t.passed,
        source: 'DEMO',
        externalId: null,
        createdAt,
      })),
    );
    await tx.insertMany(
      Certification,
      year.certifications.map((c) => ({
        id: randomUUID(),
        course: courses.get(c.courseCode) as string,
        employeeNo: c.employeeNo,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        createdAt,
      })),
    );
  });
  return true;
}
