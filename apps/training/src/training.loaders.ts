import { byKeys, groupByKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Certification } from './certification/certification.entity';
import { Course } from './course/course.entity';
import { Exam } from './exam/exam.entity';
import { isUuid } from './common/validation';

/** Courses by id, one statement per batch (reference resolver, Assignment.course, ...). */
export function courseById(ctx: SubgraphContext): DataLoader<string, Course | null> {
  return ctx.loaders.get('courseById', async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(Course, { id: { $in: valid } }) : [];
    return byKeys(ids, rows, (c) => c.id);
  });
}

/** Exams by id, one statement per batch. */
export function examById(ctx: SubgraphContext): DataLoader<string, Exam | null> {
  return ctx.loaders.get('examById', async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(Exam, { id: { $in: valid } }) : [];
    return byKeys(ids, rows, (e) => e.id);
  });
}

/** Exams of courses by course id, one statement per batch. */
export function examsOfCourse(ctx: SubgraphContext): DataLoader<string, Exam[]> {
  return ctx.loaders.get('examsOfCourse', async (courseIds: readonly string[]) => {
    const rows = await ctx.em.find(Exam, { course: { $in: [...courseIds] } }, { orderBy: { code: 'asc' } });
    return groupByKeys(courseIds, rows, (e) => e.course.id);
  });
}

/** Certifications by id, one statement per batch (reference resolver). */
export function certificationById(ctx: SubgraphContext): DataLoader<string, Certification | null> {
  return ctx.loaders.get('certificationById', async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(Certification, { id: { $in: valid } }) : [];
    return byKeys(ids, rows, (c) => c.id);
  });
}
