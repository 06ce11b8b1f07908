import type { ExamAttempt } from './exam-attempt.entity';
import type { Exam } from './exam.entity';
import { ExamAttemptType, ExamType } from './exam.type';

export function toExamType(exam: Exam): ExamType {
  return Object.assign(new ExamType(), {
    id: exam.id,
    code: exam.code,
    courseId: exam.course.id,
    passMark: Number(exam.passMark),
    maxAttempts: exam.maxAttempts,
  });
}

export function toExamAttemptType(attempt: ExamAttempt): ExamAttemptType {
  return Object.assign(new ExamAttemptType(), {
    id: attempt.id,
    examId: attempt.exam.id,
    employeeNo: attempt.employeeNo,
    attemptNo: attempt.attemptNo,
    score: Number(attempt.score),
    takenOn: attempt.takenOn,
    passed: attempt.passed,
  });
}
