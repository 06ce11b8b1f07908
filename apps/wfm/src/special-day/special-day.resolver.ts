import { badUserInput } from '@switchboard/server';
import { checkPageSize, GraphQLLocalDate, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
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

  @Query(() => [SpecialDayType], {
    description:
      "The special days of the centers you see, by date (from inclusive, to exclusive); a queue's are its own and its center's",
  })
  async specialDays(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('queueId', () => ID, { nullable: true }) queueId: string | null,
    @Arg('from', () => GraphQLLocalDate, { nullable: true }) from: string | null,
    @Arg('to', () => GraphQLLocalDate, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpecialDayType[]> {
    checkPageSize(first);
    if (from && to && to <= from) throw badUserInput({ field: 'to', message: 'must be after from' });
    // an id that cannot exist: nothing
    if ((centerId != null && !isUuid(centerId)) || (queueId != null && !isUuid(queueId))) return [];
    const rows = await new SpecialDayService(ctx.em).list(
      visibleCenters(await ctx.scope()),
      { centerId: centerId ?? null, queueId: queueId ?? null, from: from ?? null, to: to ?? null },
      first,
    );
    return rows.map(toSpecialDayType);
  }

  @Mutation(() => SpecialDayType, {
    description: 'Marks a special day of a center you see (or of one of its queues)',
  })
  async createSpecialDay(
    @Arg('input', () => CreateSpecialDayInput) input: CreateSpecialDayInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpecialDayType> {
    requireWfmWriter(ctx, 'createSpecialDay');
    await requireSpecialDayCenter(ctx, input.centerId, 'createSpecialDay');
    // the center is staff's: asked through the gateway before anything is written
    await ctx.requireReferences([
      { kind: 'center', field: 'input.centerId', values: [input.centerId] },
      { kind: 'queue', field: 'input.queueId', values: input.queueId ? [input.queueId] : [] },
    ]);
    return toSpecialDayType(await new SpecialDayService(ctx.em).create(input, ctx.identity.subject));
  }
}
