import { badUserInput, type FieldProblem } from '@switchboard/server';
import { GraphQLLocalDate, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { requireSpecialDayCenter, requireWfmWriter } from '../access/wfm-access';
import { fetchBusinessCalendars } from './calendar-holidays';
import { importCalendarHolidays } from './calendar-holidays.service';

/** Centers of one holiday import. */
export const MAX_HOLIDAY_CENTERS = 50;
/** Days of one holiday import. */
export const MAX_HOLIDAY_DAYS = 400;

@ObjectType('CalendarHolidayImport', { description: 'Special days made from care’s business calendars' })
export class CalendarHolidayImportType {
  @Field(() => Int, { description: 'Special days written' }) created!: number;
  @Field(() => Int, { description: 'Special days the centers already had (nothing written)' })
  unchanged!: number;
  @Field(() => [ID], { description: 'Centers with no business calendar in care' })
  centersWithoutCalendar!: string[];
}

@Resolver()
export class CalendarHolidaysResolver {
  @Mutation(() => CalendarHolidayImportType, {
    description:
      "Special days from the centers' business calendars (care's, through the gateway): a holiday closed all day is CLOSED and left out of history, the working days around a run of holidays HOLIDAY_EVE and POST_HOLIDAY; days from (inclusive) to (exclusive); importing again changes nothing",
  })
  async importCalendarHolidays(
    @Arg('centerIds', () => [ID]) centerIds: string[],
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CalendarHolidayImportType> {
    requireWfmWriter(ctx, 'importCalendarHolidays');
    const problems: FieldProblem[] = [];
    const ids = [...new Set(centerIds.map((id) => id.toLowerCase()))];
    if (!ids.length || ids.length > MAX_HOLIDAY_CENTERS)
      problems.push({ field: 'centerIds', message: `1 to ${MAX_HOLIDAY_CENTERS} centers` });
    const bad = ids.find((id) => !isUuid(id));
    if (bad) problems.push({ field: 'centerIds', message: `"${bad}" is not a center id` });
    if (to <= from) problems.push({ field: 'to', message: 'must be after from' });
    else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_HOLIDAY_DAYS)
      problems.push({ field: 'to', message: `the period is at most ${MAX_HOLIDAY_DAYS} days` });
    if (problems.length) throw badUserInput(problems);
    for (const id of ids) await requireSpecialDayCenter(ctx, id, 'importCalendarHolidays');
    // staff's centers, then care's calendars: each asked once through the gateway before anything is written
    await ctx.requireReferences([{ kind: 'center', field: 'centerIds', values: ids }]);
    const calendars = await fetchBusinessCalendars(ids);
    return Object.assign(
      new CalendarHolidayImportType(),
      await importCalendarHolidays(ctx.em, calendars, from, to, ctx.identity.subject),
    );
  }
}
