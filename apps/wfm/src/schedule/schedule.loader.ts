import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Schedule } from './schedule.entity';

/** Schedules by id, one query per batch (reference resolvers and lookups). */
export function scheduleById(ctx: SubgraphContext): DataLoader<string, Schedule | null> {
  return ctx.loaders.get('scheduleById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Schedule, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}
