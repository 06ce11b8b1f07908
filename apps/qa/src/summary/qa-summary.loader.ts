import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { QaSummaryService, type QaGroup, type QaPeriodGroup } from './qa-summary.service';
import { QaCategoryAverageType, QaSummaryType } from './qa-summary.type';

/**
 * Per-request loader of QA summaries for one period: every agent, team and center asking in one
 * request (e.g. one gateway `_entities` batch) shares one SQL statement, whatever their periods
 * (a trend's buckets are one statement, not one per bucket).
 */
export function qaSummaryLoader(
  ctx: SubgraphContext,
  from: Date,
  to: Date,
): { load: (group: QaGroup) => Promise<QaSummaryType> } {
  const loader = ctx.loaders.get<QaPeriodGroup, QaSummaryType>('qaSummary', async (groups) =>
    (await new QaSummaryService().summarizePeriods(ctx.em, groups)).map((s) =>
      Object.assign(new QaSummaryType(), {
        ...s,
        categories: s.categories.map((c) => Object.assign(new QaCategoryAverageType(), c)),
      }),
    ),
  );
  return { load: (group) => loader.load({ ...group, from, to }) };
}
