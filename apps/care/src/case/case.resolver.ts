import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireCareWriter, requireCaseCenter, seesCase, visibleCenters } from '../access/care-access';
import { CreateCaseInput } from './case.input';
import { caseById } from './case.loader';
import { toCaseType } from './case.mapper';
import { CaseService } from './case.service';
import { CaseType } from './case.type';

@Resolver(() => CaseType)
export class CaseResolver {
  @Query(() => CaseType, { nullable: true, description: 'One Case; null if unknown or not visible to you' })
  async case(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<CaseType | null> {
    const row = isUuid(id) ? await caseById(ctx).load(id) : null;
    return row && seesCase(await ctx.scope(), row) ? toCaseType(row) : null;
  }

  @Query(() => [CaseType], { description: 'The newest Cases of the centers you see' })
  async cases(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return []; // an id that cannot exist: nothing
    const rows = await new CaseService(ctx.em).list(
      visibleCenters(await ctx.scope()),
      centerId ?? null,
      first,
    );
    return rows.map(toCaseType);
  }

  @Mutation(() => CaseType, { description: 'Creates a Case in a center you see' })
  async createCase(
    @Arg('input', () => CreateCaseInput) input: CreateCaseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    requireCareWriter(ctx, 'createCase');
    await requireCaseCenter(ctx, input.centerId, 'createCase');
    // the center is staff's: asked through the gateway before anything is written
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return toCaseType(await new CaseService(ctx.em).create(input, ctx.identity.subject));
  }
}
