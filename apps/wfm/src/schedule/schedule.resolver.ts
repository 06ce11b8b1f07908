import { badUserInput } from '@switchboard/server';
import { checkPageSize, GraphQLLocalDate, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireWfmWriter, seesAgentRecord } from '../access/wfm-access';
import { activityCodes, ActivityCodeType } from './activity';
import { reportScheduleBatch } from '../wfm-import-batches';
import { ScheduleImportService } from './schedule-import.service';
import { ScheduleImportOptions, ScheduleImportReportType } from './schedule-import.type';
import { scheduleById } from './schedule.loader';
import { toScheduleType } from './schedule.mapper';
import { ScheduleService } from './schedule.service';
import { ScheduleType } from './schedule.type';

/** A period of days [from, to) of at most this many days. */
export const MAX_SCHEDULE_DAYS = 62;

export function checkDays(from: string, to: string): void {
  if (to <= from) throw badUserInput({ field: 'to', message: 'must be after from' });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_SCHEDULE_DAYS)
    throw badUserInput({ field: 'to', message: `the period is at most ${MAX_SCHEDULE_DAYS} days` });
}

@Resolver(() => ScheduleType)
export class ScheduleResolver {
  @Query(() => [ActivityCodeType], {
    description: 'The schedule activities and the agent states that are adherent during each',
  })
  activityCodes(): ActivityCodeType[] {
    return activityCodes();
  }

  @Query(() => ScheduleType, {
    nullable: true,
    description: 'One schedule; null if unknown or not visible to you',
  })
  async schedule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ScheduleType | null> {
    const row = isUuid(id) ? await scheduleById(ctx).load(id) : null;
    return row && seesAgentRecord(await ctx.scope(), row) ? toScheduleType(row) : null;
  }

  @Query(() => [ScheduleType], {
    description:
      'The schedules of the agents you see (a manager their centers’, a lead their teams’, an agent their own) for days from (inclusive) to (exclusive)',
  })
  async schedules(
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('employeeNos', () => [String], { nullable: true }) employeeNos: string[] | null,
    @Arg('first', () => Int, { defaultValue: 200 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScheduleType[]> {
    checkPageSize(first);
    checkDays(from, to);
    const rows = await new ScheduleService(ctx.em).list(
      (await ctx.scope()).employeeNos,
      { from, to, employeeNos: employeeNos ?? null },
      first,
    );
    return rows.map(toScheduleType);
  }

  @Mutation(() => ScheduleImportReportType, {
    description:
      'Imports a schedule export (employee_no, date, start, end, activity; clock times in timeZone): each agent-day replaced by its rows; all or nothing unless skipInvalidRows. Large files: POST /import/schedules (switchboard import schedules)',
  })
  async importSchedules(
    @Arg('csv', () => String) csv: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Arg('options', () => ScheduleImportOptions, { nullable: true }) options: ScheduleImportOptions | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScheduleImportReportType> {
    requireWfmWriter(ctx, 'importSchedules');
    const dryRun = options?.dryRun ?? false;
    const report = await new ScheduleImportService(ctx.em, ctx).import(csv, {
      timeZone,
      skipInvalidRows: options?.skipInvalidRows ?? false,
      dryRun,
      scope: await ctx.scope(),
      createdBy: ctx.identity.subject,
    });
    if (!dryRun) await reportScheduleBatch(report, ctx.logger);
    return report;
  }
}
