import { planAttempts, type AttemptRequest, type ExamRules, type LatestAttempt } from './attempt-plan';

const exam: ExamRules = {
  id: 'x',
  code: 'AML-X',
  courseId: 'c',
  passMark: 80,
  maxAttempts: 2,
  validityMonths: 12,
};
const exams = new Map([[exam.id, exam]]);
const request = (row: number, employeeNo: string, score: number, takenOn: string): AttemptRequest => ({
  row,
  examId: 'x',
  employeeNo,
  score,
  takenOn,
  externalId: null,
});

describe('planning a batch of attempts', () => {
  it('numbers attempts in date order, per agent, after what is stored', () => {
    const latest = new Map<string, LatestAttempt>([
      ['x|A', { sequence: 4, attemptNo: 1, passed: false, takenOn: '2026-01-01' }],
    ]);
    const plan = planAttempts(
      [
        request(3, 'B', 90, '2026-01-05'),
        request(2, 'A', 85, '2026-01-04'),
        request(4, 'B', 70, '2026-01-02'),
      ],
      exams,
      latest,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.attempts.map((a) => [a.row, a.employeeNo, a.sequence, a.attemptNo, a.passed])).toEqual([
      [4, 'B', 1, 1, false],
      [2, 'A', 5, 2, true],
      [3, 'B', 2, 2, true],
    ]);
    expect(plan.certifications).toEqual([
      { courseId: 'c', employeeNo: 'A', issuedOn: '2026-01-04', expiresOn: '2027-01-04' },
      { courseId: 'c', employeeNo: 'B', issuedOn: '2026-01-05', expiresOn: '2027-01-05' },
    ]);
  });

  it('refuses an attempt beyond the maximum, and one older than the latest', () => {
    const plan = planAttempts(
      [
        request(2, 'A', 10, '2026-02-01'),
        request(3, 'A', 20, '2026-02-02'),
        request(4, 'A', 99, '2026-02-03'),
      ],
      exams,
      new Map([['x|Z', { sequence: 1, attemptNo: 1, passed: true, takenOn: '2026-03-01' }]]),
    );
    expect(plan.attempts).toHaveLength(2);
    expect(plan.problems).toEqual([
      {
        row: 4,
        employeeNo: 'A',
        field: 'employeeNo',
        message: 'A has used all 2 attempts at AML-X since last passing it',
      },
    ]);
    const late = planAttempts(
      [request(2, 'Z', 50, '2026-02-01')],
      exams,
      new Map([['x|Z', { sequence: 1, attemptNo: 1, passed: true, takenOn: '2026-03-01' }]]),
    );
    expect(late.problems[0]).toMatchObject({
      field: 'takenOn',
      message: "is before the agent's latest attempt at AML-X (2026-03-01)",
    });
  });

  it('starts a new cycle after a pass, so recertification has its own attempts', () => {
    const latest = new Map([['x|A', { sequence: 3, attemptNo: 2, passed: true, takenOn: '2025-01-01' }]]);
    const plan = planAttempts(
      [request(2, 'A', 10, '2026-01-01'), request(3, 'A', 10, '2026-01-08')],
      exams,
      latest,
    );
    expect(plan.attempts.map((a) => [a.sequence, a.attemptNo])).toEqual([
      [4, 1],
      [5, 2],
    ]);
  });
});
