import { requireRole } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import { isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { FORECAST_READERS } from '../forecast/forecast.resolver';
import { intradayForecasts } from './intraday-forecast';
import { IntradayForecastType } from './intraday-forecast.type';

/** Queues of one request (a center's live board asks for all its queues at once). */
export const MAX_INTRADAY_QUEUES = 500;

@Resolver()
export class IntradayForecastResolver {
  @Query(() => [IntradayForecastType], {
    description:
      "Each queue's forecast of the day containing `at` (the latest kept forecast run covering it), batched: one statement for all the queues; traffic's live outlook reads it",
  })
  async intradayForecasts(
    @Arg('queueIds', () => [ID]) queueIds: string[],
    @Arg('at', () => DateTimeISOResolver) at: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IntradayForecastType[]> {
    requireRole(ctx.identity, FORECAST_READERS, 'intradayForecasts');
    if (queueIds.length > MAX_INTRADAY_QUEUES)
      throw badUserInput({ field: 'queueIds', message: `must name at most ${MAX_INTRADAY_QUEUES} queues` });
    if (queueIds.some((q) => !isUuid(q)))
      throw badUserInput({ field: 'queueIds', message: 'must be queue ids' });
    const answers = await intradayForecasts(ctx.em, queueIds, at);
    return answers.map((a) => Object.assign(new IntradayForecastType(), a));
  }
}
