import { coverageGap, localMidnight, scheduledOnQueueAgents } from '@switchboard/metrics';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { GraphQLLocalDate, isTimeZone, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { ScheduleService } from '../schedule/schedule.service';
import { CoverageIntervalType } from './coverage.type';

/** The most agent-days one coverage request reads. */
const MAX_COVERAGE_SCHEDULES = 5000;

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

@Resolver()
export class CoverageResolver {
  @Query(() => [CoverageIntervalType], {
    description:
      "Coverage of one day in timeZone: per interval, the on-queue agents scheduled (of the agents you see, or of employeeNos) against requiredAgents (one value per interval of the day, e.g. a staffing plan's scheduledAgents)",
  })
  async coverage(
    @Arg('date', () => GraphQLLocalDate) date: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Arg('employeeNos', () => [String], { nullable: true }) employeeNos: string[] | null,
    @Arg('requiredAgents', () => [Float], { nullable: true }) requiredAgents: number[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CoverageIntervalType[]> {
    const problems: FieldProblem[] = [];
    if (!isTimeZone(timeZone)) problems.push({ field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` });
    if (!(intervalMinutes > 0 && intervalMinutes <= 60 && 60 % intervalMinutes === 0))
      problems.push({ field: 'intervalMinutes', message: 'must divide 60 (5, 10, 15, 20, 30 or 60)' });
    if (problems.length) throw badUserInput(problems);
    const dayStart = localMidnight(date, timeZone);
    const dayEnd = localMidnight(nextDay(date), timeZone);
    const intervalSeconds = intervalMinutes * 60;
    const intervals = Math.round((dayEnd.getTime() - dayStart.getTime()) / 1000 / intervalSeconds);
    if (requiredAgents) {
      if (requiredAgents.length !== intervals)
        problems.push({
          field: 'requiredAgents',
          message: `must have one value per interval of the day (${intervals})`,
        });
      const negative = requiredAgents.findIndex((r) => !(r >= 0) || !Number.isFinite(r));
      if (negative >= 0) problems.push({ field: `requiredAgents[${negative}]`, message: 'must be 0 or more' });
      if (problems.length) throw badUserInput(problems);
    }
    // schedules of the day before too: a segment may run past midnight of the zone's day
    const schedules = await new ScheduleService(ctx.em).list(
      (await ctx.scope()).employeeNos,
      { from: new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), to: nextDay(nextDay(date)), employeeNos: employeeNos ?? null },
      MAX_COVERAGE_SCHEDULES + 1,
    );
    if (schedules.length > MAX_COVERAGE_SCHEDULES)
      throw badUserInput({ field: 'employeeNos', message: `more than ${MAX_COVERAGE_SCHEDULES} agent-days: ask for fewer agents` });
    const segments = schedules.flatMap((s) =>
      s.segments.map((g) => ({
        start: Date.parse(g.start) / 1000,
        end: Date.parse(g.end) / 1000,
        activity: g.activity,
      })),
    );
    const scheduled = scheduledOnQueueAgents(segments, dayStart.getTime() / 1000, intervalSeconds, intervals);
    return scheduled.map((agents, i) => {
      const required = requiredAgents ? requiredAgents[i] : null;
      return Object.assign(new CoverageIntervalType(), {
        intervalStart: new Date(dayStart.getTime() + i * intervalSeconds * 1000),
        scheduledOnQueue: agents,
        required,
        coverageGap: required === null ? null : coverageGap(agents, required),
      });
    });
  }
}
