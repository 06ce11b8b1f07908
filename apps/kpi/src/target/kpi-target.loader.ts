import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { isUuid } from '../common/periods';
import { KpiTarget } from './kpi-target.entity';

export function kpiTargetById(ctx: SubgraphContext): DataLoader<string, KpiTarget | null> {
  return ctx.loaders.get('kpiTargetById', async (ids: readonly string[]) =>
    byKeys(
      ids,
      await ctx.em.find(KpiTarget, { id: { $in: ids.filter(isUuid) } }, { populate: ['kpi'] }),
      (t) => t.id,
    ),
  );
}
