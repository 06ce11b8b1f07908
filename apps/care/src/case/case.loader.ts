import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Case } from './case.entity';

/** Cases by id, one query per batch (reference resolvers and lookups). */
export function caseById(ctx: SubgraphContext): DataLoader<string, Case | null> {
  return ctx.loaders.get('caseById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Case, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}
