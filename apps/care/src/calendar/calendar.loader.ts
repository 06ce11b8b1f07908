import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { BusinessCalendarRow } from './business-calendar.entity';

/** Centers' calendars, one query per batch. */
export function calendarByCenter(ctx: SubgraphContext): DataLoader<string, BusinessCalendarRow | null> {
  return ctx.loaders.get('calendarByCenter', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(BusinessCalendarRow, {
        centerId: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) },
      }),
      (row) => row.centerId,
    ),
  );
}
