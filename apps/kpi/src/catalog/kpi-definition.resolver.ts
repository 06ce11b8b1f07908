import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { kpiCatalog, kpiDefinitionByCode } from './kpi-catalog.loader';
import { toKpiDefinitionType } from './kpi-definition.mapper';
import { KpiDefinitionType } from './kpi-definition.type';

@Resolver(() => KpiDefinitionType)
export class KpiDefinitionResolver {
  @Query(() => [KpiDefinitionType], { description: 'The KPI catalog, in display order' })
  async kpiDefinitions(@Ctx() ctx: SubgraphContext): Promise<KpiDefinitionType[]> {
    return (await kpiCatalog(ctx)).map(toKpiDefinitionType);
  }

  @Query(() => KpiDefinitionType, { nullable: true })
  async kpiDefinition(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<KpiDefinitionType | null> {
    const definition = await kpiDefinitionByCode(ctx).load(code);
    return definition ? toKpiDefinitionType(definition) : null;
  }
}
