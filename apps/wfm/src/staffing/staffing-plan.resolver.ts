import {
  forecastAtRisk,
  localMidnight,
  predictionIntervals,
  WIDE_RESIDUAL_RATIOS,
} from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { isCalendarDate, isTimeZone, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { loadPlanForecast, type PlanForecast } from './plan-forecast';
import { requireStaffingPlanCenter, requireStaffingPlanReader } from '../access/wfm-access';
import { StaffingInput } from './staffing.input';
import { staffingFor } from './staffing.service';
import { StaffingPlanTargetsInput } from './staffing-plan.input';
import { StaffingPlanIntervalType, StaffingPlanType, StaffingRiskEnum } from './staffing-plan.type';

const forecastOf = (ctx: SubgraphContext, plan: StaffingPlanType): Promise<PlanForecast> =>
  loadPlanForecast(ctx, {
    queueId: plan.queueId.toLowerCase(),
    day: plan.day,
    timeZone: plan.timeZone,
    intervalMinutes: plan.intervalMinutes,
  });

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

  @FieldResolver(() => Boolean, {
    description:
      "Whether wfm's interval history forecasts the day by the queue's backtest-chosen method; false: the same-weekday mean from traffic, with wide intervals",
  })
  @Directive('@requires(fields: "centerId")')
  async forecastable(@Root() plan: StaffingPlanType, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    await requireStaffingPlanCenter(ctx, plan.centerId);
    return (await forecastOf(ctx, plan)).forecastable;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the day is not forecastable (too little or too old history); null when it is',
  })
  @Directive('@requires(fields: "centerId")')
  async forecastReason(@Root() plan: StaffingPlanType, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    await requireStaffingPlanCenter(ctx, plan.centerId);
    return (await forecastOf(ctx, plan)).reason;
  }

  @FieldResolver(() => String, {
    description:
      'The method that forecast the calls: the backtest winner (see forecastBacktest), or SAME_WEEKDAY_<weeks>W when not forecastable',
  })
  @Directive('@requires(fields: "centerId")')
  async forecastMethod(@Root() plan: StaffingPlanType, @Ctx() ctx: SubgraphContext): Promise<string> {
    await requireStaffingPlanCenter(ctx, plan.centerId);
    return (await forecastOf(ctx, plan)).method ?? `SAME_WEEKDAY_${plan.weeks}W`;
  }

  @FieldResolver(() => [StaffingPlanIntervalType], {
    description:
      'Per interval: forecast (the chosen method’s, with its band), agents required at the chosen risk (raw and scheduled), agents logged in, gap',
  })
  @Directive(
    '@requires(fields: "history { intervalStart forecastCalls ahtSeconds loggedInAgents } centerId")',
  )
  async intervals(
    @Root() plan: StaffingPlanType,
    @Arg('targets', () => StaffingPlanTargetsInput, { nullable: true })
    targets: StaffingPlanTargetsInput | null,
    @Arg('risk', () => StaffingRiskEnum, {
      defaultValue: StaffingRiskEnum.P50,
      description: 'The forecast quantile agents are required for (default: the point forecast)',
    })
    risk: StaffingRiskEnum,
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
    if (!Object.values(StaffingRiskEnum).includes(risk))
      throw badUserInput({ field: 'risk', message: 'must be P50, P75 or P90' });
    const history = plan.history ?? [];
    const forecast = history.length ? await forecastOf(ctx, plan) : null;
    const midnight = localMidnight(plan.day, plan.timeZone).getTime();
    const intervalMs = plan.intervalMinutes * 60_000;
    return history.map((interval) => {
      const slot = Math.round((Date.parse(interval.intervalStart) - midnight) / intervalMs);
      // not forecastable (or an interval outside the day's local slots): traffic's same-weekday mean, wide band
      const band =
        forecast?.bands?.[slot] ?? predictionIntervals([interval.forecastCalls], WIDE_RESIDUAL_RATIOS)[0];
      const staffedCalls = forecastAtRisk(band, risk);
      const ahtSeconds = interval.ahtSeconds ?? goal.defaultAhtSeconds;
      const staffing = staffingFor(
        Object.assign(new StaffingInput(), {
          callsPerInterval: staffedCalls,
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
        forecastCalls: band.p50,
        forecastP10: band.p10,
        forecastP90: band.p90,
        staffedCalls,
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
