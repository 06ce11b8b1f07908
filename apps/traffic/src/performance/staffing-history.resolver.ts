import { addDays, ahtSeconds, localInstant } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { isCalendarDate, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { isUuid } from '../common/intervals';
import { isTimeZone } from '../ingest/time-zone';
import { queueById } from '../queue/queue.resolver';
import { staffingHistoryRows, type HistorySlot } from './staffing-history.query';
import { StaffingHistoryIntervalType, TrafficStaffingPlanType } from './staffing-history.type';

/** The day's intervals (local wall clock) and, for each, the same interval of the last `weeks` weeks. */
export function historySlots(plan: TrafficStaffingPlanType): HistorySlot[] {
  const slots: HistorySlot[] = [];
  for (let minute = 0, slot = 0; minute < 1440; minute += plan.intervalMinutes, slot++) {
    slots.push({
      slot,
      start: localInstant(plan.day, minute, plan.timeZone),
      history: Array.from({ length: plan.weeks }, (_, k) =>
        localInstant(addDays(plan.day, -7 * (k + 1)), minute, plan.timeZone),
      ),
    });
  }
  return slots;
}

function checkPlan(plan: TrafficStaffingPlanType): void {
  if (!isUuid(plan.queueId))
    throw badUserInput({ field: 'queueId', message: `"${plan.queueId}" is not an id` });
  if (!isCalendarDate(plan.day)) throw badUserInput({ field: 'day', message: 'must be a day YYYY-MM-DD' });
  if (!isTimeZone(plan.timeZone))
    throw badUserInput({ field: 'timeZone', message: 'is not an IANA time zone' });
  if (!Number.isInteger(plan.weeks) || plan.weeks < 1 || plan.weeks > 52)
    throw badUserInput({ field: 'weeks', message: 'must be 1..52' });
  if (![15, 30, 60].includes(plan.intervalMinutes))
    throw badUserInput({ field: 'intervalMinutes', message: 'must be 15, 30 or 60' });
}

@Resolver(() => TrafficStaffingPlanType)
export class TrafficStaffingPlanResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description:
      "The center the queue belongs to (queues are reference data); null when it has none or is unknown. kpi's plan requires it to check the caller's scope",
  })
  async centerId(@Root() plan: TrafficStaffingPlanType, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (!isUuid(plan.queueId)) return null;
    return (await queueById(ctx).load(plan.queueId.toLowerCase()))?.centerId ?? null;
  }

  @FieldResolver(() => [StaffingHistoryIntervalType], {
    description:
      "The queue's day per interval: forecast volume (mean of the same weekday and interval over the last weeks), " +
      "their AHT, and agents logged in that day; empty unless you see the queue's center",
  })
  async history(
    @Root() plan: TrafficStaffingPlanType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffingHistoryIntervalType[]> {
    checkPlan(plan);
    const scope = await ctx.scope();
    if (!scope.all && !scope.seesCenter((await queueById(ctx).load(plan.queueId.toLowerCase()))?.centerId))
      return [];
    const slots = historySlots(plan);
    const rows = await staffingHistoryRows(ctx.em, plan.queueId.toLowerCase(), slots, plan.intervalMinutes);
    const seconds = plan.intervalMinutes * 60;
    return slots.map((slot, i) => {
      const row = rows[i];
      return Object.assign(new StaffingHistoryIntervalType(), {
        intervalStart: slot.start,
        forecastCalls: row.offered / plan.weeks,
        ahtSeconds: ahtSeconds(row.handle_seconds, row.answered),
        loggedInAgents: row.logged_in_seconds / seconds,
      });
    });
  }
}
