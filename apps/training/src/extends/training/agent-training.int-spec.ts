import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Assignment } from '../../assignment/assignment.entity';
import { Certification } from '../../certification/certification.entity';
import { addDays, todayUtc } from '../../common/dates';
import { CourseCategory } from '../../model/enums';
import { Course } from '../../course/course.entity';
import { Exam } from '../../exam/exam.entity';
import { agent, P1, P2, P3, seedHandComputed } from '../../testing/training-data-set';
import { trainingSubgraph } from '../../training.subgraph';

/** Agent, Course and Exam entities and HR queries against the hand-computed data set. */
describe('agent training, entities and HR queries', () => {
  let training: TestSubgraph;
  let courses: Record<string, Course>;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    courses = await seedHandComputed(training);
  });
  afterAll(() => training.stop());

  const entities = <T>(representations: unknown[], selection: string) =>
    postGraphQL<{ _entities: T[] }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
    );

  it('resolves agents by employeeNo with their records, compliance and what they still need', async () => {
    const R1 = agent('R1', 'AGENT');
    const em = training.orm.em.fork();
    em.create(Assignment, {
      course: courses.aml.id,
      employeeNo: 'R1',
      assignedOn: todayUtc(),
      dueDate: addDays(todayUtc(), 10),
    });
    await em.flush();
    const response = await entities<{
      employeeNo: string;
      training: {
        complianceStatus: string;
        missingCertifications: { code: string }[];
        requiredCourses: { code: string }[];
        attempts: { attemptNo: number }[];
        certifications: { course: { code: string } }[];
      };
    }>(
      [P1, P2, P3, R1, agent('Z9', 'QA_EVALUATOR')].map((a) => ({ __typename: 'Agent', ...a })),
      `... on Agent { employeeNo training { complianceStatus missingCertifications { code }
        requiredCourses { code } attempts { attemptNo } certifications { course { code } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(
      response.data?._entities.map((a) => [
        a.employeeNo,
        a.training.complianceStatus,
        a.training.missingCertifications.map((c) => c.code),
        a.training.requiredCourses.map((c) => c.code),
      ]),
    ).toEqual([
      ['P1', 'COMPLIANT', [], ['AML', 'CARDS-PK']],
      ['P2', 'NON_COMPLIANT', ['AML'], ['AML']],
      ['P3', 'NON_COMPLIANT', ['AML'], ['AML']],
      ['R1', 'IN_TRAINING', ['AML'], ['AML']],
      ['Z9', 'NOT_REQUIRED', [], []],
    ]);
    expect(response.data?._entities[0].training.attempts).toHaveLength(3);
    expect(response.data?._entities[0].training.certifications.map((c) => c.course.code)).toEqual([
      'AML',
      'CARDS-PK',
    ]);
  });

  it('resolves courses, exams and certifications by id', async () => {
    const exam = await training.orm.em.fork().findOneOrFail(Exam, { code: 'AML-X' });
    const certification = await training.orm.em
      .fork()
      .findOneOrFail(Certification, { employeeNo: 'Q1', course: courses.aml.id });
    const response = await entities<{ code: string }>(
      [
        { __typename: 'Course', id: courses.cards.id },
        { __typename: 'Exam', id: exam.id },
        { __typename: 'Course', id: 'dddddddd-0000-4000-8000-000000000000' },
        { __typename: 'Certification', id: certification.id },
      ],
      '... on Course { code category exams { code } } ... on Exam { code passMark maxAttempts course { code } } ... on Certification { employeeNo issuedOn expiresOn }',
    );
    expect(response.data?._entities).toEqual([
      { code: 'CARDS-PK', category: 'COMPLIANCE', exams: [{ code: 'CARDS-X' }] },
      { code: 'AML-X', passMark: 80, maxAttempts: 3, course: { code: 'AML' } },
      null,
      { employeeNo: 'Q1', issuedOn: '2026-03-30', expiresOn: '2027-03-30' },
    ]);
  });

  it('reports pass rates by course for a period', async () => {
    const response = await postGraphQL<{
      passRatesByCourse: {
        course: { code: string };
        attempts: number;
        passRate: number;
        firstAttemptPassRate: number;
        averageScore: number;
      }[];
    }>(
      training.url,
      `{ passRatesByCourse(from: "2026-01-01", to: "2026-04-01") {
        course { code } attempts passRate firstAttemptPassRate averageScore } }`,
    );
    expect(response.data?.passRatesByCourse).toEqual([
      { course: { code: 'AML' }, attempts: 4, passRate: 0.5, firstAttemptPassRate: 2 / 3, averageScore: 75 },
      {
        course: { code: 'CARDS-PK' },
        attempts: 2,
        passRate: 0.5,
        firstAttemptPassRate: 0,
        averageScore: 67.5,
      },
    ]);
  });

  it("answers many agents' training fields with the same number of SQL statements as a few", async () => {
    const agents = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        __typename: 'Agent',
        ...agent(i < 4 ? ['P1', 'P2', 'P3', 'Q1'][i] : `M${i}`, 'AGENT', ['CARDS']),
      }));
    const selection = `... on Agent { training { complianceStatus missingCertifications { code }
      assignments { status course { code } } attempts { score exam { code } } certifications { valid course { code } }
      onboarding { progress } summary(from: "2026-01-01", to: "2026-04-01") { passRate } } }`;
    const few = await training.sql.count(() => entities(agents(5), selection));
    const many = await training.sql.count(() => entities(agents(100), selection));
    expect(few.result.errors).toBeUndefined();
    expect(many.result.data?._entities).toHaveLength(100);
    // Mandatory courses, assignments (with courses), attempts (with exams), certifications, summary.
    expect(few.statements).toHaveLength(5);
    expect(many.statements.length).toBe(few.statements.length);
  });

  it('reports the onboarding progress of new hires', async () => {
    const em = training.orm.em.fork();
    const today = todayUtc();
    const onboarding = em.create(Course, {
      code: 'ONB',
      title: 'Onboarding',
      category: CourseCategory.ONBOARDING,
      hours: 40,
    });
    const systems = em.create(Course, {
      code: 'ONB-SYS',
      title: 'Systems',
      category: CourseCategory.ONBOARDING,
      hours: 8,
    });
    const hire = (
      employeeNo: string,
      assignedOn: string,
      done: [string | null, string | null],
      dueIn = 10,
    ) => {
      em.create(Assignment, {
        course: onboarding,
        employeeNo,
        assignedOn,
        dueDate: addDays(assignedOn, dueIn),
        completedOn: done[0],
      });
      em.create(Assignment, {
        course: systems,
        employeeNo,
        assignedOn,
        dueDate: addDays(assignedOn, dueIn),
        completedOn: done[1],
      });
    };
    hire('NEW1', addDays(today, -5), [addDays(today, -1), addDays(today, -2)]); // done
    hire('NEW2', addDays(today, -20), [addDays(today, -12), null]); // half, the other overdue
    hire('NEW3', addDays(today, -3), [null, null]); // just started
    hire('OLD1', addDays(today, -400), [addDays(today, -390), addDays(today, -390)]); // hired long ago
    await em.flush();
    const response = await postGraphQL<{ onboardingProgress: unknown[] }>(
      training.url,
      'query($since: LocalDate!) { onboardingProgress(assignedSince: $since) { employeeNo assigned completed overdue progress } }',
      { since: addDays(today, -30) },
    );
    expect(response.data?.onboardingProgress).toEqual([
      { employeeNo: 'NEW3', assigned: 2, completed: 0, overdue: 0, progress: 0 },
      { employeeNo: 'NEW2', assigned: 2, completed: 1, overdue: 1, progress: 0.5 },
      { employeeNo: 'NEW1', assigned: 2, completed: 2, overdue: 0, progress: 1 },
    ]);
  });
});
