import { badUserInput } from '@switchboard/server';
import { isCalendarDate, isTimeZone, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireStaffingPlanCenter, requireStaffingPlanReader } from '../access/wfm-access';
import { StaffingInput } from './staffing.input';
import { staffingFor } from './staffing.service';
import { StaffingPlanTargetsInput } from './staffing-plan.input';
import { StaffingPlanIntervalType, StaffingPlanType } from './staffing-plan.type';

@Resolver(() => StaffingPlanType)
export class StaffingPlanResolver {
  @Query(() => StaffingPlanType, {
    description:
      "A queue's staffing plan for a day, per interval (history from traffic, agents by Erlang C/A)",
  })
  async staffingPlan(
    @Arg('queueId', () => ID) queueId: string,
    @Arg('day', () => String, { description: 'YYYY-MM-DD in timeZone' }) day: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Arg('weeks', () => Int, { defaultValue: 4, description: 'Same weekdays averaged, 1..52' }) weeks: number,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30, description: '15, 30 or 60' })
    intervalMinutes: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffingPlanType> {
    // The queue's center is traffic's to know: a center-scoped caller is checked in `intervals`.
    await requireStaffingPlanReader(ctx);
    if (!isUuid(queueId)) throw badUserInput({ field: 'queueId', message: `"${queueId}" is not an id` });
    if (!isCalendarDate(day)) throw badUserInput({ field: 'day', message: 'must be a day YYYY-MM-DD' });
    if (!isTimeZone(timeZone))
      throw badUserInput({ field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` });
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
      throw badUserInput({ field: 'weeks', message: 'must be 1..52' });
    if (![15, 30, 60].includes(intervalMinutes))
      throw badUserInput({ field: 'intervalMinutes', message: 'must be 15, 30 or 60' });
    return Object.assign(new StaffingPlanType(), {
      queueId: queueId.toLowerCase(),
      day,
      timeZone,
      weeks,
      intervalMinutes,
    });
  }

  @FieldResolver(() => [StaffingPlanIntervalType], {
    description: 'Per interval: forecast, agents required (raw and scheduled), agents logged in, gap',
  })
  @Directive(
    '@requires(fields: "history { intervalStart forecastCalls ahtSeconds loggedInAgents } centerId")',
  )
  async intervals(
    @Root() plan: StaffingPlanType,
    @Arg('targets', () => StaffingPlanTargetsInput, { nullable: true })
    targets: StaffingPlanTargetsInput | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffingPlanIntervalType[]> {
    // The plan is only reached from the staffingPlan query: this is that query's check, made once
    // traffic has said the queue's center (FORBIDDEN, not an empty plan).
    await requireStaffingPlanCenter(ctx, plan.centerId);
    const goal =
      targets ??
      Object.assign(new StaffingPlanTargetsInput(), {
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        maxOccupancy: 0.85,
        shrinkage: 0,
        defaultAhtSeconds: 300,
      });
    return (plan.history ?? []).map((interval) => {
      const ahtSeconds = interval.ahtSeconds ?? goal.defaultAhtSeconds;
      const staffing = staffingFor(
        Object.assign(new StaffingInput(), {
          callsPerInterval: interval.forecastCalls,
          ahtSeconds,
          intervalMinutes: plan.intervalMinutes,
          targetServiceLevel: goal.targetServiceLevel,
          targetAnswerSeconds: goal.targetAnswerSeconds,
          maxOccupancy: goal.maxOccupancy,
          shrinkage: goal.shrinkage,
          patienceSeconds: goal.patienceSeconds ?? null,
        }),
      );
      return Object.assign(new StaffingPlanIntervalType(), {
        intervalStart: new Date(interval.intervalStart),
        forecastCalls: interval.forecastCalls,
        ahtSeconds,
        rawAgents: staffing.rawAgents,
        scheduledAgents: staffing.scheduledAgents,
        serviceLevel: staffing.serviceLevel,
        occupancy: staffing.occupancy,
        probabilityOfAbandon: staffing.probabilityOfAbandon,
        loggedInAgents: interval.loggedInAgents,
        gap: interval.loggedInAgents - staffing.rawAgents,
      });
    });
  }
}
