import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { courseById } from '../common/loaders';
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

  @Mutation(() => CourseType)
  async createCourse(
    @Arg('input', () => CreateCourseInput) input: CreateCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType> {
    return toCourseType(await new CourseService(ctx.em).create(input));
  }

  @Mutation(() => CourseType)
  async updateCourse(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCourseInput) input: UpdateCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourseType> {
    return toCourseType(await new CourseService(ctx.em).update(id, input));
  }
}
