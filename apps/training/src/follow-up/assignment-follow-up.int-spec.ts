import { databaseFingerprint, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { addDays, todayUtc } from '../common/dates';
import { RosterDouble } from '../testing/roster-double';
import { TrainingFactory } from '../testing/training-factories';
import { trainingSubgraph } from '../training.subgraph';

const TEAM = '44444444-4444-4444-8444-444444444444';
const CENTER = '55555555-5555-4555-8555-555555555555';

interface Assigned {
  id: string;
  dueDate: string;
  reminders: number;
  lastRemindedAt: string | null;
  followUps: {
    kind: string;
    note: string | null;
    previousDueDate: string | null;
    newDueDate: string | null;
  }[];
}
const FIELDS = 'id dueDate reminders lastRemindedAt followUps { kind note previousDueDate newDueDate }';

/** Issue 25: from HR's overdue list, remind or give a new due date in one step, each kept in a trail. */
describe('assignment follow-ups: reminders and new due dates', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  const today = todayUtc();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add(
      { employeeNo: 'F1', teamId: TEAM, centerId: CENTER, role: 'AGENT' },
      { employeeNo: 'F2', teamId: TEAM, centerId: CENTER, role: 'AGENT' },
      { employeeNo: 'F3', teamId: TEAM, centerId: CENTER, role: 'AGENT' },
    );
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    const course = await new TrainingFactory(training.url).course();
    const assigned = await postGraphQL<{
      assignCourse: { assignments: { id: string; employeeNo: string }[] };
    }>(
      training.url,
      'mutation($i: AssignCourseInput!) { assignCourse(input: $i) { assignments { id employeeNo } } }',
      { i: { courseId: course.id, target: { employeeNos: ['F1', 'F2', 'F3'] }, dueDate: addDays(today, 3) } },
    );
    for (const a of assigned.data?.assignCourse.assignments ?? []) ids[a.employeeNo] = a.id;
    await postGraphQL(training.url, 'mutation($id: ID!) { completeAssignment(id: $id) { id } }', {
      id: ids.F3,
    });
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  const remind = (variables: Record<string, unknown>) =>
    postGraphQL<{ remindAssignments: Assigned[] }>(
      training.url,
      `mutation($ids: [ID!]!, $note: String) { remindAssignments(ids: $ids, note: $note) { ${FIELDS} } }`,
      variables,
    );
  const setDue = (variables: Record<string, unknown>) =>
    postGraphQL<{ setAssignmentDueDate: Assigned }>(
      training.url,
      `mutation($id: ID!, $d: LocalDate!, $r: String!) { setAssignmentDueDate(id: $id, dueDate: $d, reason: $r) { ${FIELDS} } }`,
      variables,
    );

  it('reminds several agents at once, and a second reminder within the hour adds nothing', async () => {
    const first = await remind({ ids: [ids.F1, ids.F2], note: '  Please finish by Friday  ' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.remindAssignments.map((a) => [a.id, a.reminders, a.followUps])).toEqual([
      [
        ids.F1,
        1,
        [{ kind: 'REMINDER', note: 'Please finish by Friday', previousDueDate: null, newDueDate: null }],
      ],
      [
        ids.F2,
        1,
        [{ kind: 'REMINDER', note: 'Please finish by Friday', previousDueDate: null, newDueDate: null }],
      ],
    ]);
    expect(first.data?.remindAssignments[0].lastRemindedAt).not.toBeNull();
    const again = await Promise.all([remind({ ids: [ids.F1] }), remind({ ids: [ids.F1] })]);
    expect(again.map((r) => r.data?.remindAssignments[0].reminders)).toEqual([1, 1]);
  });

  it('gives a new due date with its reason, kept with the one before', async () => {
    const changed = await setDue({ id: ids.F2, d: addDays(today, 14), r: 'Agreed with the lead: on leave' });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.setAssignmentDueDate.dueDate).toBe(addDays(today, 14));
    expect(changed.data?.setAssignmentDueDate.followUps[0]).toEqual({
      kind: 'NEW_DUE_DATE',
      note: 'Agreed with the lead: on leave',
      previousDueDate: addDays(today, 3),
      newDueDate: addDays(today, 14),
    });
    expect(changed.data?.setAssignmentDueDate.reminders).toBe(1); // the reminder stays in the trail
  });

  it.each([
    ['no ids', () => ({ ids: [] }), 'ids'],
    ['an id that is not one', () => ({ ids: [ids.F1, 'nope'] }), 'ids[1]'],
    ['an id named twice', () => ({ ids: [ids.F1, ids.F1] }), 'ids[1]'],
    ['an unknown id', () => ({ ids: ['00000000-0000-4000-8000-000000000000'] }), 'ids[0]'],
    ['a completed assignment', () => ({ ids: [ids.F1, ids.F3] }), 'ids[1]'],
    ['a note too long', () => ({ ids: [ids.F1], note: 'x'.repeat(501) }), 'note'],
  ])('refuses a reminder with %s, naming the field, and writes nothing', async (_label, variables, field) => {
    const before = await databaseFingerprint(training.orm);
    const response = await remind(variables());
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((response.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toContain(
      field,
    );
    expect(await databaseFingerprint(training.orm)).toBe(before);
  });

  it.each([
    ['a date in the past', () => ({ id: ids.F1, d: addDays(today, -1), r: 'late' }), 'dueDate'],
    ['the same date', () => ({ id: ids.F1, d: addDays(today, 3), r: 'same' }), 'dueDate'],
    ['no reason', () => ({ id: ids.F1, d: addDays(today, 9), r: '   ' }), 'reason'],
    ['a completed assignment', () => ({ id: ids.F3, d: addDays(today, 9), r: 'again' }), 'id'],
    ['an id that is not one', () => ({ id: 'nope', d: addDays(today, 9), r: 'x' }), 'id'],
  ])(
    'refuses a new due date with %s, naming the field, and writes nothing',
    async (_label, variables, field) => {
      const before = await databaseFingerprint(training.orm);
      const response = await setDue(variables());
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((response.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toContain(
        field,
      );
      expect(await databaseFingerprint(training.orm)).toBe(before);
    },
  );

  it("shows the trail on HR's overdue list, one statement for any number of assignments", async () => {
    const overdue = (fields: string) =>
      training.sql.count(() =>
        postGraphQL<{ overdueAssignments: { id: string; reminders?: number }[] }>(
          training.url,
          `{ overdueAssignments { id ${fields} } }`,
        ),
      );
    // two overdue assignments of another course (moved into the past: the API refuses a past due date)
    const course = await new TrainingFactory(training.url).course();
    await postGraphQL(
      training.url,
      'mutation($i: AssignCourseInput!) { assignCourse(input: $i) { matched } }',
      { i: { courseId: course.id, target: { employeeNos: ['F1', 'F2'] }, dueDate: addDays(today, 1) } },
    );
    await training.orm.em
      .fork()
      .execute(`update assignment set assigned_on = ?, due_date = ? where course_id = ?`, [
        addDays(today, -20),
        addDays(today, -5),
        course.id,
      ]);
    const bare = await overdue('');
    expect(bare.result.data?.overdueAssignments.length).toBeGreaterThanOrEqual(2);
    const trail = await overdue('reminders lastRemindedAt followUps { kind }');
    expect(trail.result.errors).toBeUndefined();
    expect(trail.statements.length - bare.statements.length).toBe(1);
  });
});
