import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { QaSummaryService, type QaGroup } from './qa-summary.service';
import { QaCategoryAverageType, QaSummaryType } from './qa-summary.type';

/**
 * Per-request loader of QA summaries for one period: every agent, team and center asking for the
 * same period in one request (e.g. one gateway `_entities` batch) shares one SQL statement.
 */
export function qaSummaryLoader(
  ctx: SubgraphContext,
  from: Date,
  to: Date,
): DataLoader<QaGroup, QaSummaryType> {
  return ctx.loaders.get(
    `qaSummary:${from.toISOString()}:${to.toISOString()}`,
    async (groups: readonly QaGroup[]) =>
      (await new QaSummaryService().summarize(ctx.em, groups, from, to)).map((s) =>
        Object.assign(new QaSummaryType(), {
          ...s,
          categories: s.categories.map((c) => Object.assign(new QaCategoryAverageType(), c)),
        }),
      ),
  );
}
