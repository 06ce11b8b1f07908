import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Assignment } from '../assignment/assignment.entity';
import { Certification } from '../certification/certification.entity';
import { addDays, todayUtc } from '../common/dates';
import { AgentRole, CourseCategory } from '../common/enums';
import { Course } from '../course/course.entity';
import { ExamAttempt } from '../exam/exam-attempt.entity';
import { Exam } from '../exam/exam.entity';
import { trainingSubgraph } from '../training.subgraph';

/** An agent as staff sends it with Team.agents / Center.agents (@requires). */
const agent = (employeeNo: string, role: string, skills: string[] = []) => ({
  employeeNo,
  role,
  skills: skills.map((code) => ({ skill: { code } })),
});

const P1 = agent('P1', 'AGENT', ['CARDS']);
const P2 = agent('P2', 'AGENT');
const P3 = agent('P3', 'TEAM_LEAD', ['LOANS']);
const Q1 = agent('Q1', 'AGENT', ['CARDS']);
const TEAM_1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const TEAM_2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const TEAM_EMPTY = 'aaaaaaaa-0000-4000-8000-000000000003';
const CENTER = 'cccccccc-0000-4000-8000-000000000001';

const SUMMARY_FIELDS = `assignmentsDue completedOnTime completionRate overdue attempts attemptsPassed passRate
  firstAttempts firstAttemptsPassed firstAttemptPassRate averageScore agentsNeedingCertification agentsCertified
  certificationCoverage`;

/**
 * A hand-computed data set (period 2026-01-01 .. 2026-04-01):
 * - AML is mandatory for AGENT and TEAM_LEAD, CARDS-PK for the CARDS skill, SOFT for nobody.
 * - Team 1 = P1, P2, P3; team 2 = Q1; the center = all four.
 */
async function seed(training: TestSubgraph): Promise<Record<string, Course>> {
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

describe('training summaries (METRICS.md, Training) through federation', () => {
  let training: TestSubgraph;
  let courses: Record<string, Course>;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    courses = await seed(training);
  });
  afterAll(() => training.stop());

  const entities = <T>(representations: unknown[], selection: string) =>
    postGraphQL<{ _entities: T[] }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
    );

  it('summarizes teams and a center from the agents staff sends, against hand-computed values', async () => {
    const response = await entities<{ trainingSummary: Record<string, number | null> }>(
      [
        { __typename: 'Team', id: TEAM_1, agents: [P1, P2, P3] },
        { __typename: 'Team', id: TEAM_2, agents: [Q1] },
        { __typename: 'Team', id: TEAM_EMPTY, agents: [] },
        { __typename: 'Center', id: CENTER, agents: [P1, P2, P3, Q1] },
      ],
      `... on Team { trainingSummary(from: "2026-01-01", to: "2026-04-01") { ${SUMMARY_FIELDS} } }
       ... on Center { trainingSummary(from: "2026-01-01", to: "2026-04-01") { ${SUMMARY_FIELDS} } }`,
    );
    expect(response.errors).toBeUndefined();
    const [team1, team2, empty, center] = response.data?._entities.map((e) => e.trainingSummary) ?? [];
    expect(team1).toEqual({
      assignmentsDue: 4,
      completedOnTime: 2,
      completionRate: 0.5,
      overdue: 1,
      attempts: 5,
      attemptsPassed: 2,
      passRate: 0.4,
      firstAttempts: 3,
      firstAttemptsPassed: 1,
      firstAttemptPassRate: 1 / 3,
      averageScore: 68,
      agentsNeedingCertification: 3,
      agentsCertified: 1,
      certificationCoverage: 1 / 3,
    });
    expect(team2).toEqual({
      assignmentsDue: 1,
      completedOnTime: 1,
      completionRate: 1,
      overdue: 0,
      attempts: 1,
      attemptsPassed: 1,
      passRate: 1,
      firstAttempts: 1,
      firstAttemptsPassed: 1,
      firstAttemptPassRate: 1,
      averageScore: 95,
      agentsNeedingCertification: 1,
      agentsCertified: 0,
      certificationCoverage: 0,
    });
    expect(empty).toMatchObject({
      assignmentsDue: 0,
      completionRate: null,
      passRate: null,
      firstAttemptPassRate: null,
      averageScore: null,
      certificationCoverage: null,
    });
    expect(center).toMatchObject({
      assignmentsDue: 5,
      completedOnTime: 3,
      completionRate: 0.6,
      overdue: 1,
      attempts: 6,
      passRate: 0.5,
      firstAttemptPassRate: 0.5,
      averageScore: 72.5,
      agentsNeedingCertification: 4,
      agentsCertified: 1,
      certificationCoverage: 0.25,
    });
  });

  it('measures coverage on the last day of the period: P3 was certified until 2026-03-15', async () => {
    const response = await entities<{ trainingSummary: { agentsCertified: number } }>(
      [{ __typename: 'Team', id: TEAM_1, agents: [P1, P2, P3] }],
      `... on Team { trainingSummary(from: "2026-01-01", to: "2026-03-01") { agentsCertified } }`,
    );
    // On 2026-02-28: P1 holds AML but CARDS-PK only from 2026-03-05; P3 holds AML.
    expect(response.data?._entities[0].trainingSummary.agentsCertified).toBe(1);
  });

  it('answers a batch of teams with the same number of SQL statements, whatever its size', async () => {
    const teams = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        __typename: 'Team',
        id: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
        agents: Array.from({ length: 20 }, (__, j) => agent(`N${i}-${j}`, 'AGENT', ['CARDS'])),
      }));
    const selection = '... on Team { trainingSummary(from: "2026-01-01", to: "2026-04-01") { passRate } }';
    const small = await training.sql.count(() => entities(teams(3), selection));
    const large = await training.sql.count(() => entities(teams(30), selection));
    expect(large.result.data?._entities).toHaveLength(30);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(small.statements.length);
  });

  it('rejects a period that ends before it starts', async () => {
    const response = await entities(
      [{ __typename: 'Team', id: TEAM_1, agents: [P1] }],
      '... on Team { trainingSummary(from: "2026-04-01", to: "2026-01-01") { passRate } }',
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/^to: /);
  });

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

  it('resolves courses and exams by id', async () => {
    const exam = await training.orm.em.fork().findOneOrFail(Exam, { code: 'AML-X' });
    const response = await entities<{ code: string }>(
      [
        { __typename: 'Course', id: courses.cards.id },
        { __typename: 'Exam', id: exam.id },
        { __typename: 'Course', id: 'dddddddd-0000-4000-8000-000000000000' },
      ],
      '... on Course { code category exams { code } } ... on Exam { code passMark maxAttempts course { code } }',
    );
    expect(response.data?._entities).toEqual([
      { code: 'CARDS-PK', category: 'COMPLIANCE', exams: [{ code: 'CARDS-X' }] },
      { code: 'AML-X', passMark: 80, maxAttempts: 3, course: { code: 'AML' } },
      null,
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
