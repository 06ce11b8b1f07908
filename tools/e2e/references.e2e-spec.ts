import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 17, references checked when written: traffic, kpi and training ask staff (and kpi traffic)
 * through the real gateway whether the centers, teams, queues, skills and agents a write names
 * exist, and refuse the write naming the field when one does not; nothing is written.
 */
describe('references to other subgraphs are checked through the gateway', () => {
  let stack: TestStack;
  let center: string;
  let team: string;
  let queue: string;
  beforeAll(async () => {
    stack = await startTestStack();
    const staff = await gql<{ centers: { id: string; teams: { id: string }[] }[] }>(
      '{ centers { id teams { id } } }',
    );
    center = staff.data?.centers[0].id as string;
    team = staff.data?.centers[0].teams[0].id as string;
    await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [
        {
          source: 'refs-e2e',
          externalId: 'r-1',
          channel: 'VOICE',
          direction: 'INBOUND',
          queue: 'REFS-E2E',
          arrivedAt: '2026-05-04T02:00:00Z',
          endedAt: '2026-05-04T02:00:30Z',
          outcome: 'ABANDONED',
        },
      ],
    });
    queue = (await gql<{ queue: { id: string } }>('{ queue(code: "REFS-E2E") { id } }')).data?.queue
      .id as string;
  });
  afterAll(() => stack.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);
  const refusal = (answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
    code: answer.errors?.[0]?.extensions?.code,
    message: answer.errors?.[0]?.message,
  });

  it('updateQueue: a center staff holds is assigned, a random id is refused and the queue keeps its center', async () => {
    const update =
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { center { id } } }';
    expect((await gql(update, { id: queue, c: center })).data).toEqual({
      updateQueue: { center: { id: center } },
    });
    const unknown = randomUUID();
    expect(refusal(await gql(update, { id: queue, c: unknown }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: `centerId: no center "${unknown}"`,
    });
    const now = await gql<{ queue: { center: { id: string } } }>(
      'query($id: ID!) { queue(id: $id) { center { id } } }',
      {
        id: queue,
      },
    );
    expect(now.data?.queue.center.id).toBe(center);
  });

  it('setKpiTarget: a center, team or queue that exists takes a target; an unknown one is refused and none is written', async () => {
    const set = 'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }';
    const input = (type: string, id: string) => ({
      i: { kpiCode: 'AHT', scope: { type, id }, target: 300, amberBand: 30, validFrom: '2026-01-01' },
    });
    for (const [type, id] of [
      ['CENTER', center],
      ['TEAM', team],
      ['QUEUE', queue],
    ]) {
      expect((await gql(set, input(type, id))).errors).toBeUndefined();
      const unknown = randomUUID();
      expect(refusal(await gql(set, input(type, unknown)))).toEqual({
        code: 'BAD_USER_INPUT',
        message: `scope.id: no ${type.toLowerCase()} "${unknown}"`,
      });
      const written = await gql<{ kpiTargets: unknown[] }>(
        'query($s: ID) { kpiTargets(scopeId: $s) { id } }',
        {
          s: unknown,
        },
      );
      expect(written.data?.kpiTargets).toEqual([]);
    }
  });

  it('training: a course mandatory for an unknown skill, and an assignment to an unknown team, center or skill, are refused', async () => {
    const skills = await gql<{ skills: { code: string }[] }>('{ skills { code } }');
    const skill = skills.data?.skills[0].code as string;
    const create = 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }';
    const course = (code: string, mandatoryForSkills: string[]) => ({
      i: { code, title: code, category: 'SALES', hours: 1, mandatoryForSkills },
    });
    expect(refusal(await gql(create, course('REFS-NONE', [skill, 'NO-SUCH-SKILL'])))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'mandatoryForSkills: no skill "NO-SUCH-SKILL"',
    });
    const created = await gql<{ createCourse: { id: string } }>(create, course('REFS-OK', [skill]));
    expect(created.errors).toBeUndefined();
    const unknown = randomUUID();
    const assigned = await gql('mutation($i: AssignCourseInput!) { assignCourse(input: $i) { matched } }', {
      i: {
        courseId: created.data?.createCourse.id,
        target: { teamIds: [team, unknown], centerIds: [center], skillCodes: ['NO-SUCH-SKILL'] },
        dueDate: inDays(3),
      },
    });
    expect(refusal(assigned)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `target.teamIds: no team "${unknown}"; target.skillCodes: no skill "NO-SUCH-SKILL"`,
    });
    const courses = await gql<{ courses: { code: string }[] }>('{ courses { code } }');
    expect(courses.data?.courses.map((c) => c.code)).toEqual(['REFS-OK']);
    // nothing was written by the refused call: a valid one finds the team's agents unassigned
    const valid = await gql<{ assignCourse: { matched: number; alreadyAssigned: string[] } }>(
      'mutation($i: AssignCourseInput!) { assignCourse(input: $i) { matched alreadyAssigned } }',
      { i: { courseId: created.data?.createCourse.id, target: { teamIds: [team] }, dueDate: inDays(3) } },
    );
    expect(valid.data?.assignCourse.matched).toBeGreaterThan(0);
    expect(valid.data?.assignCourse.alreadyAssigned).toEqual([]);
  });
});
