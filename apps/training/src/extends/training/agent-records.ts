import { groupByKeys, seenEmployeeNos, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { LoadStrategy } from '@mikro-orm/core';
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

/** Per-request loaders of an agent's training records by employee number: one statement per batch each. */
export function assignmentsOf(ctx: SubgraphContext): DataLoader<string, Assignment[]> {
  return ctx.loaders.get('assignmentsOf', async (employeeNos: readonly string[]) => {
    const keys = await seenKeys(ctx, employeeNos);
    const rows = await ctx.em.find(
      Assignment,
      { employeeNo: { $in: keys } },
      { orderBy: { dueDate: 'asc', id: 'asc' }, populate: ['course'], strategy: LoadStrategy.JOINED },
    );
    primeCourses(ctx, rows);
    return groupByKeys(employeeNos, rows, (r) => r.employeeNo);
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
    const rows = await ctx.em.find(
      Certification,
      { employeeNo: { $in: keys } },
      { orderBy: { issuedOn: 'asc', id: 'asc' }, populate: ['course'], strategy: LoadStrategy.JOINED },
    );
    primeCourses(ctx, rows);
    return groupByKeys(employeeNos, rows, (r) => r.employeeNo);
  });
}

/** The courses mandatory for someone (the catalog is small): loaded once per request. */
export function mandatoryCourses(ctx: SubgraphContext): DataLoader<'all', Course[]> {
  return ctx.loaders.get('mandatoryCourses', async (keys: readonly 'all'[]) => {
    const rows = await ctx.em
      .createQueryBuilder(Course, 'c')
      .where('cardinality(c.mandatory_for_roles) > 0 or cardinality(c.mandatory_for_skills) > 0')
      .orderBy({ code: 'asc' })
      .getResultList();
    return keys.map(() => rows);
  });
}
