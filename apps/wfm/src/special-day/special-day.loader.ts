import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { SpecialDay } from './special-day.entity';

/** SpecialDays by id, one query per batch (reference resolvers and lookups). */
export function specialDayById(ctx: SubgraphContext): DataLoader<string, SpecialDay | null> {
  return ctx.loaders.get('specialDayById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(SpecialDay, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}
