import { performancePart, PerformanceScopeType, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { CustomerSegmentEnum, Granularity, StatsDimension } from '../common/enums';
import type { CustomerSegment } from '../model/segments';
import { segmentStats, type SegmentStatsRow } from '../stats/segment-stats.service';
import type { StatsFilter } from '../stats/stats.input';
import { trafficPartGate } from './performance.resolver';
import { TrafficPerformanceType } from './performance.type';

@ObjectType('PerformanceSegmentTraffic', {
  description:
    "A center's or queue's contact figures for one customer segment (the segment stamped on each contact at ingest)",
})
export class PerformanceSegmentTrafficType {
  @Field(() => CustomerSegmentEnum) segment!: CustomerSegment;
  @Field(() => Int, { description: 'Offered (answered + abandoned)' }) offered!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true }) serviceLevel!: number | null;
  @Field(() => Float, { nullable: true }) asaSeconds!: number | null;
  @Field(() => Float, { nullable: true }) ahtSeconds!: number | null;
  @Field(() => Float, { nullable: true }) abandonRate!: number | null;
  @Field(() => Float, { nullable: true }) transferRate!: number | null;
}

const periodKey = (p: TrafficPerformanceType): string =>
  `${p.scopeType}|${p.from.toISOString()}|${p.to.toISOString()}`;

/**
 * Per segment figures of a batch of center or queue records: one segmentStats (two rollup statements
 * and the queues') per scope type and period in the batch, all the batch's ids in its filter.
 */
function segmentLoader(ctx: SubgraphContext): DataLoader<TrafficPerformanceType, SegmentStatsRow[]> {
  return ctx.loaders.get('performanceSegments', async (records: readonly TrafficPerformanceType[]) => {
    const groups = new Map<string, TrafficPerformanceType[]>();
    for (const r of records) groups.set(periodKey(r), [...(groups.get(periodKey(r)) ?? []), r]);
    const byRecord = new Map<string, SegmentStatsRow[]>();
    for (const group of groups.values()) {
      const [first] = group;
      const ids = [...new Set(group.map((r) => r.scopeId.toLowerCase()))];
      const byQueue = first.scopeType === PerformanceScopeType.QUEUE;
      const filter = {
        from: first.from,
        to: first.to,
        timeZone: 'UTC',
        fcrWindowDays: 7,
        ...(byQueue ? { queueIds: ids } : { centerIds: ids }),
      } as StatsFilter;
      const rows = await segmentStats(
        ctx.em,
        filter,
        Granularity.TOTAL,
        [byQueue ? StatsDimension.QUEUE : StatsDimension.CENTER],
        null,
        null,
      );
      for (const row of rows) {
        const key = `${periodKey(first)}|${(byQueue ? row.queueId : row.centerId)?.toLowerCase() ?? ''}`;
        byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
      }
    }
    return records.map((r) => byRecord.get(`${periodKey(r)}|${r.scopeId.toLowerCase()}`) ?? []);
  });
}

const ORDER: Record<CustomerSegment, number> = { VIP: 0, SENSITIVE: 1, VULNERABLE: 2, STANDARD: 3 };

@Resolver(() => TrafficPerformanceType)
export class TrafficSegmentPerformanceResolver {
  @FieldResolver(() => [PerformanceSegmentTrafficType], {
    nullable: true,
    description:
      "A center's or queue's contact figures per customer segment with contacts in the period (VIP, SENSITIVE, VULNERABLE, STANDARD = the rest); empty for a team or an agent (segments are counted per queue); null outside your access scope",
  })
  async trafficBySegment(
    @Root() performance: TrafficPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceSegmentTrafficType[] | null> {
    return performancePart(
      ctx,
      performance,
      async () => {
        if (
          performance.scopeType !== PerformanceScopeType.QUEUE &&
          performance.scopeType !== PerformanceScopeType.CENTER
        )
          return [];
        const rows = await segmentLoader(ctx).load(performance);
        return [...rows]
          .sort((a, b) => ORDER[a.segment] - ORDER[b.segment])
          .map((r) =>
            Object.assign(new PerformanceSegmentTrafficType(), {
              segment: r.segment,
              offered: r.offered,
              answered: r.answered,
              serviceLevel: r.serviceLevel,
              asaSeconds: r.asaSeconds,
              ahtSeconds: r.ahtSeconds,
              abandonRate: r.abandonRate,
              transferRate: r.transferRate,
            }),
          );
      },
      trafficPartGate(ctx),
    );
  }
}
