import { requireRole, type Role } from '@switchboard/auth';
import { FORECAST_LEADS, localMidnight, type ForecastLead } from '@switchboard/metrics';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { GraphQLLocalDate, isTimeZone, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ForecastRun } from './forecast-run.entity';
import { ForecastService } from './forecast.service';
import {
  ForecastBacktestType,
  ForecastLeadEnum,
  ForecastRunType,
  KeptForecastAccuracyType,
  MethodAccuracyType,
} from './forecast.type';
import { keptRunAccuracy } from './forecast-accuracy';

/** Who reads a queue's forecasts (a queue's plan is no agent's record; agents do not plan). */
export const FORECAST_READERS: readonly Role[] = ['TEAM_LEAD', 'CENTER_MANAGER', 'BI_READER', 'ADMIN'];

/** Days of one forecast request. */
export const MAX_FORECAST_DAYS = 42;

export function toForecastRunType(run: ForecastRun): ForecastRunType {
  return Object.assign(new ForecastRunType(), {
    id: run.id,
    queueId: run.queueId,
    from: run.fromDate,
    to: run.toDate,
    intervalMinutes: run.intervalMinutes,
    timeZone: run.timeZone,
    method: run.method,
    forecastable: run.forecastable,
    reason: run.reason,
    createdAt: run.createdAt,
    intervals: run.intervals.map((i) => ({ ...i, intervalStart: new Date(i.intervalStart) })),
  });
}

function checkRequest(
  queueId: string,
  from: string,
  to: string,
  intervalMinutes: number,
  timeZone: string,
  maxDays: number | null,
) {
  const problems: FieldProblem[] = [];
  if (!isUuid(queueId)) problems.push({ field: 'queueId', message: 'must be a queue id' });
  if (to <= from) problems.push({ field: 'to', message: 'must be after from' });
  else if (maxDays !== null && (Date.parse(to) - Date.parse(from)) / 86_400_000 > maxDays)
    problems.push({ field: 'to', message: `the period is at most ${maxDays} days` });
  if (
    !(
      Number.isInteger(intervalMinutes) &&
      intervalMinutes > 0 &&
      intervalMinutes <= 60 &&
      60 % intervalMinutes === 0
    )
  )
    problems.push({ field: 'intervalMinutes', message: 'must divide 60 (5, 10, 15, 20, 30 or 60)' });
  if (!isTimeZone(timeZone))
    problems.push({ field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` });
  if (problems.length) throw badUserInput(problems);
}

@Resolver()
export class ForecastResolver {
  @Query(() => ForecastRunType, {
    description:
      "A queue's forecast of days from (inclusive) to (exclusive): offered (p50), p10, p90 and AHT per interval, each day from the history before it, by the method its backtest chose; the run is kept",
  })
  async forecast(
    @Arg('queueId', () => ID) queueId: string,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ForecastRunType> {
    requireRole(ctx.identity, FORECAST_READERS, 'forecast');
    checkRequest(queueId, from, to, intervalMinutes, timeZone, MAX_FORECAST_DAYS);
    await ctx.requireReferences([{ kind: 'queue', field: 'queueId', values: [queueId] }]);
    const run = await new ForecastService(ctx.em).forecast(
      { queueId: queueId.toLowerCase(), from, to, intervalMinutes, timeZone },
      ctx.identity.subject,
    );
    return toForecastRunType(run);
  }

  @Query(() => ForecastBacktestType, {
    description:
      "Every method's WAPE, bias and MAPE at a lead over a queue's operating days from (inclusive) to (exclusive), rolling origin, with the noise floor and the method chosen",
  })
  async forecastBacktest(
    @Arg('queueId', () => ID) queueId: string,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('lead', () => ForecastLeadEnum, { defaultValue: ForecastLeadEnum.DAY_AHEAD }) lead: ForecastLeadEnum,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ForecastBacktestType> {
    requireRole(ctx.identity, FORECAST_READERS, 'forecastBacktest');
    checkRequest(queueId, from, to, intervalMinutes, timeZone, 120);
    if (!(FORECAST_LEADS as readonly string[]).includes(lead))
      throw badUserInput({ field: 'lead', message: 'unknown lead' });
    await ctx.requireReferences([{ kind: 'queue', field: 'queueId', values: [queueId] }]);
    const result = await new ForecastService(ctx.em).backtest(
      queueId.toLowerCase(),
      from,
      to,
      lead as ForecastLead,
      intervalMinutes,
      timeZone,
    );
    return Object.assign(new ForecastBacktestType(), {
      queueId: queueId.toLowerCase(),
      lead,
      ...result,
      methods: result.methods.map((m) =>
        Object.assign(new MethodAccuracyType(), {
          method: m.method,
          wape: m.wape,
          bias: m.bias,
          mape: m.mape,
          excessWape: m.excessWape,
          intervals: m.intervals,
        }),
      ),
    });
  }

  @Query(() => [KeptForecastAccuracyType], {
    description:
      'How the forecasts kept for a queue fared over days from (inclusive) to (exclusive): each of the newest 50 runs overlapping them (ours and imported ones), only its intervals made before they began, against the actual volumes loaded since; newest first',
  })
  async forecastAccuracy(
    @Arg('queueId', () => ID) queueId: string,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<KeptForecastAccuracyType[]> {
    requireRole(ctx.identity, FORECAST_READERS, 'forecastAccuracy');
    checkRequest(queueId, from, to, 30, timeZone, 120);
    await ctx.requireReferences([{ kind: 'queue', field: 'queueId', values: [queueId] }]);
    const runs = await keptRunAccuracy(
      ctx.em,
      queueId.toLowerCase(),
      localMidnight(from, timeZone),
      localMidnight(to, timeZone),
    );
    return runs.map((r) => Object.assign(new KeptForecastAccuracyType(), r));
  }
}
