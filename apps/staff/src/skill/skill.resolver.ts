import { requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaffWriter } from '../access/staff-access';
import { CreateSkillInput } from './skill.input';
import { toSkillType } from './skill.mapper';
import { SkillService } from './skill.service';
import { SkillType } from './skill.type';

@Resolver(() => SkillType)
export class SkillResolver {
  @Query(() => [SkillType], { description: 'Every skill, by code' })
  async skills(@Ctx() ctx: SubgraphContext): Promise<SkillType[]> {
    return (await new SkillService(ctx.em).list()).map(toSkillType);
  }

  @Mutation(() => SkillType)
  async createSkill(
    @Arg('input', () => CreateSkillInput) input: CreateSkillInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SkillType> {
    requireStaffWriter(ctx, 'createSkill');
    await requireWholeScope(ctx, 'createSkill');
    return toSkillType(await new SkillService(ctx.em).create(input));
  }
}
