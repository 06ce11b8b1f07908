import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { addDays, todayUtc } from '../common/dates';
import { RosterDouble } from '../testing/roster-double';
import { TrainingFactory } from '../testing/training-factories';
import { trainingSubgraph } from '../training.subgraph';
import { Assignment } from './assignment.entity';

const TEAM_A = '11111111-1111-4111-8111-111111111111';
const TEAM_B = '22222222-2222-4222-8222-222222222222';
const CENTER = '33333333-3333-4333-8333-333333333333';

interface AssignResult {
  assignCourse: {
    matched: number;
    alreadyAssigned: string[];
    assignments: { id: string; employeeNo: string; status: string; dueDate: string }[];
  };
}

describe('assignments', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  let factory: TrainingFactory;
  const today = todayUtc();

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add(
      { employeeNo: 'A1', teamId: TEAM_A, centerId: CENTER, role: 'AGENT', skillCodes: ['CARDS'] },
      { employeeNo: 'A2', teamId: TEAM_A, centerId: CENTER, role: 'AGENT', skillCodes: ['LOANS'] },
      { employeeNo: 'A3', teamId: TEAM_A, centerId: CENTER, role: 'TEAM_LEAD', status: 'TERMINATED' },
      { employeeNo: 'B1', teamId: TEAM_B, centerId: CENTER, role: 'AGENT', skillCodes: ['CARDS'] },
      { employeeNo: 'B2', teamId: TEAM_B, centerId: CENTER, role: 'TEAM_LEAD', status: 'ON_LEAVE' },
    );
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    factory = new TrainingFactory(training.url);
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  const assign = (input: Record<string, unknown>) =>
    postGraphQL<AssignResult>(
      training.url,
      `mutation($input: AssignCourseInput!) { assignCourse(input: $input) {
        matched alreadyAssigned assignments { id employeeNo status dueDate } } }`,
      { input },
    );
  const count = (courseId: string) => training.orm.em.fork().count(Assignment, { course: courseId });

  it('assigns a course to a whole team: its current agents, not the terminated one', async () => {
    const course = await factory.course();
    const response = await assign({
      courseId: course.id,
      target: { teamIds: [TEAM_A] },
      dueDate: addDays(today, 30),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assignCourse.matched).toBe(2);
    expect(response.data?.assignCourse.assignments.map((a) => [a.employeeNo, a.status])).toEqual([
      ['A1', 'ASSIGNED'],
      ['A2', 'ASSIGNED'],
    ]);
  });

  it.each([
    [{ centerIds: [CENTER] }, ['A1', 'A2', 'B1', 'B2']],
    [{ roles: ['TEAM_LEAD'] }, ['B2']],
    [{ skillCodes: ['CARDS'] }, ['A1', 'B1']],
    [{ skillCodes: ['CARDS'], teamIds: [TEAM_B] }, ['B1']],
  ])('assigns in bulk to %j', async (target, expected) => {
    const course = await factory.course();
    const response = await assign({ courseId: course.id, target, dueDate: addDays(today, 7) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assignCourse.assignments.map((a) => a.employeeNo).sort()).toEqual(expected);
  });

  it('leaves an agent who has the course open alone, and says so', async () => {
    const course = await factory.course();
    await assign({ courseId: course.id, target: { employeeNos: ['A1'] }, dueDate: addDays(today, 10) });
    const again = await assign({
      courseId: course.id,
      target: { employeeNos: ['A1', 'B1'] },
      dueDate: addDays(today, 20),
    });
    expect(again.data?.assignCourse).toMatchObject({ matched: 2, alreadyAssigned: ['A1'] });
    expect(again.data?.assignCourse.assignments.map((a) => a.employeeNo)).toEqual(['B1']);
    expect(await count(course.id)).toBe(2);
  });

  it.each([
    [
      { target: { employeeNos: ['A1', 'NOBODY'] }, dueDate: addDays(today, 5) },
      'target.employeeNos',
      /NOBODY/,
    ],
    [{ target: { employeeNos: ['A1'] }, dueDate: addDays(today, -1) }, 'dueDate', /past/],
    [{ target: {}, dueDate: addDays(today, 5) }, 'target', /employeeNos/],
    [{ target: { teamIds: ['not-an-id'] }, dueDate: addDays(today, 5) }, 'target.teamIds', /not an id/],
    // found by the bad-input property: an empty id was taken for no id and matched nobody
    [{ target: { centerIds: [''] }, dueDate: addDays(today, 5) }, 'target.centerIds', /not an id/],
    [{ target: { employeeNos: ['bad no!'] }, dueDate: addDays(today, 5) }, 'target.employeeNos', /letters/],
  ])('rejects %j naming %s, and writes nothing', async (input, field, message) => {
    const course = await factory.course();
    const response = await assign({ courseId: course.id, ...input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    expect(response.errors?.[0].message).toMatch(message);
    expect(await count(course.id)).toBe(0);
  });

  it('refuses a team, center or skill staff does not hold (asked in one request with the agents) and writes nothing (issue 17)', async () => {
    const course = await factory.course();
    const nowhere = '55555555-5555-4555-8555-555555555555';
    const checks = roster.referenceChecks.length;
    const response = await assign({
      courseId: course.id,
      target: {
        teamIds: [TEAM_A, nowhere],
        centerIds: [nowhere],
        skillCodes: ['CARDS', 'NO-SKILL'],
        employeeNos: ['A1'],
      },
      dueDate: addDays(today, 5),
    });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'target.teamIds', message: `no team "${nowhere}"` },
        { field: 'target.centerIds', message: `no center "${nowhere}"` },
        { field: 'target.skillCodes', message: 'no skill "NO-SKILL"' },
      ],
    });
    expect(roster.referenceChecks.slice(checks)).toEqual([
      { team: [TEAM_A, nowhere], center: [nowhere], skill: ['CARDS', 'NO-SKILL'], agent: ['A1'] },
    ]);
    expect(await count(course.id)).toBe(0);
  });

  it('rejects an unknown course', async () => {
    const response = await assign({
      courseId: '44444444-4444-4444-8444-444444444444',
      target: { employeeNos: ['A1'] },
      dueDate: today,
    });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/^courseId:/);
  });

  it('derives the status from the dates, so an assignment turns overdue without being written', async () => {
    const course = await factory.course();
    const em = training.orm.em.fork();
    const rows = [
      { employeeNo: 'A1', dueDate: addDays(today, -1), startedOn: null, completedOn: null },
      { employeeNo: 'A2', dueDate: addDays(today, 3), startedOn: addDays(today, -2), completedOn: null },
      { employeeNo: 'B1', dueDate: addDays(today, -5), startedOn: null, completedOn: addDays(today, -6) },
      { employeeNo: 'B2', dueDate: today, startedOn: null, completedOn: null },
    ];
    for (const row of rows)
      em.create(Assignment, { course: course.id, assignedOn: addDays(today, -10), ...row });
    await em.flush();
    const overdue = await postGraphQL<{ overdueAssignments: { employeeNo: string; status: string }[] }>(
      training.url,
      'query($c: ID) { overdueAssignments(courseId: $c) { employeeNo status } }',
      { c: course.id },
    );
    expect(overdue.data?.overdueAssignments).toEqual([{ employeeNo: 'A1', status: 'OVERDUE' }]);
    const agents = await postGraphQL<{
      _entities: { training: { assignments: { status: string; course: { id: string } }[] } }[];
    }>(
      training.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Agent { training { assignments { status course { id } } } } } }`,
      {
        r: ['A1', 'A2', 'B1', 'B2'].map((employeeNo) => ({
          __typename: 'Agent',
          employeeNo,
          role: 'AGENT',
          skills: [],
        })),
      },
    );
    const statuses = agents.data?._entities.map(
      (a) => a.training.assignments.find((x) => x.course.id === course.id)?.status,
    );
    expect(statuses).toEqual(['OVERDUE', 'IN_PROGRESS', 'COMPLETED', 'ASSIGNED']);
  });

  it('completes an assignment of a course without an exam, certifying with the course validity', async () => {
    const course = await factory.course({ validityMonths: 12 });
    const created = await assign({
      courseId: course.id,
      target: { employeeNos: ['A2'] },
      dueDate: addDays(today, 5),
    });
    const id = created.data?.assignCourse.assignments[0].id;
    const started = await postGraphQL<{ startAssignment: { status: string; startedOn: string } }>(
      training.url,
      'mutation($id: ID!) { startAssignment(id: $id) { status startedOn } }',
      { id },
    );
    expect(started.data?.startAssignment).toEqual({ status: 'IN_PROGRESS', startedOn: today });
    const done = await postGraphQL<{ completeAssignment: { status: string; completedOn: string } }>(
      training.url,
      'mutation($id: ID!) { completeAssignment(id: $id) { status completedOn } }',
      { id },
    );
    expect(done.data?.completeAssignment).toEqual({ status: 'COMPLETED', completedOn: today });
    const certs = await postGraphQL<{ expiringCertifications: { employeeNo: string; expiresOn: string }[] }>(
      training.url,
      '{ expiringCertifications(withinDays: 400) { employeeNo expiresOn course { id } } }',
    );
    expect(certs.data?.expiringCertifications).toContainEqual({
      employeeNo: 'A2',
      expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'),
      course: { id: course.id },
    });
    const twice = await postGraphQL(
      training.url,
      'mutation($id: ID!) { completeAssignment(id: $id) { id } }',
      { id },
    );
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses to complete by hand a course that has an exam', async () => {
    const course = await factory.course();
    await factory.exam(course.id);
    const created = await assign({
      courseId: course.id,
      target: { employeeNos: ['B1'] },
      dueDate: addDays(today, 5),
    });
    const response = await postGraphQL(
      training.url,
      'mutation($id: ID!) { completeAssignment(id: $id) { id } }',
      {
        id: created.data?.assignCourse.assignments[0].id,
      },
    );
    expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0].message).toMatch(/exam/);
  });
});
