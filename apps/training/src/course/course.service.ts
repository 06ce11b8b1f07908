import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound } from '@switchboard/server';
import type { RequireReferences } from '@switchboard/subgraph-kit';
import { isUuid } from '../common/validation';
import { Course } from './course.entity';
import type { CreateCourseInput, UpdateCourseInput } from './course.input';

export class CourseService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Course[]> {
    return this.em.find(Course, {}, { orderBy: { code: 'asc' } });
  }

  async get(id: string, field = 'id'): Promise<Course> {
    const course = isUuid(id) ? await this.em.findOne(Course, { id }) : null;
    if (!course) throw notFound('Course', field, id);
    return course;
  }

  async create(input: CreateCourseInput, requireReferences: RequireReferences): Promise<Course> {
    if (await this.em.count(Course, { code: input.code }))
      throw conflict(`a course with code "${input.code}" already exists`, 'code');
    await requireSkills(input.mandatoryForSkills, requireReferences);
    const course = this.em.create(Course, {
      code: input.code,
      title: input.title,
      category: input.category,
      hours: input.hours,
      validityMonths: input.validityMonths ?? null,
      mandatoryForRoles: input.mandatoryForRoles ?? [],
      mandatoryForSkills: input.mandatoryForSkills ?? [],
    });
    await this.em.flush();
    return course;
  }

  async update(id: string, input: UpdateCourseInput, requireReferences: RequireReferences): Promise<Course> {
    const course = await this.get(id);
    await requireSkills(input.mandatoryForSkills, requireReferences);
    if (input.title != null) course.title = input.title;
    if (input.category != null) course.category = input.category;
    if (input.hours != null) course.hours = input.hours;
    // validityMonths: an explicit null makes the certificate permanent for future passes.
    if (input.validityMonths !== undefined) course.validityMonths = input.validityMonths;
    if (input.mandatoryForRoles != null) course.mandatoryForRoles = input.mandatoryForRoles;
    if (input.mandatoryForSkills != null) course.mandatoryForSkills = input.mandatoryForSkills;
    await this.em.flush();
    return course;
  }
}

/** A course made mandatory for a skill staff does not hold would bind nobody: refused. */
async function requireSkills(
  codes: string[] | null | undefined,
  requireReferences: RequireReferences,
): Promise<void> {
  if (codes?.length) await requireReferences([{ kind: 'skill', field: 'mandatoryForSkills', values: codes }]);
}
