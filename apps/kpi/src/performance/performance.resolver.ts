import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, Directive, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { kpiCatalog } from '../catalog/kpi-catalog.loader';
import { checkPeriod, isUuid } from '../common/periods';
import { KpiValueType } from './kpi-value.type';
import { KpiWeightInput, PerformanceScopeInput, PerformanceTrendInput } from './performance.input';
import { toKpiValueType, toPerformanceType } from './performance.mapper';
import { kpiValues, scoreOf } from './performance.service';
import { requiredSelection } from './performance-sources';
import { PerformanceType } from './performance.type';
import { trendBuckets } from './trend-buckets';

const REQUIRES = `@requires(fields: "${requiredSelection()}")`;

function checkScope(scope: PerformanceScopeInput, field: string): void {
  if (!isUuid(scope.id)) throw badUserInput({ field: `${field}.id`, message: `"${scope.id}" is not an id` });
}

@Resolver(() => PerformanceType)
export class PerformanceResolver {
  @Query(() => PerformanceType, {
    description:
      'The unified KPI record of a center, team, agent or queue for a period (from inclusive, to exclusive, ' +
      'on 15-minute boundaries): metrics from every subgraph, each KPI against its target',
  })
  performance(
    @Arg('scope', () => PerformanceScopeInput) scope: PerformanceScopeInput,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
  ): PerformanceType {
    checkScope(scope, 'scope');
    checkPeriod(from, to);
    return toPerformanceType(scope.type, scope.id, from, to);
  }

  @Query(() => [PerformanceType], {
    description:
      'A scope’s performance per day, week or month of a range: any KPI as a series, for charts and BI',
  })
  performanceTrend(
    @Arg('input', () => PerformanceTrendInput) input: PerformanceTrendInput,
  ): PerformanceType[] {
    checkScope(input.scope, 'input.scope');
    return trendBuckets(input.fromDay, input.toDay, input.granularity, input.timeZone ?? 'UTC').map(
      (bucket) => toPerformanceType(input.scope.type, input.scope.id, bucket.from, bucket.to),
    );
  }

  @FieldResolver(() => [KpiValueType], {
    description: 'Every KPI of the catalog (or those named) with its value, target, attainment and status',
  })
  @Directive(REQUIRES)
  async kpis(
    @Root() performance: PerformanceType,
    @Arg('codes', () => [String], { nullable: true }) codes: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<KpiValueType[]> {
    return (await kpiValues(ctx, performance, codes)).map(toKpiValueType);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Balanced-scorecard score: Σ weight × attainment (capped at 1.5) / Σ weight over the KPIs with a value; ' +
      'weights default to the catalog’s',
  })
  @Directive(REQUIRES)
  async score(
    @Root() performance: PerformanceType,
    @Arg('weights', () => [KpiWeightInput], { nullable: true }) weights: KpiWeightInput[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<number | null> {
    if (weights) {
      const known = new Set((await kpiCatalog(ctx)).map((d) => d.code));
      weights.forEach((w, i) => {
        if (!known.has(w.kpiCode))
          throw badUserInput({ field: `weights[${i}].kpiCode`, message: `no KPI with code "${w.kpiCode}"` });
      });
    }
    const values = await kpiValues(ctx, performance);
    return scoreOf(values, weights ? new Map(weights.map((w) => [w.kpiCode, w.weight])) : null);
  }
}
