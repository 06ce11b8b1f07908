import { badUserInput } from '@switchboard/server';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { VocViewService } from './voc-view.service';
import { VocCategoryType, VocViewType } from './voc-view.type';

@Resolver()
export class VocViewResolver {
  @Query(() => VocViewType, {
    description:
      "Feedback categories of [from, to) (contacts' arrival) with counts, the change against the period before, and their surveys' CSAT and NPS; managers see their centers, leads their teams' agents, agents themselves. No verbatims.",
  })
  async vocView(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('top', () => Int, { defaultValue: 10 }) top: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VocViewType> {
    checkPageSize(top, 'top');
    if (centerId != null && !isUuid(centerId))
      throw badUserInput({ field: 'centerId', message: 'must be a center id' });
    const scope = await ctx.scope();
    const view = await new VocViewService(ctx.em).view(
      from,
      to,
      scope.all
        ? { centerIds: null, employeeNos: null }
        : { centerIds: scope.centerIds ?? [], employeeNos: scope.employeeNos ?? [] },
      centerId?.toLowerCase() ?? null,
      top,
    );
    return Object.assign(new VocViewType(), {
      ...view,
      categories: view.categories.map((c) => Object.assign(new VocCategoryType(), c)),
    });
  }
}
