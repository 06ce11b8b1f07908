import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@switchboard/metrics';
import { registerEnumType } from 'type-graphql';

export enum CourseCategory {
  ONBOARDING = 'ONBOARDING',
  PRODUCT_KNOWLEDGE = 'PRODUCT_KNOWLEDGE',
  COMPLIANCE = 'COMPLIANCE',
  SOFT_SKILLS = 'SOFT_SKILLS',
  SYSTEMS = 'SYSTEMS',
  SALES = 'SALES',
}

/**
 * Staff's AgentRole, value for value: training names roles a course is mandatory for and reads an
 * agent's role through federation (@requires), and composition needs the enum identical in both.
 */
export enum AgentRole {
  AGENT = 'AGENT',
  SENIOR_AGENT = 'SENIOR_AGENT',
  TEAM_LEAD = 'TEAM_LEAD',
  QA_EVALUATOR = 'QA_EVALUATOR',
  TRAINER = 'TRAINER',
  WORKFORCE_PLANNER = 'WORKFORCE_PLANNER',
  CENTER_MANAGER = 'CENTER_MANAGER',
}

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
