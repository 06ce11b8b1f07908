import { isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCalendarWriter, requireCaseCenter, seesCase } from '../access/care-access';
import { SetBusinessCalendarInput } from './calendar.input';
import { calendarByCenter } from './calendar.loader';
import { CalendarService, toBusinessCalendarType } from './calendar.service';
import { BusinessCalendarType } from './calendar.type';

@Resolver(() => BusinessCalendarType)
export class CalendarResolver {
  @Query(() => BusinessCalendarType, {
    nullable: true,
    description: "A center's business calendar; null if none or not visible to you",
  })
  async businessCalendar(
    @Arg('centerId', () => ID) centerId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BusinessCalendarType | null> {
    const row = isUuid(centerId) ? await calendarByCenter(ctx).load(centerId) : null;
    return row && seesCase(await ctx.scope(), row) ? toBusinessCalendarType(row) : null;
  }

  @Mutation(() => BusinessCalendarType, {
    description: "Sets a center's business calendar (its CENTER_MANAGER, ADMIN)",
  })
  async setBusinessCalendar(
    @Arg('input', () => SetBusinessCalendarInput) input: SetBusinessCalendarInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BusinessCalendarType> {
    requireCalendarWriter(ctx, 'setBusinessCalendar');
    await requireCaseCenter(ctx, input.centerId, 'setBusinessCalendar');
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return toBusinessCalendarType(await new CalendarService(ctx.em).set(input, ctx.identity.subject));
  }
}
