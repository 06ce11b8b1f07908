import { requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { requireTrainingWriter } from '../access/training-access';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { courseById, examById } from '../training.loaders';
import { toCourseType } from '../course/course.mapper';
import { CourseType } from '../course/course.type';
import { CreateExamInput, RecordAttemptInput } from './exam.input';
import { toExamAttemptType, toExamType } from './exam.mapper';
import { ExamService } from './exam.service';
import { ExamAttemptType, ExamType } from './exam.type';

@Resolver(() => ExamType)
export class ExamResolver {
  @Query(() => ExamType, { nullable: true })
  async exam(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ExamType | null> {
    const exam = await examById(ctx).load(id);
    return exam ? toExamType(exam) : null;
  }

  @FieldResolver(() => CourseType)
  async course(@Root() exam: ExamType, @Ctx() ctx: SubgraphContext): Promise<CourseType> {
    const course = await courseById(ctx).load(exam.courseId);
    if (!course) throw new Error(`exam ${exam.id} has no course`);
    return toCourseType(course);
  }

  @Mutation(() => ExamType)
  async createExam(
    @Arg('input', () => CreateExamInput) input: CreateExamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExamType> {
    requireTrainingWriter(ctx, 'createExam');
    await requireWholeScope(ctx, 'createExam');
    return toExamType(await new ExamService(ctx.em).create(input));
  }

  @Mutation(() => ExamAttemptType, {
    description:
      "Records a sitting; a pass grants the course's certification and completes its open assignment",
  })
  async recordExamAttempt(
    @Arg('input', () => RecordAttemptInput) input: RecordAttemptInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExamAttemptType> {
    requireTrainingWriter(ctx, 'recordExamAttempt');
    (await ctx.scope()).requireAgent(input.employeeNo, 'recordExamAttempt');
    return toExamAttemptType(await new ExamService(ctx.em).recordAttempt(input, ctx.requireReferences));
  }
}

@Resolver(() => ExamAttemptType)
export class ExamAttemptResolver {
  @FieldResolver(() => ExamType)
  async exam(@Root() attempt: ExamAttemptType, @Ctx() ctx: SubgraphContext): Promise<ExamType> {
    const exam = await examById(ctx).load(attempt.examId);
    if (!exam) throw new Error(`attempt ${attempt.id} has no exam`);
    return toExamType(exam);
  }
}
