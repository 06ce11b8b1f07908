import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { kpiCatalog } from '../catalog/kpi-catalog.loader';

/**
 * A list of KPI codes a caller named: each must be in the catalog (a misspelt code used to give an
 * empty answer, indistinguishable from "no such figure"), and, for a source's own field, come from
 * that source. BAD_USER_INPUT names the code's place, e.g. `codes[1]`.
 */
export async function checkKpiCodes(
  ctx: SubgraphContext,
  codes: readonly string[] | null | undefined,
  field: string,
  source?: string,
): Promise<void> {
  if (!codes) return;
  const catalog = new Map((await kpiCatalog(ctx)).map((d) => [d.code, d.sourceSubgraph]));
  codes.forEach((code, i) => {
    const from = catalog.get(code);
    if (from === undefined)
      throw badUserInput({ field: `${field}[${i}]`, message: `no KPI with code "${code}"` });
    if (source && from !== source)
      throw badUserInput({
        field: `${field}[${i}]`,
        message: `${code} comes from ${from}, not ${source}: ask ${from}Kpis or kpis for it`,
      });
  });
}
