import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { seesPerformanceScope } from '../access/kpi-access';
import { KpiValueType } from './kpi-value.type';
import { checkKpiCodes } from './kpi-codes';
import { toKpiValueType } from './performance.mapper';
import { kpiValues } from './performance.service';
import { PERFORMANCE_SOURCES, requiredSelection, type PerformanceSource } from './performance-sources';
import { PerformanceType } from './performance.type';

/**
 * `Performance.<source>Kpis(codes)`: the KPIs of one source subgraph (traffic's, QA's, …), valued as
 * `kpis` values them, but @requiring only that source's part and the ancestors. `kpis` requires every
 * source, so a page that shows, say, service level and QA score made the gateway ask care, voc, wfm and
 * training for parts no figure used; asking `trafficKpis` and `qaKpis` instead leaves them out of the
 * query plan (issue 23: fewer subgraph requests per page).
 */
async function sourceKpis(
  source: PerformanceSource,
  performance: PerformanceType,
  codes: string[] | null,
  ctx: SubgraphContext,
): Promise<KpiValueType[]> {
  await checkKpiCodes(ctx, codes, 'codes', source.field);
  if (!(await seesPerformanceScope(await ctx.scope(), performance.scopeType, performance.scopeId))) return [];
  return (await kpiValues(ctx, performance, codes, source.field)).map(toKpiValueType);
}

@Resolver(() => PerformanceType)
export class SourceKpisResolver {}

// One field per source, `<source>Kpis`, defined on the class with type-graphql's decorators applied
// by hand: a decorated method per source written out would repeat itself seven times, and one class
// per source with a renamed method is not told apart by type-graphql's metadata (same method name).
for (const source of PERFORMANCE_SOURCES) {
  const name = `${source.field}Kpis`;
  const prototype = SourceKpisResolver.prototype as unknown as Record<string, unknown>;
  prototype[name] = function (performance: PerformanceType, codes: string[] | null, ctx: SubgraphContext) {
    return sourceKpis(source, performance, codes, ctx);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
  Root()(prototype, name, 0);
  Arg('codes', () => [String], { nullable: true })(prototype, name, 1);
  Ctx()(prototype, name, 2);
  Directive(`@requires(fields: "${requiredSelection([source])}")`)(prototype, name, descriptor);
  FieldResolver(() => [KpiValueType], {
    description:
      `The KPIs of the catalog whose source is ${source.field} (or those named), as \`kpis\` gives them; ` +
      `the gateway fetches only the ${source.field} part of the record for them`,
  })(prototype, name, descriptor);
}
