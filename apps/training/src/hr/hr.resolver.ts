import { GraphQLLocalDate, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { toAssignmentType } from '../assignment/assignment.mapper';
import { AssignmentType } from '../assignment/assignment.type';
import { courseById } from '../training.loaders';
import { toCourseType } from '../course/course.mapper';
import { CourseType } from '../course/course.type';
import { OnboardingProgressType } from '../extends/training/agent-training-record.type';
import { AgentTrainingType } from '../extends/training/agent-training.type';
import { HrService } from './hr.service';
import { CoursePassRateType } from './hr.type';

@Resolver()
export class HrResolver {
  @Query(() => [AssignmentType], { description: 'Open assignments past their due date, most overdue first' })
  async overdueAssignments(
    @Arg('courseId', () => ID, { nullable: true }) courseId: string | null,
    @Arg('first', () => Int, { defaultValue: 500, description: '1-5000' }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType[]> {
    return (await new HrService(ctx.em, (await ctx.scope()).employeeNos).overdue(courseId, first)).map((a) =>
      toAssignmentType(a),
    );
  }

  @Query(() => [CoursePassRateType], {
    description:
      'Exam results per course for days from (inclusive) to (exclusive); per team: Team.trainingSummary',
  })
  async passRatesByCourse(
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CoursePassRateType[]> {
    const rows = await new HrService(ctx.em, (await ctx.scope()).employeeNos).passRatesByCourse({ from, to });
    return rows.map((r) => Object.assign(new CoursePassRateType(), r));
  }

  @Query(() => [OnboardingProgressType], {
    description: 'Agents given ONBOARDING courses since a day (new hires), least progressed first',
  })
  async onboardingProgress(
    @Arg('assignedSince', () => GraphQLLocalDate) assignedSince: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OnboardingProgressType[]> {
    return (await new HrService(ctx.em, (await ctx.scope()).employeeNos).onboarding(assignedSince)).map((r) =>
      Object.assign(new OnboardingProgressType(), r),
    );
  }
}

@Resolver(() => OnboardingProgressType)
export class OnboardingProgressResolver {
  @FieldResolver(() => AgentTrainingType, {
    nullable: true,
    description:
      'The agent (staff resolves its fields; null, with an error, when it is missing or outside your scope)',
  })
  agent(@Root() row: OnboardingProgressType): AgentTrainingType {
    return Object.assign(new AgentTrainingType(), { employeeNo: row.employeeNo });
  }
}

@Resolver(() => CoursePassRateType)
export class CoursePassRateResolver {
  @FieldResolver(() => CourseType)
  async course(@Root() row: CoursePassRateType, @Ctx() ctx: SubgraphContext): Promise<CourseType> {
    const course = await courseById(ctx).load(row.courseId);
    if (!course) throw new Error(`no course ${row.courseId}`);
    return toCourseType(course);
  }
}
