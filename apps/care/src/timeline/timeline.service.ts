import { checkPageSize, encodeCursor, type SubgraphContext } from '@switchboard/subgraph-kit';
import { positionFrom } from './timeline-cursor';
import { TIMELINE_SOURCES, type TimelineEntry, type TimelinePosition } from './timeline-sources';
import type { TimelineType } from './timeline.type';

/** Newest first: (at, rank, k1, k2) descending; strings by code unit, as SQL's collate "C". */
export function compareNewestFirst(a: TimelinePosition, b: TimelinePosition): number {
  const pairs: [string | number, string | number][] = [
    [Date.parse(a.at), Date.parse(b.at)],
    [a.rank, b.rank],
    [a.k1, b.k1],
    [a.k2, b.k2],
  ];
  for (const [x, y] of pairs) if (x !== y) return x < y ? 1 : -1;
  return 0;
}

/**
 * A page of a customer's timeline: each source asked for `first + 1` items after the cursor (all
 * at once: traffic through the gateway, care in SQL), merged newest first, cut at `first`.
 */
export async function timelinePage(
  ctx: SubgraphContext,
  customerKeys: string[],
  first: number,
  after: string | null,
): Promise<TimelineType> {
  checkPageSize(first);
  const before = positionFrom(after);
  const pages = await Promise.all(TIMELINE_SOURCES.map((s) => s.page(ctx, customerKeys, first + 1, before)));
  const merged: TimelineEntry[] = pages.flat().sort((a, b) => compareNewestFirst(a.position, b.position));
  const page = merged.slice(0, first);
  const last = page.at(-1)?.position;
  return {
    items: page.map((e) => e.item),
    pageInfo: {
      hasNextPage: merged.length > first,
      endCursor: last ? encodeCursor([last.at, last.rank, last.k1, last.k2]) : null,
    },
  };
}
