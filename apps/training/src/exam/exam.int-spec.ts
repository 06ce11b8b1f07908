import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { addDays, todayUtc } from '../common/dates';
import { RosterDouble } from '../testing/roster-double';
import { TrainingFactory } from '../testing/training-factories';
import { trainingSubgraph } from '../training.subgraph';
import { Assignment } from '../assignment/assignment.entity';
import { ExamAttempt } from './exam-attempt.entity';

interface Attempt {
  attemptNo: number;
  score: number;
  passed: boolean;
  takenOn: string;
}

describe('exams and attempts', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  let factory: TrainingFactory;
  const today = todayUtc();

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add(...['E1', 'E2', 'E3', 'E4', 'E5'].map((employeeNo) => ({ employeeNo })));
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    factory = new TrainingFactory(training.url);
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  const record = (examId: string, employeeNo: string, score: number, takenOn = today) =>
    postGraphQL<{ recordExamAttempt: Attempt }>(
      training.url,
      `mutation($input: RecordAttemptInput!) { recordExamAttempt(input: $input) { attemptNo score passed takenOn } }`,
      { input: { examId, employeeNo, score, takenOn } },
    );
  const attemptsOf = (examId: string) => training.orm.em.fork().count(ExamAttempt, { exam: examId });
  const trainingOf = (employeeNo: string) =>
    postGraphQL<{
      _entities: {
        training: {
          certifications: {
            issuedOn: string;
            expiresOn: string | null;
            valid: boolean;
            course: { id: string };
          }[];
          assignments: { status: string; startedOn: string | null; completedOn: string | null }[];
        };
      }[];
    }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent { training {
        certifications(includeExpired: true) { issuedOn expiresOn valid course { id } }
        assignments { status startedOn completedOn } } } } }`,
      { r: [{ __typename: 'Agent', employeeNo, role: 'AGENT', skills: [] }] },
    );

  it('limits attempts to the maximum since the last pass, and a pass starts a new cycle', async () => {
    const course = await factory.course({ validityMonths: 12 });
    const exam = await factory.exam(course.id, { passMark: 70, maxAttempts: 2 });
    const first = await record(exam.id, 'E1', 50, addDays(today, -30));
    expect(first.data?.recordExamAttempt).toEqual({
      attemptNo: 1,
      score: 50,
      passed: false,
      takenOn: addDays(today, -30),
    });
    const second = await record(exam.id, 'E1', 70, addDays(today, -20));
    expect(second.data?.recordExamAttempt).toMatchObject({ attemptNo: 2, passed: true });
    const renewal = await record(exam.id, 'E1', 40, addDays(today, -10));
    expect(renewal.data?.recordExamAttempt).toMatchObject({ attemptNo: 1, passed: false });
    await record(exam.id, 'E1', 45, addDays(today, -5));
    const third = await record(exam.id, 'E1', 99, today);
    expect(third.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(third.errors?.[0].message).toMatch(/^employeeNo: E1 has used all 2 attempts/);
    expect(await attemptsOf(exam.id)).toBe(4);
  });

  it.each([
    [{ score: 101 }, 'score'],
    [{ score: -1 }, 'score'],
    [{ employeeNo: 'GHOST' }, 'employeeNo'],
    [{ takenOn: addDays(todayUtc(), 1) }, 'takenOn'],
    [{ examId: '55555555-5555-4555-8555-555555555555' }, 'examId'],
  ])('rejects %j naming %s, and writes nothing', async (change, field) => {
    const course = await factory.course();
    const exam = await factory.exam(course.id);
    const response = await postGraphQL(
      training.url,
      `mutation($input: RecordAttemptInput!) { recordExamAttempt(input: $input) { attemptNo } }`,
      { input: { examId: exam.id, employeeNo: 'E2', score: 90, takenOn: today, ...change } },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(new RegExp(`^${field}: `));
    expect(await attemptsOf(exam.id)).toBe(0);
  });

  it('refuses an attempt dated before the latest one', async () => {
    const course = await factory.course();
    const exam = await factory.exam(course.id);
    await record(exam.id, 'E2', 10, addDays(today, -1));
    const response = await record(exam.id, 'E2', 90, addDays(today, -3));
    expect(response.errors?.[0].message).toMatch(/^takenOn: is before/);
    expect(await attemptsOf(exam.id)).toBe(1);
  });

  it('grants the certification with its expiry on a pass and completes the open assignment', async () => {
    const course = await factory.course({ validityMonths: 6 });
    const exam = await factory.exam(course.id, { passMark: 80 });
    const assigned = await postGraphQL(
      training.url,
      `mutation($input: AssignCourseInput!) { assignCourse(input: $input) { matched } }`,
      { input: { courseId: course.id, target: { employeeNos: ['E3'] }, dueDate: addDays(today, 10) } },
    );
    expect(assigned.errors).toBeUndefined();
    await record(exam.id, 'E3', 60);
    let agent = (await trainingOf('E3')).data?._entities[0].training;
    expect(agent?.assignments).toEqual([{ status: 'IN_PROGRESS', startedOn: today, completedOn: null }]);
    expect(agent?.certifications).toEqual([]);
    await record(exam.id, 'E3', 85);
    agent = (await trainingOf('E3')).data?._entities[0].training;
    expect(agent?.assignments).toEqual([{ status: 'COMPLETED', startedOn: today, completedOn: today }]);
    const expires = new Date(`${today}T00:00:00Z`);
    const day = expires.getUTCDate();
    expires.setUTCMonth(expires.getUTCMonth() + 6, 1);
    const last = new Date(Date.UTC(expires.getUTCFullYear(), expires.getUTCMonth() + 1, 0)).getUTCDate();
    expires.setUTCDate(Math.min(day, last));
    expect(agent?.certifications).toEqual([
      {
        issuedOn: today,
        expiresOn: expires.toISOString().slice(0, 10),
        valid: true,
        course: { id: course.id },
      },
    ]);
  });

  it('shows a certification as expired from its expiry day, and lists it as expired', async () => {
    const course = await factory.course({ validityMonths: 1 });
    const exam = await factory.exam(course.id, { passMark: 50 });
    await record(exam.id, 'E4', 90, addDays(today, -40));
    const agent = (await trainingOf('E4')).data?._entities[0].training;
    expect(agent?.certifications).toMatchObject([{ issuedOn: addDays(today, -40), valid: false }]);
    const expired = await postGraphQL<{
      expiredCertifications: { employeeNo: string; course: { id: string } }[];
    }>(training.url, '{ expiredCertifications { employeeNo course { id } } }');
    expect(expired.data?.expiredCertifications).toContainEqual({
      employeeNo: 'E4',
      course: { id: course.id },
    });
  });
});

describe('LMS import of exam results', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  let factory: TrainingFactory;
  const today = todayUtc();

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add(...['L1', 'L2', 'L3'].map((employeeNo) => ({ employeeNo })));
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    factory = new TrainingFactory(training.url);
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  interface Report {
    read: number;
    inserted: number;
    duplicates: number;
    rejected: number;
    certificationsGranted: number;
    applied: boolean;
    problems: { row: number; employeeNo: string | null; field: string; message: string }[];
  }
  const importCsv = (csv: string, options: Record<string, boolean> = {}) =>
    postGraphQL<{ importExamResults: Report }>(
      training.url,
      `mutation($csv: String!, $options: ExamResultImportOptions) { importExamResults(csv: $csv, options: $options) {
        read inserted duplicates rejected certificationsGranted applied problems { row employeeNo field message } } }`,
      { csv, options },
    );
  const stored = () => training.orm.em.fork().count(ExamAttempt, { source: 'LMS' });

  it('writes nothing when a row is bad, reports each bad row, imports the good ones when asked, and only once', async () => {
    const course = await factory.course({ validityMonths: 12 });
    const exam = await factory.exam(course.id, { code: 'LMS-EXAM', passMark: 75, maxAttempts: 2 });
    const d = (n: number) => addDays(today, -n);
    const csv = [
      'Attempt_ID,employee_no,exam,score,taken_on,extra',
      `a1,L1,LMS-EXAM,60,${d(9)},x`,
      `a2,L1,LMS-EXAM,80,${d(8)},`,
      `a3,L2,LMS-EXAM,101,${d(8)},`,
      `a4,NOBODY,LMS-EXAM,90,${d(8)},`,
      `a5,L2,NO-SUCH,90,${d(8)},`,
      `a6,L3,LMS-EXAM,10,${d(7)},`,
      `a7,L3,LMS-EXAM,20,${d(6)},`,
      `a8,L3,LMS-EXAM,95,${d(5)},`,
      `a9,L2,LMS-EXAM,90,2026-02-30,`,
    ].join('\n');
    const strict = await importCsv(csv);
    expect(strict.data?.importExamResults).toMatchObject({
      read: 9,
      inserted: 0,
      rejected: 5,
      applied: false,
    });
    expect(strict.data?.importExamResults.problems).toEqual([
      { row: 4, employeeNo: 'L2', field: 'score', message: 'must be a number between 0 and 100' },
      { row: 5, employeeNo: 'NOBODY', field: 'employee_no', message: 'unknown agent NOBODY' },
      { row: 6, employeeNo: 'L2', field: 'exam', message: 'no exam with code "NO-SUCH"' },
      {
        row: 9,
        employeeNo: 'L3',
        field: 'employee_no',
        message: 'L3 has used all 2 attempts at LMS-EXAM since last passing it',
      },
      { row: 10, employeeNo: 'L2', field: 'taken_on', message: 'must be a date YYYY-MM-DD' },
    ]);
    expect(await stored()).toBe(0);

    const dry = await importCsv(csv, { skipInvalidRows: true, dryRun: true });
    expect(dry.data?.importExamResults).toMatchObject({ applied: false, inserted: 0 });
    expect(await stored()).toBe(0);

    const lenient = await importCsv(csv, { skipInvalidRows: true });
    expect(lenient.data?.importExamResults).toMatchObject({
      read: 9,
      inserted: 4,
      rejected: 5,
      certificationsGranted: 1,
      applied: true,
    });
    expect(await stored()).toBe(4);

    const again = await importCsv(csv, { skipInvalidRows: true });
    expect(again.data?.importExamResults).toMatchObject({ inserted: 0, duplicates: 4 });
    expect(await stored()).toBe(4);
    expect(exam.code).toBe('LMS-EXAM');
  });

  it('a dry run, or a strict file with a bad row, leaves open assignments as they were', async () => {
    const course = await factory.course({ validityMonths: 12 });
    await factory.exam(course.id, { code: 'LMS-DRY', passMark: 75, maxAttempts: 3 });
    const assigned = await postGraphQL(
      training.url,
      `mutation($input: AssignCourseInput!) { assignCourse(input: $input) { matched } }`,
      { input: { courseId: course.id, target: { employeeNos: ['L3'] }, dueDate: addDays(today, 10) } },
    );
    expect(assigned.errors).toBeUndefined();
    const csv = ['attempt_id,employee_no,exam,score,taken_on', `dry-1,L3,LMS-DRY,95,${today}`].join('\n');
    expect((await importCsv(csv, { dryRun: true })).data?.importExamResults).toMatchObject({
      applied: false,
    });
    const badRow = `${csv}\ndry-2,L3,LMS-DRY,101,${today}`;
    expect((await importCsv(badRow)).data?.importExamResults).toMatchObject({ rejected: 1, applied: false });
    const assignment = await training.orm.em
      .fork()
      .findOneOrFail(Assignment, { course: course.id, employeeNo: 'L3' });
    expect([assignment.startedOn, assignment.completedOn]).toEqual([null, null]);
  });

  it('stores an attempt sent twice at the same moment once, and counts the other as a duplicate', async () => {
    const course = await factory.course({ validityMonths: 12 });
    const exam = await factory.exam(course.id, { code: 'LMS-RACE', passMark: 75, maxAttempts: 3 });
    const csv = [
      'attempt_id,employee_no,exam,score,taken_on',
      `race-1,L1,LMS-RACE,90,${addDays(today, -2)}`,
      `race-2,L2,LMS-RACE,50,${addDays(today, -2)}`,
    ].join('\n');
    const answers = await Promise.all([importCsv(csv), importCsv(csv), importCsv(csv)]);
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    const reports = answers.map((a) => a.data?.importExamResults);
    expect(reports.reduce((sum, r) => sum + (r?.inserted ?? 0), 0)).toBe(2);
    expect(reports.reduce((sum, r) => sum + (r?.duplicates ?? 0), 0)).toBe(4);
    expect(await training.orm.em.fork().count(ExamAttempt, { exam: exam.id })).toBe(2);
  });

  it.each([
    ['', /no data rows|no "attempt_id"/],
    ['employee_no,exam,score,taken_on\nL1,X,1,2026-01-01', /no "attempt_id" column/],
  ])('refuses a file it cannot use: %j', async (csv, message) => {
    const response = await importCsv(csv);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(message);
  });
});
