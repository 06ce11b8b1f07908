import { kpiAttainment } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { seesPerformanceScope } from '../access/kpi-access';
import { kpiCatalog } from '../catalog/kpi-catalog.loader';
import { toKpiDefinitionType } from '../catalog/kpi-definition.mapper';
import { KpiDefinitionType } from '../catalog/kpi-definition.type';
import { periodDay } from '../common/periods';
import {
  CustomerSegmentEnum,
  KpiStatusEnum,
  TargetScopeTypeEnum,
  type CustomerSegment,
  type KpiStatus,
  type TargetScopeType,
} from '../model/enums';
import { SEGMENT_METRIC_SOURCE, SEGMENT_METRICS } from '@switchboard/contracts';
import { targetKey, targetsInForce, type TargetInForce } from '../target/targets-in-force.loader';
import { checkKpiCodes } from './kpi-codes';
import { targetScopes } from './performance.service';
import { PerformanceType } from './performance.type';

// traffic's part, declared external here (traffic resolves it), as performance.type.ts does for the sources
@ObjectType('PerformanceSegmentTraffic')
class SegmentTrafficPart {
  @Field(() => CustomerSegmentEnum)
  @Directive('@external')
  segment!: CustomerSegment;

  @Field(() => Int)
  @Directive('@external')
  offered!: number;
}
for (const metric of SEGMENT_METRICS) {
  Field(() => Float, { nullable: true })(SegmentTrafficPart.prototype, metric);
  Directive('@external')(SegmentTrafficPart.prototype, metric);
}
Field(() => [SegmentTrafficPart], { nullable: true })(PerformanceType.prototype, 'trafficBySegment');
Directive('@external')(PerformanceType.prototype, 'trafficBySegment');

const REQUIRES = `@requires(fields: "trafficBySegment { segment offered ${SEGMENT_METRICS.join(' ')} } ancestors { type id }")`;

@ObjectType('SegmentKpiValue', {
  description:
    "One KPI of a center's or queue's record for one customer segment, against the segment's target (or, without one, the record's)",
})
export class SegmentKpiValueType {
  @Field(() => CustomerSegmentEnum) segment!: CustomerSegment;
  @Field(() => String) code!: string;
  @Field(() => KpiDefinitionType) kpi!: KpiDefinitionType;
  @Field(() => Int, { description: "The segment's offered contacts in the period" }) offered!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The most specific target in force for the segment, else for every contact',
  })
  target!: number | null;
  @Field(() => Float, { nullable: true }) amberBand!: number | null;
  @Field(() => CustomerSegmentEnum, {
    nullable: true,
    description:
      "The target's segment: null when no target is set for the segment and every contact's applies",
  })
  targetSegment!: CustomerSegment | null;
  @Field(() => TargetScopeTypeEnum, { nullable: true }) targetScopeType!: TargetScopeType | null;
  @Field(() => Float, { nullable: true }) attainment!: number | null;
  @Field(() => KpiStatusEnum, { nullable: true }) status!: KpiStatus | null;
}

interface SegmentPart {
  segment: CustomerSegment;
  offered: number;
  [metric: string]: unknown;
}

/** The target for a segment: its own along the scope chain first, else every contact's. */
function targetFor(lists: TargetInForce[][], code: string, segment: CustomerSegment): TargetInForce | null {
  const find = (seg: CustomerSegment | null) =>
    lists.map((list) => list.find((t) => t.kpiCode === code && t.segment === seg)).find(Boolean) ?? null;
  return find(segment) ?? find(null);
}

@Resolver(() => PerformanceType)
export class SegmentKpisResolver {
  @FieldResolver(() => [SegmentKpiValueType], {
    description:
      "A center's or queue's contact KPIs per customer segment (SERVICE_LEVEL, ASA, AHT, ABANDON_RATE, TRANSFER_RATE, or those named), each against the segment's target in force on the period's last day; empty for a team or an agent",
  })
  @Directive(REQUIRES)
  async segmentKpis(
    @Root() performance: PerformanceType,
    @Arg('codes', () => [String], { nullable: true }) codes: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SegmentKpiValueType[]> {
    await checkKpiCodes(ctx, codes, 'codes');
    if (!seesPerformanceScope(await ctx.scope(), performance.scopeType, performance.scopeId)) return [];
    const parts = (performance.trafficBySegment as SegmentPart[] | null | undefined) ?? [];
    if (!parts.length) return [];
    const day = periodDay(performance.to);
    const [catalog, ...lists] = await Promise.all([
      kpiCatalog(ctx),
      ...targetScopes(performance).map((s) => targetsInForce(ctx).load(targetKey(day, s.type, s.id))),
    ]);
    const definitions = catalog.filter(
      (d) =>
        d.sourceSubgraph === SEGMENT_METRIC_SOURCE &&
        (SEGMENT_METRICS as readonly string[]).includes(d.sourceField) &&
        (!codes || codes.includes(d.code)),
    );
    return parts.flatMap((part) =>
      definitions.map((definition) => {
        const raw = part[definition.sourceField];
        const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        const target = targetFor(lists as TargetInForce[][], definition.code, part.segment);
        const result = target
          ? kpiAttainment(value, {
              direction: definition.direction,
              target: target.target,
              amberBand: target.amberBand,
            })
          : { attainment: null, status: null };
        return Object.assign(new SegmentKpiValueType(), {
          segment: part.segment,
          code: definition.code,
          kpi: toKpiDefinitionType(definition),
          offered: part.offered,
          value,
          target: target?.target ?? null,
          amberBand: target?.amberBand ?? null,
          targetSegment: target?.segment ?? null,
          targetScopeType: target?.scopeType ?? null,
          ...result,
        });
      }),
    );
  }
}
