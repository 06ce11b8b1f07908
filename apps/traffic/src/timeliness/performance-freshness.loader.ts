import { dataAsOf, isStale } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { timelinessClock, TRAFFIC_KPI_SOURCES } from './data-source';
import { latestBatches, ruleOf } from './data-freshness.query';

export interface PeriodFreshness {
  /** The time the record's traffic data is as of: the earliest of its sources' latest events, ≤ to. */
  dataAsOf: Date | null;
  /** A source of the traffic KPIs is past its warn age and has not loaded the period to its end. */
  stale: boolean;
}

/** Key: the center ('' when the record has none: a team, an agent) and the period's end. */
export const freshnessKey = (centerId: string | null, to: Date): string =>
  `${centerId ?? ''}|${to.toISOString()}`;

/**
 * The freshness of the traffic part of performance records: one read of the rules and the sources'
 * latest batches for the whole request (two statements), whatever the number of records. A source
 * never loaded (no batch recorded) has no age and makes nothing stale: dataFreshness shows NO_DATA.
 */
export function performanceFreshnessLoader(ctx: SubgraphContext): DataLoader<string, PeriodFreshness> {
  return ctx.loaders.get<string, PeriodFreshness>('performanceFreshness', async (keys) => {
    const parsed = keys.map((key) => {
      const [center, to] = key.split('|');
      return { centerId: center || null, to: new Date(to) };
    });
    const { rules, latest } = await latestBatches(
      ctx.em,
      parsed.map((p) => p.centerId),
    );
    const now = timelinessClock.now();
    return parsed.map(({ centerId, to }) => {
      let asOf: Date | null = null;
      let stale = false;
      for (const kind of TRAFFIC_KPI_SOURCES) {
        const rows = latest.filter(
          (l) => l.kind === kind && (l.center_id === null || l.center_id === centerId),
        );
        const times = rows.map((r) => r.latest).filter((t): t is Date => t !== null);
        if (times.length === 0) continue;
        const sourceLatest = new Date(Math.max(...times.map((t) => t.getTime())));
        const { rule } = ruleOf(rules, kind, centerId);
        if (isStale(sourceLatest, to, now, rule)) stale = true;
        const sourceAsOf = dataAsOf(sourceLatest, to);
        if (sourceAsOf && (!asOf || sourceAsOf < asOf)) asOf = sourceAsOf;
      }
      return { dataAsOf: asOf, stale };
    });
  });
}
