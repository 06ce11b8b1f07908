import { assignmentStatus } from '@switchboard/metrics';
import { todayUtc } from '../common/dates';
import type { Assignment } from './assignment.entity';
import { AssignmentType } from './assignment.type';

export function toAssignmentType(assignment: Assignment, today = todayUtc()): AssignmentType {
  return Object.assign(new AssignmentType(), {
    id: assignment.id,
    courseId: assignment.course.id,
    employeeNo: assignment.employeeNo,
    assignedOn: assignment.assignedOn,
    dueDate: assignment.dueDate,
    startedOn: assignment.startedOn,
    completedOn: assignment.completedOn,
    status: assignmentStatus(assignment, today),
  });
}
