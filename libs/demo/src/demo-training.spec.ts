import { demoRoster } from './demo-roster';
import { demoTraining } from './demo-training';
import { DEMO_COURSES } from './demo-training-catalog';

describe('demo training year', () => {
  const today = '2026-11-23';
  const roster = demoRoster(undefined, undefined, today);
  const year = demoTraining(roster, today);
  const exams = new Map(DEMO_COURSES.flatMap((c) => (c.exam ? [[c.exam.code, c.exam] as const] : [])));

  it('is the same on every run', () => {
    expect(demoTraining(roster, today)).toEqual(year);
  });

  it('has a realistic volume for 200 agents', () => {
    expect(year.assignments.length).toBeGreaterThan(400);
    expect(year.attempts.length).toBeGreaterThan(year.assignments.length / 2);
    expect(year.certifications.length).toBeGreaterThan(300);
  });

  it('keeps dates in order and nothing in the future', () => {
    for (const a of year.assignments) {
      expect(a.dueDate >= a.assignedOn).toBe(true);
      if (a.completedOn) expect(a.completedOn >= a.assignedOn && a.completedOn <= today).toBe(true);
    }
    for (const t of year.attempts) expect(t.takenOn <= today).toBe(true);
  });

  it('respects pass marks and attempt limits, and certifies every pass', () => {
    for (const t of year.attempts) {
      const exam = exams.get(t.examCode);
      expect(t.passed).toBe(t.score >= (exam?.passMark ?? 101));
      expect(t.attemptNo).toBeLessThanOrEqual(exam?.maxAttempts ?? 0);
      expect(t.score).toBeGreaterThanOrEqual(0);
      expect(t.score).toBeLessThanOrEqual(100);
    }
    const passes = year.attempts.filter((t) => t.passed);
    for (const pass of passes) {
      const course = DEMO_COURSES.find((c) => c.exam?.code === pass.examCode);
      expect(year.certifications).toContainEqual(
        expect.objectContaining({
          courseCode: course?.code,
          employeeNo: pass.employeeNo,
          issuedOn: pass.takenOn,
        }),
      );
    }
  });

  it('leaves some assignments overdue and some certificates expiring within a month', () => {
    expect(year.assignments.some((a) => !a.completedOn && a.dueDate < today)).toBe(true);
    expect(
      year.certifications.some((c) => c.expiresOn && c.expiresOn > today && c.expiresOn <= '2026-12-23'),
    ).toBe(true);
  });
});
