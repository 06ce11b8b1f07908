import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import type { KpiDirection, KpiUnit } from '../model/enums';
import { KpiDefinition } from './kpi-definition.entity';

interface KpiDefinitionRow {
  code: string;
  name: string;
  name_zh: string | null;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  source_subgraph: string;
  source_field: string;
  display_format: string;
  default_weight: number;
  sort_order: number;
}

/**
 * The catalog, in display order: one statement per request, read as rows, not entities. Every
 * request that answers KPIs reads it (twice per agent page: its trend's traffic and QA KPIs), and
 * MikroORM's find hydrating and tracking 35 entities cost about 2 ms of CPU against 0.3 ms for
 * the rows (issue 23). Nothing writes through these values: they are read-only records.
 */
export function kpiCatalog(ctx: SubgraphContext): Promise<KpiDefinition[]> {
  return ctx.loaders
    .get('kpiCatalog', async (keys: readonly string[]) => {
      const rows = await ctx.em.execute<KpiDefinitionRow[]>(
        `select code, name, name_zh, description, unit, direction, source_subgraph, source_field,
                display_format, default_weight, sort_order
           from kpi_definition order by sort_order`,
      );
      const all = rows.map(definitionOf);
      return keys.map(() => all);
    })
    .load('all') as Promise<KpiDefinition[]>;
}

function definitionOf(row: KpiDefinitionRow): KpiDefinition {
  return {
    code: row.code,
    name: row.name,
    nameZh: row.name_zh,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    sourceSubgraph: row.source_subgraph,
    sourceField: row.source_field,
    displayFormat: row.display_format,
    defaultWeight: Number(row.default_weight),
    sortOrder: Number(row.sort_order),
  };
}

export function kpiDefinitionByCode(ctx: SubgraphContext): DataLoader<string, KpiDefinition | null> {
  return ctx.loaders.get('kpiDefinitionByCode', async (codes: readonly string[]) =>
    byKeys(codes, await ctx.em.find(KpiDefinition, { code: { $in: [...codes] } }), (d) => d.code),
  );
}
