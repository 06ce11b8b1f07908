import type { Course } from './course.entity';
import { CourseType } from './course.type';

export function toCourseType(course: Course): CourseType {
  return Object.assign(new CourseType(), {
    id: course.id,
    code: course.code,
    title: course.title,
    category: course.category,
    hours: Number(course.hours),
    validityMonths: course.validityMonths,
    mandatoryForRoles: course.mandatoryForRoles,
    mandatoryForSkills: course.mandatoryForSkills,
  });
}
