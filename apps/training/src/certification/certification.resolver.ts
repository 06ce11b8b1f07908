import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { courseById } from '../training.loaders';
import { toCourseType } from '../course/course.mapper';
import { CourseType } from '../course/course.type';
import { AgentTrainingType } from '../extends/training/agent-training.type';
import { toCertificationType } from './certification.mapper';
import { CertificationService } from './certification.service';
import { CertificationType } from './certification.type';

@Resolver(() => CertificationType)
export class CertificationResolver {
  @FieldResolver(() => CourseType)
  async course(@Root() certification: CertificationType, @Ctx() ctx: SubgraphContext): Promise<CourseType> {
    const course = await courseById(ctx).load(certification.courseId);
    if (!course) throw new Error(`certification ${certification.id} has no course`);
    return toCourseType(course);
  }

  @FieldResolver(() => AgentTrainingType, {
    nullable: true,
    description:
      'The agent (staff resolves its fields; null, with an error, when it is missing or outside your scope)',
  })
  agent(@Root() certification: CertificationType): AgentTrainingType {
    return Object.assign(new AgentTrainingType(), { employeeNo: certification.employeeNo });
  }

  @Query(() => [CertificationType], {
    description:
      'Certifications valid today that expire within the next withinDays days (not yet renewed), soonest first',
  })
  async expiringCertifications(
    @Arg('withinDays', () => Int) withinDays: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CertificationType[]> {
    return (await new CertificationService(ctx.em, (await ctx.scope()).employeeNos).expiring(withinDays)).map(
      (c) => toCertificationType(c),
    );
  }

  @Query(() => [CertificationType], { description: 'Certifications that have expired and were not renewed' })
  async expiredCertifications(@Ctx() ctx: SubgraphContext): Promise<CertificationType[]> {
    return (await new CertificationService(ctx.em, (await ctx.scope()).employeeNos).expired()).map((c) =>
      toCertificationType(c),
    );
  }
}
