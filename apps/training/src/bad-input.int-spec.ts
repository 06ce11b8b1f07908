import fc from 'fast-check';
import {
  badInputProperties,
  checkBadRows,
  type ImportCase,
  invalid,
  invalidCell,
  type MutationCase,
  postGraphQL,
  postImportFile,
  SAME_AS_FIRST_ROW,
  startTestSubgraph,
  strictImportAnswer,
  type TestSubgraph,
  toCsv,
} from '@switchboard/testing';
import { addDays, todayUtc } from './common/dates';
import { LMS_COLUMNS } from './lms-import/lms-csv';
import { RosterDouble } from './testing/roster-double';
import { TrainingFactory } from './testing/training-factories';
import { trainingSubgraph } from './training.subgraph';

const TEAM = '3f1d3c1e-0b1a-4c55-9a43-6a1d1f0e0b01';
const employeeNo = fc.oneof(invalid.code, fc.constantFrom('NO-SUCH-AGENT', 'x'.repeat(33)));
const hours = fc.oneof(invalid.seconds, fc.constantFrom(0, 10_001, 'two'));

/** Every training mutation, its valid form, and what must be refused in each field (issue 9: bad input everywhere). */
describe('training: bad input is refused with a clear error and writes nothing', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  let factory: TrainingFactory;
  const today = todayUtc();
  let agents = 0;
  /** An agent of its own on the roster, with a fresh assignment of a course without an exam. */
  const freshAssignment = async (): Promise<string> => {
    agents += 1;
    const agent = `BI${agents}`;
    roster.add({ employeeNo: agent, teamId: TEAM });
    const course = await factory.course();
    const response = await postGraphQL<{ assignCourse: { assignments: { id: string }[] } }>(
      training.url,
      'mutation($input: AssignCourseInput!) { assignCourse(input: $input) { assignments { id } } }',
      { input: { courseId: course.id, target: { employeeNos: [agent] }, dueDate: addDays(today, 30) } },
    );
    const id = response.data?.assignCourse.assignments[0]?.id;
    if (!id) throw new Error(`assignment: ${JSON.stringify(response.errors)}`);
    return id;
  };

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add({ employeeNo: 'E1', teamId: TEAM, role: 'AGENT' });
    roster.addExisting('skill', 'CARDS', 'LOANS');
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    factory = new TrainingFactory(training.url);
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  // references staff does not hold (issue 17): refused like malformed ones
  const unknownIds = fc.uniqueArray(fc.uuid({ version: 4 }), { minLength: 1, maxLength: 3 });
  const unknownSkill = fc.constantFrom('NO-SUCH-SKILL', 'CARDS-2', 'X1');
  const unknownAgent = fc.constantFrom('NOBODY', 'E2', 'E10');

  let codes = 0;
  const code = (prefix: string) => `${prefix}-BAD-${(codes += 1)}`;

  const cases = (): MutationCase[] => [
    {
      name: 'createCourse',
      document: 'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
      valid: () => ({
        input: {
          code: code('C'),
          title: 'Anti money laundering',
          category: 'COMPLIANCE',
          hours: 2.5,
          validityMonths: 12,
          mandatoryForRoles: ['AGENT'],
          mandatoryForSkills: ['CARDS'],
        },
      }),
      fields: {
        'input.code': invalid.code,
        'input.title': invalid.requiredText,
        'input.category': invalid.enumValue,
        'input.hours': hours,
        'input.validityMonths': invalid.smallInt,
        'input.mandatoryForRoles.0': invalid.enumValue,
        'input.mandatoryForSkills.0': fc.oneof(invalid.code, unknownSkill),
      },
    },
    {
      name: 'updateCourse',
      document:
        'mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { id } }',
      valid: async () => ({
        id: (await factory.course()).id,
        input: {
          title: 'Renamed',
          category: 'SYSTEMS',
          hours: 1,
          validityMonths: 24,
          mandatoryForSkills: ['LOANS'],
        },
      }),
      fields: {
        id: invalid.reference,
        'input.title': invalid.requiredText,
        'input.category': invalid.enumValue,
        'input.hours': hours,
        'input.validityMonths': invalid.smallInt,
        'input.mandatoryForSkills.0': fc.oneof(invalid.code, unknownSkill),
      },
    },
    {
      name: 'createExam',
      document: 'mutation($input: CreateExamInput!) { createExam(input: $input) { id } }',
      valid: async () => ({
        input: { courseId: (await factory.course()).id, code: code('X'), passMark: 80, maxAttempts: 3 },
      }),
      fields: {
        'input.courseId': invalid.reference,
        'input.code': invalid.code,
        'input.passMark': fc.oneof(invalid.seconds, fc.constantFrom(100.5, -1)),
        'input.maxAttempts': fc.oneof(invalid.smallInt, fc.constant(0)),
      },
    },
    {
      name: 'recordExamAttempt',
      document: 'mutation($input: RecordAttemptInput!) { recordExamAttempt(input: $input) { id } }',
      valid: async () => {
        const exam = await factory.exam((await factory.course()).id, { maxAttempts: 5 });
        return { input: { examId: exam.id, employeeNo: 'E1', score: 85.5, takenOn: addDays(today, -1) } };
      },
      fields: {
        'input.examId': invalid.reference,
        'input.employeeNo': fc.oneof(employeeNo, unknownAgent),
        'input.score': fc.oneof(invalid.seconds, fc.constantFrom(100.01, -0.5)),
        'input.takenOn': fc.oneof(invalid.date, fc.constant(addDays(today, 2))),
      },
    },
    {
      name: 'assignCourse',
      document: 'mutation($input: AssignCourseInput!) { assignCourse(input: $input) { matched } }',
      valid: async () => ({
        input: {
          courseId: (await factory.course()).id,
          target: { employeeNos: ['E1'] },
          dueDate: addDays(today, 30),
        },
      }),
      fields: {
        'input.courseId': invalid.reference,
        'input.dueDate': fc.oneof(invalid.date, fc.constant(addDays(today, -1))),
        'input.target.employeeNos.0': fc.oneof(employeeNo, unknownAgent),
        // malformed, or an id / code staff does not hold (issue 17)
        'input.target.teamIds': fc.oneof(fc.constantFrom(['not-a-uuid'], ["1' or '1'='1"], 'x'), unknownIds),
        'input.target.centerIds': fc.oneof(fc.constantFrom(['not-a-uuid'], [''], 7), unknownIds),
        'input.target.roles': fc.constantFrom(['NOT_A_ROLE'], [7], 'AGENT!'),
        'input.target.skillCodes': fc.oneof(
          fc.constantFrom(['lower case'], ['x'.repeat(20_000)], ['\u0000']),
          unknownSkill.map((c) => [c]),
        ),
      },
    },
    {
      name: 'startAssignment',
      document: 'mutation($id: ID!) { startAssignment(id: $id) { id } }',
      valid: async () => ({ id: await freshAssignment() }),
      fields: { id: invalid.reference },
    },
    {
      name: 'completeAssignment',
      document:
        'mutation($id: ID!, $completedOn: LocalDate) { completeAssignment(id: $id, completedOn: $completedOn) { id } }',
      valid: async () => ({ id: await freshAssignment(), completedOn: today }),
      fields: {
        id: invalid.reference,
        completedOn: fc.oneof(invalid.date, fc.constant(addDays(today, 1))),
      },
    },
    {
      name: 'importExamResults',
      document:
        'mutation($csv: String!, $source: String!) { importExamResults(csv: $csv, source: $source) { applied problems { field } } }',
      valid: async () => {
        const exam = await factory.exam((await factory.course()).id, { maxAttempts: 5 });
        return {
          csv: `attempt_id,employee_no,exam,score,taken_on\n${code('A')},E1,${exam.code},90,${today}`,
          source: 'LMS',
        };
      },
      fields: {
        csv: fc.oneof(
          invalid.requiredText,
          fc.constantFrom('attempt_id,employee_no\n1,E1', '\u0000\u0001\u0002', '"unterminated,quote\n1,2'),
        ),
        source: fc.oneof(invalid.requiredText, fc.constantFrom('with space', 'x'.repeat(65), '😀')),
      },
    },
  ];

  it('LMS results CSV: a bad row or line is refused by line and column, every row is accounted for, and the file writes nothing', async () => {
    const exam = await factory.exam((await factory.course()).id, { maxAttempts: 20 });
    const lms: ImportCase = {
      name: 'LMS results',
      validRow: () => ({
        attempt_id: code('A'),
        employee_no: 'E1',
        exam: exam.code,
        score: '90',
        taken_on: addDays(today, -1),
      }),
      cells: {
        attempt_id: fc.oneof(invalidCell.requiredText, fc.constant(SAME_AS_FIRST_ROW)),
        employee_no: fc.oneof(invalidCell.code, fc.constant('NO-SUCH-AGENT')),
        exam: fc.oneof(invalidCell.requiredText, fc.constant('NO-SUCH-EXAM')),
        score: fc.oneof(invalidCell.number, fc.constantFrom('100.5', '')),
        taken_on: fc.oneof(invalidCell.date, fc.constant(addDays(today, 2))),
      },
      // streamed, as `switchboard import lms` sends it (the mutation shares the parser and rules)
      send: async (rows) =>
        strictImportAnswer(await postImportFile(training.url, '/import/lms', toCsv(LMS_COLUMNS, rows))),
      bytes: {
        text: (rows) => toCsv(LMS_COLUMNS, rows),
        send: async (body) => strictImportAnswer(await postImportFile(training.url, '/import/lms', body)),
      },
      lineOf: (index) => index + 2, // the header is line 1
    };
    await checkBadRows(training.orm, lms, 30);
  }, 180_000);

  badInputProperties(() => training, cases, 20);
});
