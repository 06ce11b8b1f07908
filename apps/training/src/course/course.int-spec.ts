import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trainingSubgraph } from '../training.subgraph';
import { Course } from './course.entity';

describe('courses', () => {
  let training: TestSubgraph;
  // the skills staff holds (training asks staff through the gateway before it writes a course)
  const staff = new KnownReferences().add('skill', 'WEALTH', 'CARDS');
  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph, { referenceSource: staff.source });
  });
  afterAll(() => training.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createCourse: Record<string, unknown> }>(
      training.url,
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) {
        id code title category hours validityMonths mandatoryForRoles mandatoryForSkills } }`,
      { input },
    );
  const count = () => training.orm.em.fork().count(Course);

  it('creates a course mandatory for roles and skills, with a certificate validity', async () => {
    const response = await create({
      code: 'AML-2026',
      title: 'Anti-money laundering',
      category: 'COMPLIANCE',
      hours: 2.5,
      validityMonths: 12,
      mandatoryForRoles: ['AGENT', 'TEAM_LEAD'],
      mandatoryForSkills: ['WEALTH'],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createCourse).toMatchObject({
      code: 'AML-2026',
      hours: 2.5,
      validityMonths: 12,
      mandatoryForRoles: ['AGENT', 'TEAM_LEAD'],
      mandatoryForSkills: ['WEALTH'],
    });
    const updated = await postGraphQL<{ updateCourse: { title: string; validityMonths: number | null } }>(
      training.url,
      'mutation($id: ID!) { updateCourse(id: $id, input: { title: "AML", validityMonths: null }) { title validityMonths } }',
      { id: response.data?.createCourse.id },
    );
    expect(updated.data?.updateCourse).toEqual({ title: 'AML', validityMonths: null });
  });

  it.each([
    [{ code: 'x' }, 'code'],
    [{ title: '' }, 'title'],
    [{ hours: 0 }, 'hours'],
    [{ validityMonths: 0 }, 'validityMonths'],
    [{ mandatoryForSkills: ['not a code'] }, 'mandatoryForSkills'],
  ])('rejects %j naming %s, and writes nothing', async (change, field) => {
    const before = await count();
    const response = await create({ code: 'GOOD-1', title: 'Good', category: 'SALES', hours: 1, ...change });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    expect(await count()).toBe(before);
  });

  it('refuses a course mandatory for a skill staff does not hold, on create and on update, and writes nothing (issue 17)', async () => {
    const before = await count();
    const created = await create({
      code: 'NO-SKILL',
      title: 'For nobody',
      category: 'SALES',
      hours: 1,
      mandatoryForSkills: ['CARDS', 'NO-SUCH-SKILL'],
    });
    expect(created.errors?.[0]).toMatchObject({
      message: 'mandatoryForSkills: no skill "NO-SUCH-SKILL"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await count()).toBe(before);
    const course = await create({
      code: 'CARDS-1',
      title: 'Cards',
      category: 'SALES',
      hours: 1,
      mandatoryForSkills: ['CARDS'],
    });
    expect(course.errors).toBeUndefined();
    const updated = await postGraphQL<{ updateCourse: unknown }>(
      training.url,
      'mutation($id: ID!) { updateCourse(id: $id, input: { title: "Renamed", mandatoryForSkills: ["GONE"] }) { id } }',
      { id: course.data?.createCourse.id },
    );
    expect(updated.errors?.[0].message).toBe('mandatoryForSkills: no skill "GONE"');
    const kept = await training.orm.em.fork().findOneOrFail(Course, { code: 'CARDS-1' });
    expect([kept.title, kept.mandatoryForSkills]).toEqual(['Cards', ['CARDS']]);
  });

  it('refuses a second course with the same code', async () => {
    await create({ code: 'DUP-1', title: 'One', category: 'SALES', hours: 1 });
    const response = await create({ code: 'DUP-1', title: 'Two', category: 'SALES', hours: 1 });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'code' } });
  });

  it('refuses an exam for an unknown course, and a pass mark above 100', async () => {
    const unknown = await postGraphQL(
      training.url,
      'mutation { createExam(input: { courseId: "00000000-0000-4000-8000-000000000000", code: "EX-1", passMark: 80, maxAttempts: 3 }) { id } }',
    );
    expect(unknown.errors?.[0].message).toMatch(/^courseId: /);
    const course = await create({ code: 'EXAMMED', title: 'Examined', category: 'SYSTEMS', hours: 1 });
    const tooHigh = await postGraphQL(
      training.url,
      'mutation($c: ID!) { createExam(input: { courseId: $c, code: "EX-2", passMark: 101, maxAttempts: 3 }) { id } }',
      { c: course.data?.createCourse.id },
    );
    expect(tooHigh.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooHigh.errors?.[0].message).toContain('passMark');
  });
});
