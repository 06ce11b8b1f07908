import { pgArray } from '@switchboard/db';
import { groupByKeys, seenEmployeeNos, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { LoadStrategy } from '@mikro-orm/core';
import type { AgentRole } from '../../model/enums';
import { courseById, examById } from '../../training.loaders';
import { Assignment } from '../../assignment/assignment.entity';
import { Certification } from '../../certification/certification.entity';
import { Course } from '../../course/course.entity';
import { ExamAttempt } from '../../exam/exam-attempt.entity';

/**
 * Records come with their course (or exam) joined in, and prime the request's loaders, so the
 * fields under them cost no further statement, whatever the batch's timing.
 */
function primeCourses(ctx: SubgraphContext, rows: { course: Course }[]): void {
  for (const row of rows) courseById(ctx).prime(row.course.id, row.course);
}

/** The keys of a batch the caller sees: others get no records (and cost nothing). */
const seenKeys = async (ctx: SubgraphContext, employeeNos: readonly string[]): Promise<string[]> =>
  seenEmployeeNos(await ctx.scope(), employeeNos);

/**
 * Records of the agent page (issue 23) are read as rows, not hydrated entities: nothing is written
 * through them, and MikroORM's find with its joined course cost about 1 ms of CPU per statement
 * above the statement itself (about half of training's CPU per agent page). The objects have the
 * entities' fields, so the mappers take them as they are.
 */
const COURSE_COLUMNS = `c.id as c_id, c.code as c_code, c.title as c_title, c.category::text as c_category,
  c.hours::float8 as c_hours, c.validity_months as c_validity_months,
  c.mandatory_for_roles::text[] as c_mandatory_for_roles, c.mandatory_for_skills::text[] as c_mandatory_for_skills,
  c.created_at as c_created_at`;

interface CourseRow {
  c_id: string;
  c_code: string;
  c_title: string;
  c_category: string;
  c_hours: number;
  c_validity_months: number | null;
  c_mandatory_for_roles: string[];
  c_mandatory_for_skills: string[];
  c_created_at: Date;
}

const courseOf = (row: CourseRow): Course => ({
  id: row.c_id,
  code: row.c_code,
  title: row.c_title,
  category: row.c_category as Course['category'],
  hours: row.c_hours,
  validityMonths: row.c_validity_months,
  mandatoryForRoles: row.c_mandatory_for_roles as AgentRole[],
  mandatoryForSkills: row.c_mandatory_for_skills,
  createdAt: new Date(row.c_created_at),
});

/** Per-request loaders of an agent's training records by employee number: one statement per batch each. */
export function assignmentsOf(ctx: SubgraphContext): DataLoader<string, Assignment[]> {
  return ctx.loaders.get('assignmentsOf', async (employeeNos: readonly string[]) => {
    const keys = await seenKeys(ctx, employeeNos);
    const rows = keys.length
      ? await ctx.em.execute<
          (CourseRow & {
            id: string;
            employee_no: string;
            assigned_on: string;
            due_date: string;
            started_on: string | null;
            completed_on: string | null;
            created_at: Date;
          })[]
        >(
          `select a.id, a.employee_no, a.assigned_on::text, a.due_date::text, a.started_on::text,
             a.completed_on::text, a.created_at, ${COURSE_COLUMNS}
           from assignment a join course c on c.id = a.course_id
           where a.employee_no = any(?::text[]) order by a.due_date asc, a.id asc`,
          [pgArray(keys)],
        )
      : [];
    const assignments: Assignment[] = rows.map((row) => ({
      id: row.id,
      course: courseOf(row),
      employeeNo: row.employee_no,
      assignedOn: row.assigned_on,
      dueDate: row.due_date,
      startedOn: row.started_on,
      completedOn: row.completed_on,
      createdAt: new Date(row.created_at),
    }));
    primeCourses(ctx, assignments);
    return groupByKeys(employeeNos, assignments, (r) => r.employeeNo);
  });
}

export function attemptsOf(ctx: SubgraphContext): DataLoader<string, ExamAttempt[]> {
  return ctx.loaders.get('attemptsOf', async (employeeNos: readonly string[]) => {
    const keys = await seenKeys(ctx, employeeNos);
    const rows = await ctx.em.find(
      ExamAttempt,
      { employeeNo: { $in: keys } },
      { orderBy: { takenOn: 'asc', sequence: 'asc' }, populate: ['exam'], strategy: LoadStrategy.JOINED },
    );
    for (const row of rows) examById(ctx).prime(row.exam.id, row.exam);
    return groupByKeys(employeeNos, rows, (r) => r.employeeNo);
  });
}

export function certificationsOf(ctx: SubgraphContext): DataLoader<string, Certification[]> {
  return ctx.loaders.get('certificationsOf', async (employeeNos: readonly string[]) => {
    const keys = await seenKeys(ctx, employeeNos);
    const rows = keys.length
      ? await ctx.em.execute<
          (CourseRow & {
            id: string;
            employee_no: string;
            issued_on: string;
            expires_on: string | null;
            created_at: Date;
          })[]
        >(
          `select e.id, e.employee_no, e.issued_on::text, e.expires_on::text, e.created_at, ${COURSE_COLUMNS}
           from certification e join course c on c.id = e.course_id
           where e.employee_no = any(?::text[]) order by e.issued_on asc, e.id asc`,
          [pgArray(keys)],
        )
      : [];
    const certifications: Certification[] = rows.map((row) => ({
      id: row.id,
      course: courseOf(row),
      employeeNo: row.employee_no,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      createdAt: new Date(row.created_at),
    }));
    primeCourses(ctx, certifications);
    return groupByKeys(employeeNos, certifications, (r) => r.employeeNo);
  });
}

/** The courses mandatory for someone (the catalog is small): loaded once per request, as rows. */
export function mandatoryCourses(ctx: SubgraphContext): DataLoader<'all', Course[]> {
  return ctx.loaders.get('mandatoryCourses', async (keys: readonly 'all'[]) => {
    const rows = await ctx.em.execute<CourseRow[]>(
      `select ${COURSE_COLUMNS} from course c
       where cardinality(c.mandatory_for_roles) > 0 or cardinality(c.mandatory_for_skills) > 0
       order by c.code asc`,
    );
    const courses = rows.map(courseOf);
    return keys.map(() => courses);
  });
}
