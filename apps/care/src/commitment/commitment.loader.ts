import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Commitment } from './commitment.entity';

/** Commitments by id, one query per batch (reference resolvers and lookups). */
export function commitmentById(ctx: SubgraphContext): DataLoader<string, Commitment | null> {
  return ctx.loaders.get('commitmentById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Commitment, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}
