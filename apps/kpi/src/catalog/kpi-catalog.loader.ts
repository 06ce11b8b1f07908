import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { KpiDefinition } from './kpi-definition.entity';

/** The catalog, in display order: one statement per request. */
export function kpiCatalog(ctx: SubgraphContext): Promise<KpiDefinition[]> {
  return ctx.loaders
    .get('kpiCatalog', async (keys: readonly string[]) => {
      const all = await ctx.em.find(KpiDefinition, {}, { orderBy: { sortOrder: 'asc' } });
      return keys.map(() => all);
    })
    .load('all') as Promise<KpiDefinition[]>;
}

export function kpiDefinitionByCode(ctx: SubgraphContext): DataLoader<string, KpiDefinition | null> {
  return ctx.loaders.get('kpiDefinitionByCode', async (codes: readonly string[]) =>
    byKeys(codes, await ctx.em.find(KpiDefinition, { code: { $in: [...codes] } }), (d) => d.code),
  );
}
