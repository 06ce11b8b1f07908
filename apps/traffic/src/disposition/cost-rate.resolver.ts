import { requireRole, WRITERS } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { costRateProblems, costRates, setCostRate } from './cost-rate.service';
import { CostRateInput, CostRateType } from './cost-rate.type';

@Resolver(() => CostRateType)
export class CostRateResolver {
  @Query(() => [CostRateType], {
    description:
      'Standard cost rates per center and channel, every version (of the centers you see; centerIds narrows them)',
  })
  async costRates(
    @Arg('centerIds', () => [ID], { nullable: true }) centerIds: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CostRateType[]> {
    const scope = await ctx.scope();
    const asked = centerIds?.map((id) => id.toLowerCase()) ?? null;
    const seen = scope.all ? asked : (asked ?? scope.centerIds ?? []).filter((id) => scope.seesCenter(id));
    return costRates(ctx.em, seen);
  }

  @Mutation(() => CostRateType, {
    description:
      "Sets a center's standard cost of a staffed hour on a channel from a day on: a new version (the days before keep theirs), or the version starting that day replaced",
  })
  async setCostRate(
    @Arg('input', () => CostRateInput) input: CostRateInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CostRateType> {
    requireRole(ctx.identity, WRITERS.traffic, 'setCostRate');
    const problems = costRateProblems(input);
    if (problems.length) throw badUserInput(problems);
    // the center is staff's: a rate of a center that does not exist would price nothing, silently
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return setCostRate(ctx.em, input);
  }
}
