import { GraphQLLocalDate, type SubgraphContext } from '@switchboard/subgraph-kit';
import { assignmentStatus, ratio, type AssignmentStatus } from '@switchboard/metrics';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { toAssignmentType } from '../../assignment/assignment.mapper';
import { AssignmentType } from '../../assignment/assignment.type';
import { toCertificationType } from '../../certification/certification.mapper';
import { CertificationType } from '../../certification/certification.type';
import { todayUtc } from '../../common/dates';
import { AssignmentStatusEnum, ComplianceStatus, CourseCategory } from '../../model/enums';
import { courseById } from '../../training.loaders';
import { toCourseType } from '../../course/course.mapper';
import { CourseType } from '../../course/course.type';
import { toExamAttemptType } from '../../exam/exam.mapper';
import { ExamAttemptType } from '../../exam/exam.type';
import { assignmentsOf, attemptsOf, certificationsOf, mandatoryCourses } from './agent-records';
import { AgentTrainingRecordType, OnboardingProgressType } from './agent-training-record.type';
import { AgentTrainingType } from './agent-training.type';
import { complianceStatus, missingCourses, requiredCourses } from './compliance';
import { loadTrainingSummary, profileOf } from './summary-loader';
import { TrainingSummaryType } from './training-summary.type';

@Resolver(() => AgentTrainingType)
export class AgentTrainingResolver {
  // Nullable (a compatible change) so that through the gateway a training outage blanks this field,
  // not the agent that pages such as the dashboard's agent page are built on.
  @FieldResolver(() => AgentTrainingRecordType, {
    nullable: true,
    description:
      'Training records and compliance (role and skills come from staff); null only when the training service did not answer the gateway',
  })
  @Directive('@requires(fields: "role skills { skill { code } }")')
  async training(
    @Root() agent: AgentTrainingType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentTrainingRecordType> {
    // outside the caller's scope: no profile and (through the loaders) no records, no error
    const seen = (await ctx.scope()).seesAgent(agent.employeeNo);
    return Object.assign(new AgentTrainingRecordType(), {
      employeeNo: agent.employeeNo,
      profile: seen ? profileOf(agent) : undefined,
    });
  }
}

@Resolver(() => AgentTrainingRecordType)
export class AgentTrainingRecordResolver {
  @FieldResolver(() => [AssignmentType], {
    description: 'Assignments by due date, optionally of some statuses',
  })
  async assignments(
    @Root() record: AgentTrainingRecordType,
    @Arg('statuses', () => [AssignmentStatusEnum], { nullable: true }) statuses: AssignmentStatus[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType[]> {
    const today = todayUtc();
    const rows = await assignmentsOf(ctx).load(record.employeeNo);
    return rows
      .filter((a) => !statuses || statuses.includes(assignmentStatus(a, today)))
      .map((a) => toAssignmentType(a, today));
  }

  @FieldResolver(() => [ExamAttemptType], { description: 'Exam attempts, oldest first' })
  async attempts(
    @Root() record: AgentTrainingRecordType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExamAttemptType[]> {
    return (await attemptsOf(ctx).load(record.employeeNo)).map(toExamAttemptType);
  }

  @FieldResolver(() => [CertificationType], {
    description: 'Certifications, oldest first; valid ones only unless includeExpired',
  })
  async certifications(
    @Root() record: AgentTrainingRecordType,
    @Arg('includeExpired', () => Boolean, { defaultValue: false }) includeExpired: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CertificationType[]> {
    const today = todayUtc();
    return (await certificationsOf(ctx).load(record.employeeNo))
      .map((c) => toCertificationType(c, today))
      .filter((c) => includeExpired || c.valid);
  }

  @FieldResolver(() => [CourseType], { description: 'Courses mandatory for the agent (role or skills)' })
  async requiredCourses(
    @Root() record: AgentTrainingRecordType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType[]> {
    if (!record.profile) return [];
    return requiredCourses(record.profile, await mandatoryCourses(ctx).load('all')).map(toCourseType);
  }

  @FieldResolver(() => [CourseType], {
    description: 'Mandatory courses the agent still needs: no certification valid today',
  })
  async missingCertifications(
    @Root() record: AgentTrainingRecordType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType[]> {
    if (!record.profile) return [];
    const required = requiredCourses(record.profile, await mandatoryCourses(ctx).load('all'));
    return missingCourses(required, await certificationsOf(ctx).load(record.employeeNo), todayUtc()).map(
      toCourseType,
    );
  }

  @FieldResolver(() => ComplianceStatus)
  async complianceStatus(
    @Root() record: AgentTrainingRecordType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplianceStatus> {
    if (!record.profile) return ComplianceStatus.NOT_REQUIRED;
    const today = todayUtc();
    const [mandatory, certifications, assignments] = await Promise.all([
      mandatoryCourses(ctx).load('all'),
      certificationsOf(ctx).load(record.employeeNo),
      assignmentsOf(ctx).load(record.employeeNo),
    ]);
    const required = requiredCourses(record.profile, mandatory);
    return complianceStatus(required, missingCourses(required, certifications, today), assignments, today);
  }

  @FieldResolver(() => OnboardingProgressType, {
    description: 'Progress through the ONBOARDING courses assigned',
  })
  async onboarding(
    @Root() record: AgentTrainingRecordType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OnboardingProgressType> {
    const today = todayUtc();
    const assignments = await assignmentsOf(ctx).load(record.employeeNo);
    const courses = await courseById(ctx).loadMany(assignments.map((a) => a.course.id));
    const onboarding = assignments.filter((_, i) => {
      const course = courses[i];
      return course && !(course instanceof Error) && course.category === CourseCategory.ONBOARDING;
    });
    const statuses = onboarding.map((a) => assignmentStatus(a, today));
    const completed = statuses.filter((s) => s === 'COMPLETED').length;
    return Object.assign(new OnboardingProgressType(), {
      employeeNo: record.employeeNo,
      assigned: onboarding.length,
      completed,
      overdue: statuses.filter((s) => s === 'OVERDUE').length,
      progress: ratio(completed, onboarding.length),
    });
  }

  @FieldResolver(() => TrainingSummaryType, {
    description: "The agent's training metrics for days from (inclusive) to (exclusive)",
  })
  summary(
    @Root() record: AgentTrainingRecordType,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingSummaryType> {
    const profiles = record.profile ? { [record.employeeNo]: record.profile } : {};
    return loadTrainingSummary(
      ctx,
      'agent',
      { key: record.employeeNo, employeeNos: [record.employeeNo], profiles },
      { from, to },
    );
  }
}
