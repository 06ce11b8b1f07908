import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  requireWfmWriter,
  requireSpecialDayCenter,
  seesSpecialDay,
  visibleCenters,
} from '../access/wfm-access';
import { CreateSpecialDayInput } from './special-day.input';
import { specialDayById } from './special-day.loader';
import { toSpecialDayType } from './special-day.mapper';
import { SpecialDayService } from './special-day.service';
import { SpecialDayType } from './special-day.type';

@Resolver(() => SpecialDayType)
export class SpecialDayResolver {
  @Query(() => SpecialDayType, {
    nullable: true,
    description: 'One SpecialDay; null if unknown or not visible to you',
  })
  async specialDay(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpecialDayType | null> {
    const row = isUuid(id) ? await specialDayById(ctx).load(id) : null;
    return row && seesSpecialDay(await ctx.scope(), row) ? toSpecialDayType(row) : null;
  }

  @Query(() => [SpecialDayType], { description: 'The newest SpecialDays of the centers you see' })
  async specialDays(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpecialDayType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return []; // an id that cannot exist: nothing
    const rows = await new SpecialDayService(ctx.em).list(
      visibleCenters(await ctx.scope()),
      centerId ?? null,
      first,
    );
    return rows.map(toSpecialDayType);
  }

  @Mutation(() => SpecialDayType, { description: 'Creates a SpecialDay in a center you see' })
  async createSpecialDay(
    @Arg('input', () => CreateSpecialDayInput) input: CreateSpecialDayInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpecialDayType> {
    requireWfmWriter(ctx, 'createSpecialDay');
    await requireSpecialDayCenter(ctx, input.centerId, 'createSpecialDay');
    // the center is staff's: asked through the gateway before anything is written
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return toSpecialDayType(await new SpecialDayService(ctx.em).create(input, ctx.identity.subject));
  }
}
