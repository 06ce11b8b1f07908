import type { Identity } from '@switchboard/auth';
import { wrap } from '@mikro-orm/core';
import { createLogger } from '@switchboard/server';
import { createRequestContext } from '@switchboard/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Assignment } from '../../assignment/assignment.entity';
import { Certification } from '../../certification/certification.entity';
import { addDays, todayUtc } from '../../common/dates';
import { Course } from '../../course/course.entity';
import { seedHandComputed } from '../../testing/training-data-set';
import { trainingSubgraph } from '../../training.subgraph';
import { assignmentsOf, certificationsOf, mandatoryCourses } from './agent-records';

/** A record with its course as plain fields, whether an entity or a row. */
const plain = (record: Assignment | Certification | Course): Record<string, unknown> => {
  const fields: Record<string, unknown> = { ...(record as unknown as Record<string, unknown>) };
  if ('course' in record) fields.course = plain(record.course);
  return JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
};

/**
 * Issue 23: the agent page's training records are read as rows, not hydrated entities (MikroORM's
 * find cost about 1 ms of CPU per statement above the statement). The same fields as the entities,
 * and nothing in the request's identity map.
 */
describe("an agent's training records, read as rows", () => {
  let training: TestSubgraph;
  const admin: Identity = { subject: 'admin', roles: ['ADMIN'], centers: [], teams: [] };

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    const courses = await seedHandComputed(training);
    const em = training.orm.em.fork();
    em.create(Assignment, {
      course: courses.aml.id,
      employeeNo: 'P1',
      assignedOn: todayUtc(),
      dueDate: addDays(todayUtc(), 10),
      startedOn: todayUtc(),
    });
    await em.flush();
  });
  afterAll(() => training.stop());

  it("gives the entities' fields, course included, and hydrates no entity", async () => {
    const ctx = createRequestContext(training.orm.em, createLogger('training'), admin);
    const people = ['P1', 'P2', 'Q1', 'NOBODY'];
    const [assignments, certifications, mandatory] = await Promise.all([
      assignmentsOf(ctx).loadMany(people),
      certificationsOf(ctx).loadMany(people),
      mandatoryCourses(ctx).load('all'),
    ]);
    expect(ctx.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);

    const em = training.orm.em.fork();
    const asObjects = (entities: (Assignment | Certification)[]) =>
      entities.map((e) => plain(wrap(e).toObject() as unknown as Assignment | Certification));
    const expectedAssignments = await Promise.all(
      people.map(async (employeeNo) =>
        asObjects(
          await em.find(
            Assignment,
            { employeeNo },
            { orderBy: { dueDate: 'asc', id: 'asc' }, populate: ['course'] },
          ),
        ),
      ),
    );
    const expectedCertifications = await Promise.all(
      people.map(async (employeeNo) =>
        asObjects(
          await em.find(
            Certification,
            { employeeNo },
            { orderBy: { issuedOn: 'asc', id: 'asc' }, populate: ['course'] },
          ),
        ),
      ),
    );
    expect((assignments as Assignment[][]).map((list) => list.map(plain))).toEqual(expectedAssignments);
    expect((certifications as Certification[][]).map((list) => list.map(plain))).toEqual(
      expectedCertifications,
    );
    expect(assignments[0]).not.toHaveLength(0);
    expect(certifications[0]).not.toHaveLength(0);
    const courses = await em.find(Course, {}, { orderBy: { code: 'asc' } });
    expect(mandatory.map(plain)).toEqual(
      courses
        .filter((c) => c.mandatoryForRoles.length > 0 || c.mandatoryForSkills.length > 0)
        .map((c) => plain(wrap(c).toObject() as unknown as Course)),
    );
    expect(mandatory.length).toBeGreaterThan(0);
  });
});
