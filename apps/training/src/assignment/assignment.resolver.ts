import { GraphQLLocalDate, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { courseById } from '../training.loaders';
import { toCourseType } from '../course/course.mapper';
import { CourseType } from '../course/course.type';
import { AgentTrainingType } from '../extends/training/agent-training.type';
import {
  requireAssignmentChange,
  requireTargetInScope,
  requireTrainingWriter,
} from '../access/training-access';
import { AssignCourseInput } from './assignment.input';
import { toAssignmentType } from './assignment.mapper';
import { AssignmentService } from './assignment.service';
import { AssignCourseResultType, AssignmentType } from './assignment.type';

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => CourseType)
  async course(@Root() assignment: AssignmentType, @Ctx() ctx: SubgraphContext): Promise<CourseType> {
    const course = await courseById(ctx).load(assignment.courseId);
    if (!course) throw new Error(`assignment ${assignment.id} has no course`);
    return toCourseType(course);
  }

  @FieldResolver(() => AgentTrainingType, {
    nullable: true,
    description:
      'The agent (staff resolves its fields; null, with an error, when it is missing or outside your scope)',
  })
  agent(@Root() assignment: AssignmentType): AgentTrainingType {
    return Object.assign(new AgentTrainingType(), { employeeNo: assignment.employeeNo });
  }

  @Mutation(() => AssignCourseResultType, {
    description:
      'Assigns a course to agents one by one or in bulk (teams, centers, roles, skills), read from staff',
  })
  async assignCourse(
    @Arg('input', () => AssignCourseInput) input: AssignCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignCourseResultType> {
    requireTrainingWriter(ctx, 'assignCourse');
    await requireTargetInScope(ctx, input.target, 'assignCourse');
    const result = await new AssignmentService(ctx.em).assign(
      input,
      ctx.requireReferences,
      await ctx.scope(),
    );
    return Object.assign(new AssignCourseResultType(), {
      ...result,
      assignments: result.assignments.map((a) => toAssignmentType(a)),
    });
  }

  @Mutation(() => AssignmentType, {
    description: 'The agent has started the course (trainers, or the agent themself: self-service)',
  })
  async startAssignment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType> {
    const service = new AssignmentService(ctx.em);
    await requireAssignmentChange(ctx, await service.ownerOf(id), 'startAssignment', true);
    return toAssignmentType(await service.start(id));
  }

  @Mutation(() => AssignmentType, {
    description: "Completes an assignment of a course without an exam and grants the course's certification",
  })
  async completeAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('completedOn', () => GraphQLLocalDate, { nullable: true, description: 'Default today' })
    completedOn: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType> {
    const service = new AssignmentService(ctx.em);
    await requireAssignmentChange(ctx, await service.ownerOf(id), 'completeAssignment');
    return toAssignmentType(await service.complete(id, completedOn));
  }
}
