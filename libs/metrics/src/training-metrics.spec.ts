import {
  assignmentStatus,
  attemptPassed,
  certificationExpiry,
  certificationValid,
  emptyTrainingTotals,
  trainingMetrics,
} from './training-metrics';

describe('assignment status (derived from dates)', () => {
  const today = '2026-11-23';
  it.each([
    [{ dueDate: '2026-11-01', startedOn: null, completedOn: '2026-11-05' }, 'COMPLETED'],
    [{ dueDate: '2026-11-22', startedOn: '2026-11-01', completedOn: null }, 'OVERDUE'],
    [{ dueDate: '2026-11-23', startedOn: null, completedOn: null }, 'ASSIGNED'],
    [{ dueDate: '2026-11-30', startedOn: '2026-11-20', completedOn: null }, 'IN_PROGRESS'],
  ] as const)('%j is %s', (dates, status) => {
    expect(assignmentStatus(dates, today)).toBe(status);
  });

  it('turns overdue the day after the due date without anything being written', () => {
    const dates = { dueDate: '2026-11-23', startedOn: null, completedOn: null };
    expect(assignmentStatus(dates, '2026-11-23')).toBe('ASSIGNED');
    expect(assignmentStatus(dates, '2026-11-24')).toBe('OVERDUE');
  });
});

describe('attempts and certifications', () => {
  it('passes at the pass mark, fails below it', () => {
    expect(attemptPassed(80, 80)).toBe(true);
    expect(attemptPassed(79.5, 80)).toBe(false);
  });

  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-10', null, null],
  ])('issued %s, valid %s months, expires %s', (issued, months, expires) => {
    expect(certificationExpiry(issued, months)).toBe(expires);
  });

  it('is valid from its issue day up to the day before expiry', () => {
    const cert = { issuedOn: '2026-01-10', expiresOn: '2027-01-10' };
    expect(certificationValid(cert, '2026-01-09')).toBe(false);
    expect(certificationValid(cert, '2026-01-10')).toBe(true);
    expect(certificationValid(cert, '2027-01-09')).toBe(true);
    expect(certificationValid(cert, '2027-01-10')).toBe(false);
    expect(certificationValid({ issuedOn: '2020-01-01', expiresOn: null }, '2099-01-01')).toBe(true);
  });
});

describe('training rates (METRICS.md, Training)', () => {
  it('turns counts into rates', () => {
    const metrics = trainingMetrics({
      assignmentsDue: 8,
      completedOnTime: 6,
      overdue: 1,
      attempts: 5,
      attemptsPassed: 3,
      firstAttempts: 4,
      firstAttemptsPassed: 2,
      scoreSum: 391,
      agentsNeedingCertification: 4,
      agentsCertified: 3,
    });
    expect(metrics).toMatchObject({
      completionRate: 0.75,
      passRate: 0.6,
      firstAttemptPassRate: 0.5,
      averageScore: 78.2,
      certificationCoverage: 0.75,
      overdue: 1,
    });
  });

  it('gives null, never 0 or NaN, when a denominator is 0', () => {
    expect(trainingMetrics(emptyTrainingTotals())).toMatchObject({
      completionRate: null,
      passRate: null,
      firstAttemptPassRate: null,
      averageScore: null,
      certificationCoverage: null,
    });
  });
});
