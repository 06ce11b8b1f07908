import { requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { requireTrainingWriter } from '../access/training-access';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { courseById, examsOfCourse } from '../training.loaders';
import { toExamType } from '../exam/exam.mapper';
import { ExamType } from '../exam/exam.type';
import { CreateCourseInput, UpdateCourseInput } from './course.input';
import { toCourseType } from './course.mapper';
import { CourseService } from './course.service';
import { CourseType } from './course.type';

@Resolver(() => CourseType)
export class CourseResolver {
  @Query(() => [CourseType], { description: 'The training catalog, by code' })
  async courses(@Ctx() ctx: SubgraphContext): Promise<CourseType[]> {
    return (await new CourseService(ctx.em).list()).map(toCourseType);
  }

  @Query(() => CourseType, { nullable: true })
  async course(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<CourseType | null> {
    const course = await courseById(ctx).load(id);
    return course ? toCourseType(course) : null;
  }

  @FieldResolver(() => [ExamType], { description: "The course's exams" })
  async exams(@Root() course: CourseType, @Ctx() ctx: SubgraphContext): Promise<ExamType[]> {
    return (await examsOfCourse(ctx).load(course.id)).map(toExamType);
  }

  @Mutation(() => CourseType)
  async createCourse(
    @Arg('input', () => CreateCourseInput) input: CreateCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType> {
    requireTrainingWriter(ctx, 'createCourse');
    await requireWholeScope(ctx, 'createCourse');
    return toCourseType(await new CourseService(ctx.em).create(input, ctx.requireReferences));
  }

  @Mutation(() => CourseType)
  async updateCourse(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCourseInput) input: UpdateCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType> {
    requireTrainingWriter(ctx, 'updateCourse');
    await requireWholeScope(ctx, 'updateCourse');
    return toCourseType(await new CourseService(ctx.em).update(id, input, ctx.requireReferences));
  }
}
