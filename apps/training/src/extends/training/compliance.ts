import { assignmentStatus, certificationValid } from '@switchboard/metrics';
import type { Assignment } from '../../assignment/assignment.entity';
import type { Certification } from '../../certification/certification.entity';
import { ComplianceStatus } from '../../model/enums';
import type { Course } from '../../course/course.entity';
import type { AgentProfile } from './training-summary.service';

/** Courses mandatory for an agent's role or any of their skills. */
export function requiredCourses(profile: AgentProfile, mandatory: readonly Course[]): Course[] {
  return mandatory.filter(
    (c) =>
      (c.mandatoryForRoles as string[]).includes(profile.role) ||
      c.mandatoryForSkills.some((code) => profile.skillCodes.includes(code)),
  );
}

/** Required courses without a certification valid on `today`. */
export function missingCourses(
  required: readonly Course[],
  certifications: readonly Certification[],
  today: string,
): Course[] {
  return required.filter(
    (course) => !certifications.some((c) => c.course.id === course.id && certificationValid(c, today)),
  );
}

/**
 * COMPLIANT: every required certification valid; IN_TRAINING: each missing one has an open
 * assignment not yet overdue; NON_COMPLIANT: some missing one is overdue or not even assigned.
 */
export function complianceStatus(
  required: readonly Course[],
  missing: readonly Course[],
  assignments: readonly Assignment[],
  today: string,
): ComplianceStatus {
  if (!required.length) return ComplianceStatus.NOT_REQUIRED;
  if (!missing.length) return ComplianceStatus.COMPLIANT;
  const inTime = missing.every((course) =>
    assignments.some((a) => {
      const status = a.course.id === course.id ? assignmentStatus(a, today) : null;
      return status === 'ASSIGNED' || status === 'IN_PROGRESS';
    }),
  );
  return inTime ? ComplianceStatus.IN_TRAINING : ComplianceStatus.NON_COMPLIANT;
}
