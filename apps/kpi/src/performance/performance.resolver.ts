import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, Directive, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { requirePerformanceScope, seesPerformanceScope } from '../access/kpi-access';
import { kpiCatalog } from '../catalog/kpi-catalog.loader';
import { checkPeriod, isUuid } from '../common/periods';
import { checkKpiCodes } from './kpi-codes';
import { KpiValueType } from './kpi-value.type';
import { KpiWeightInput, PerformanceScopeInput, PerformanceTrendInput } from './performance.input';
import { performanceFromReference, toKpiValueType, toPerformanceType } from './performance.mapper';
import { kpiValues, scoreOf, type KpiWeights } from './performance.service';
import { rankAgents } from './ranking.service';
import { RankedAgentType } from './ranking.type';
import { countValue, requiredSelection } from './performance-sources';
import { PerformanceType } from './performance.type';
import { trendRecords } from './performance-trend';

const REQUIRES = `@requires(fields: "${requiredSelection()}")`;
const REQUIRES_AGENTS = `@requires(fields: "contactAgentRecords { scopeType scopeId from to ${requiredSelection()} }")`;

function checkScope(scope: PerformanceScopeInput, field: string): void {
  if (!isUuid(scope.id)) throw badUserInput({ field: `${field}.id`, message: `"${scope.id}" is not an id` });
}

async function checkWeights(ctx: SubgraphContext, weights: KpiWeightInput[] | null): Promise<void> {
  if (!weights) return;
  const known = new Set((await kpiCatalog(ctx)).map((d) => d.code));
  weights.forEach((w, i) => {
    if (!known.has(w.kpiCode))
      throw badUserInput({ field: `weights[${i}].kpiCode`, message: `no KPI with code "${w.kpiCode}"` });
  });
}

/** A record reached by reference outside the caller's scope has no KPIs (see access/kpi-access.ts). */
const seen = async (ctx: SubgraphContext, performance: PerformanceType): Promise<boolean> =>
  seesPerformanceScope(await ctx.scope(), performance.scopeType, performance.scopeId);

const weightsOf = (weights: KpiWeightInput[] | null): KpiWeights | null =>
  weights ? new Map(weights.map((w) => [w.kpiCode, w.weight])) : null;

@Resolver(() => PerformanceType)
export class PerformanceResolver {
  // Nullable (was non-null; compatible for queries): with kpi down, a view asking for more keeps the rest.
  @Query(() => PerformanceType, {
    nullable: true,
    description:
      'The unified KPI record of a center, team, agent or queue for a period (from inclusive, to exclusive, ' +
      'on 15-minute boundaries): metrics from every subgraph, each KPI against its target',
  })
  async performance(
    @Arg('scope', () => PerformanceScopeInput) scope: PerformanceScopeInput,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceType> {
    await requirePerformanceScope(ctx, scope.type, scope.id, 'performance');
    checkScope(scope, 'scope');
    checkPeriod(from, to);
    return toPerformanceType(scope.type, scope.id, from, to);
  }

  // Nullable, as performance.
  @Query(() => [PerformanceType], {
    nullable: true,
    description:
      'A scope’s performance per day, week or month of a range: any KPI as a series, for charts and BI',
  })
  async performanceTrend(
    @Arg('input', () => PerformanceTrendInput) input: PerformanceTrendInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceType[]> {
    await requirePerformanceScope(ctx, input.scope.type, input.scope.id, 'performanceTrend');
    checkScope(input.scope, 'input.scope');
    return trendRecords(input.scope, input);
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
    await checkKpiCodes(ctx, codes, 'codes');
    if (!(await seen(ctx, performance))) return [];
    return (await kpiValues(ctx, performance, codes)).map(toKpiValueType);
  }

  @FieldResolver(() => [RankedAgentType], {
    description:
      "The scope's agents of the AGENT role who answered at least minAnswered contacts in the period, ranked by " +
      "balanced-scorecard score (weights default to the catalog's): each KPI normalized by its target " +
      '(attainment, capped at 1.5), weighted, averaged. Team leads, trainers and managers are not ranked',
  })
  @Directive(REQUIRES_AGENTS)
  async ranking(
    @Root() performance: PerformanceType,
    @Arg('weights', () => [KpiWeightInput], { nullable: true }) weights: KpiWeightInput[] | null,
    @Arg('minAnswered', () => Int, {
      defaultValue: 1,
      description:
        'Minimum volume: agents who answered fewer contacts in the period are not ranked (0 ranks all)',
    })
    minAnswered: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RankedAgentType[]> {
    if (!Number.isInteger(minAnswered) || minAnswered < 0)
      throw badUserInput({ field: 'minAnswered', message: 'must be a whole number of contacts, 0 or more' });
    await checkWeights(ctx, weights);
    if (!(await seen(ctx, performance))) return [];
    const agents = (performance.contactAgentRecords ?? [])
      .filter((record) => countValue(record, 'traffic', 'answered') >= minAnswered)
      .map(performanceFromReference);
    return rankAgents(ctx, agents, weightsOf(weights));
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
    await checkWeights(ctx, weights);
    if (!(await seen(ctx, performance))) return null;
    return scoreOf(await kpiValues(ctx, performance), weightsOf(weights));
  }
}
