import {
  accessMatrix,
  cellsPerCaller,
  postGraphQL,
  startTestSubgraph,
  type AccessCell,
  type TestSubgraph,
} from '@switchboard/testing';
import { Assignment } from '../assignment/assignment.entity';
import { addDays, todayUtc } from '../common/dates';
import { TrainingAccessFixture } from '../testing/training-access-fixture';
import { TrainingFactory } from '../testing/training-factories';
import { trainingSubgraph } from '../training.subgraph';

type Data = Record<string, unknown>;
const fx = new TrainingAccessFixture();
const today = todayUtc();
const tomorrow = addDays(today, 1);
let training: TestSubgraph;
const ids: Record<string, string> = {};

const admin = async <T = Data>(query: string, variables?: Record<string, unknown>): Promise<T> => {
  const response = await postGraphQL<T>(training.url, query, variables);
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
};

beforeAll(async () => {
  process.env.SWITCHBOARD_GATEWAY_URL = await fx.roster.start();
  training = await startTestSubgraph(trainingSubgraph, { scopeSource: fx.scopeSource() });
  const factory = new TrainingFactory(training.url);
  const onboarding = await factory.course({ category: 'ONBOARDING' });
  const product = await factory.course({ validityMonths: 1 });
  const exam = await factory.exam(product.id, { passMark: 80, maxAttempts: 3 });
  Object.assign(ids, { onboarding: onboarding.id, product: product.id, exam: exam.id });
  const assigned = await admin<{ assignCourse: { assignments: { id: string; employeeNo: string }[] } }>(
    `mutation($input: AssignCourseInput!) { assignCourse(input: $input) { assignments { id employeeNo } } }`,
    {
      input: {
        courseId: onboarding.id,
        target: { employeeNos: Object.values(fx.no) },
        dueDate: addDays(today, 30),
      },
    },
  );
  for (const a of assigned.assignCourse.assignments) ids[`assignment:${a.employeeNo}`] = a.id;
  for (const employeeNo of Object.values(fx.no))
    await admin('mutation($input: RecordAttemptInput!) { recordExamAttempt(input: $input) { id } }', {
      input: { examId: exam.id, employeeNo, score: 90, takenOn: today },
    });
  const certifications = await admin<{ expiringCertifications: { id: string; employeeNo: string }[] }>(
    '{ expiringCertifications(withinDays: 60) { id employeeNo } }',
  );
  for (const c of certifications.expiringCertifications) ids[`certification:${c.employeeNo}`] = c.id;
  // overdue assignments cannot be made through the API (a due date is never in the past)
  const em = training.orm.em.fork();
  for (const employeeNo of Object.values(fx.no))
    em.create(Assignment, {
      course: product.id,
      employeeNo,
      assignedOn: '2025-01-01',
      dueDate: '2025-02-01',
    });
  await em.flush();
});
afterAll(async () => {
  delete process.env.SWITCHBOARD_GATEWAY_URL;
  await training.stop();
  await fx.roster.stop();
});

const nos = (list: unknown): string[] =>
  ((list ?? []) as { employeeNo: string }[]).map((a) => a.employeeNo).sort();

const perCaller = cellsPerCaller(fx.callers);
const everyone = (): AccessCell['expect'] => ({ allow: true });
const agentRef = (employeeNo: string) => ({ employeeNo, role: 'AGENT', skills: [] });

describe('training access: queries', () => {
  accessMatrix(
    () => training.url,
    [
      ...perCaller('courses (catalog)', '{ courses { code } }', undefined, everyone),
      ...perCaller(
        'course (catalog)',
        'query($id: ID!) { course(id: $id) { code exams { code } } }',
        () => ({ id: ids.product }),
        everyone,
      ),
      ...perCaller(
        'exam (catalog)',
        'query($id: ID!) { exam(id: $id) { code } }',
        () => ({ id: ids.exam }),
        everyone,
      ),
      ...perCaller('overdueAssignments', '{ overdueAssignments { employeeNo } }', undefined, (level) => ({
        scoped: (data) => expect(nos(data.overdueAssignments)).toEqual(fx.agentsSeen[level]),
      })),
      ...perCaller(
        'expiringCertifications',
        '{ expiringCertifications(withinDays: 60) { employeeNo } }',
        undefined,
        (level) => ({
          scoped: (data) => expect(nos(data.expiringCertifications)).toEqual(fx.agentsSeen[level]),
        }),
      ),
      ...perCaller('expiredCertifications', '{ expiredCertifications { employeeNo } }', undefined, () => ({
        scoped: (data) => expect(data.expiredCertifications).toEqual([]),
      })),
      ...perCaller(
        'passRatesByCourse',
        'query($from: LocalDate!, $to: LocalDate!) { passRatesByCourse(from: $from, to: $to) { attempts } }',
        () => ({ from: today, to: tomorrow }),
        (level) => ({
          scoped: (data) =>
            expect(data.passRatesByCourse).toEqual([{ attempts: fx.agentsSeen[level].length }]),
        }),
      ),
      ...perCaller(
        'onboardingProgress',
        'query($since: LocalDate!) { onboardingProgress(assignedSince: $since) { employeeNo } }',
        () => ({ since: today }),
        (level) => ({ scoped: (data) => expect(nos(data.onboardingProgress)).toEqual(fx.agentsSeen[level]) }),
      ),
    ],
  );
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Agent { training { assignments { employeeNo } attempts { employeeNo } certifications { employeeNo } } }
  ... on Team { trainingSummary(from: "${today}", to: "${tomorrow}") { attempts } }
  ... on Center { trainingSummary(from: "${today}", to: "${tomorrow}") { attempts } }
  ... on Certification { employeeNo }
  ... on Performance { performanceTraining: training { firstAttemptPassRate } }
} }`;
const period = () => ({ from: `${today}T00:00:00.000Z`, to: `${tomorrow}T00:00:00.000Z` });

describe('training access: reference resolvers (empty / null outside the scope, no error)', () => {
  accessMatrix(
    () => training.url,
    [
      ...perCaller(
        'Agent.training of a1 and b1',
        ENTITIES,
        () => ({ r: [fx.no.a1, fx.no.b1].map((n) => ({ __typename: 'Agent', ...agentRef(n) })) }),
        (level) => ({
          scoped: (data) => {
            const [a1, b1] = (data._entities as { training: Data }[]).map((e) => e.training);
            expect(nos(a1.assignments)).toEqual([fx.no.a1, fx.no.a1]);
            expect(nos(a1.certifications)).toEqual([fx.no.a1]);
            const b1Seen = level === 'all';
            expect(nos(b1.assignments)).toEqual(b1Seen ? [fx.no.b1, fx.no.b1] : []);
            expect(nos(b1.attempts)).toEqual(b1Seen ? [fx.no.b1] : []);
            expect(nos(b1.certifications)).toEqual(b1Seen ? [fx.no.b1] : []);
          },
        }),
      ),
      ...perCaller(
        'Team and Center training summaries: the members the caller sees',
        ENTITIES,
        () => ({
          r: [
            { __typename: 'Team', id: fx.id.A1, agents: [fx.no.a1, fx.no.lead].map(agentRef) },
            { __typename: 'Team', id: fx.id.B1, agents: [agentRef(fx.no.b1)] },
            { __typename: 'Center', id: fx.id.A, agents: [fx.no.a1, fx.no.lead, fx.no.a2].map(agentRef) },
          ],
        }),
        (level) => ({
          scoped: (data) => {
            const attempts = (data._entities as { trainingSummary: { attempts: number } }[]).map(
              (e) => e.trainingSummary.attempts,
            );
            expect(attempts).toEqual([
              fx.seen(level, [fx.no.a1, fx.no.lead]).length,
              fx.seen(level, [fx.no.b1]).length,
              fx.seen(level, [fx.no.a1, fx.no.lead, fx.no.a2]).length,
            ]);
          },
        }),
      ),
      ...perCaller(
        "Certification references: another agent's is null",
        ENTITIES,
        () => ({
          r: [fx.no.a1, fx.no.b1].map((n) => ({
            __typename: 'Certification',
            id: ids[`certification:${n}`],
          })),
        }),
        (level) => ({
          scoped: (data) =>
            expect(data._entities).toEqual([
              { employeeNo: fx.no.a1 },
              level === 'all' ? { employeeNo: fx.no.b1 } : null,
            ]),
        }),
      ),
      ...perCaller(
        'Performance.training: over the agents the caller sees',
        ENTITIES,
        () => ({
          r: [
            {
              __typename: 'Performance',
              scopeType: 'TEAM',
              scopeId: fx.id.A1,
              ...period(),
              agents: [fx.no.a1, fx.no.lead].map(agentRef),
            },
            {
              __typename: 'Performance',
              scopeType: 'TEAM',
              scopeId: fx.id.B1,
              ...period(),
              agents: [agentRef(fx.no.b1)],
            },
          ],
        }),
        (level) => ({
          scoped: (data) =>
            expect(data._entities).toEqual([
              { performanceTraining: { firstAttemptPassRate: 1 } },
              { performanceTraining: { firstAttemptPassRate: level === 'all' ? 1 : null } },
            ]),
        }),
      ),
    ],
  );
});
