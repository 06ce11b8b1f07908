import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@switchboard/metrics';
import { AgentRole } from '@switchboard/contracts';
import { registerEnumType } from 'type-graphql';

export enum CourseCategory {
  ONBOARDING = 'ONBOARDING',
  PRODUCT_KNOWLEDGE = 'PRODUCT_KNOWLEDGE',
  COMPLIANCE = 'COMPLIANCE',
  SOFT_SKILLS = 'SOFT_SKILLS',
  SYSTEMS = 'SYSTEMS',
  SALES = 'SALES',
}

/** Staff's AgentRole, from libs/contracts (composition needs it identical in both). */
export { AgentRole };

export const AssignmentStatusEnum = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, s])) as Record<
  AssignmentStatus,
  AssignmentStatus
>;

export enum ComplianceStatus {
  /** Holds a valid certification for every course mandatory for the agent's role and skills. */
  COMPLIANT = 'COMPLIANT',
  /** Misses at least one, none of them overdue yet. */
  IN_TRAINING = 'IN_TRAINING',
  /** Misses at least one, with an overdue assignment or no assignment for it. */
  NON_COMPLIANT = 'NON_COMPLIANT',
  /** No course is mandatory for the agent. */
  NOT_REQUIRED = 'NOT_REQUIRED',
}

registerEnumType(CourseCategory, { name: 'CourseCategory' });
registerEnumType(AgentRole, { name: 'AgentRole', description: 'The job an employee does in the center' });
registerEnumType(AssignmentStatusEnum, {
  name: 'AssignmentStatus',
  description:
    'Derived from the dates on every read: COMPLETED, else OVERDUE past the due date, else IN_PROGRESS once started',
});
registerEnumType(ComplianceStatus, { name: 'ComplianceStatus' });

export enum AssignmentFollowUpKind {
  REMINDER = 'REMINDER',
  NEW_DUE_DATE = 'NEW_DUE_DATE',
}
registerEnumType(AssignmentFollowUpKind, {
  name: 'AssignmentFollowUpKind',
  description: 'What was done about an assignment: the agent reminded, or a new due date given',
});
