import type { EntityManager } from '@mikro-orm/postgresql';
import { contactMetrics, type ContactMetrics, type ServiceLevelVariant } from '@switchboard/metrics';
import { checkIntervalPeriod } from '../common/intervals';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { totalsOf } from './traffic-stats.service';
import { SUM_COLUMNS, sumMeasuresSql, type StatsSqlRow } from './traffic-stats.query';

/** What a summary is keyed by: a queue, an employee number, or a center (through its queues). */
type KeyColumn = 'queue_key' | 'agent_key' | 'center';

const KEY_SQL: Record<KeyColumn, string> = {
  queue_key: 's.queue_key',
  agent_key: 's.agent_key',
  center: 'q.center_id::text',
};

export interface Period {
  from: Date;
  to: Date;
}

export function checkPeriod(period: Period): void {
  checkIntervalPeriod(period.from, period.to);
}

/** Sums of many queues' or agents' rollups over one period: one statement for the whole batch. */
async function summaries(em: EntityManager, column: KeyColumn, keys: readonly string[], period: Period) {
  const key = KEY_SQL[column];
  // Agents and centers span queues (and their variants): one row each, with the default variant.
  const variant = column === 'queue_key' ? 'q.sl_variant' : 'null';
  // Queues and centers need no agents: the queue-level rollups hold the same sums in fewer rows.
  const table = column === 'agent_key' ? 'interval_stat' : 'queue_interval_stat';
  const sql = `select ${key} as key, ${variant} as sl_variant, ${sumMeasuresSql().join(', ')}
    from ${table} s left join queue q on q.id::text = nullif(s.queue_key, '')
    where ${key} in (${keys.map(() => '?').join(', ')}) and s.interval_start >= ? and s.interval_start < ?
    group by 1, 2`;
  return em.execute<(StatsSqlRow & { key: string })[]>(sql, [...keys, period.from, period.to]);
}

const EMPTY = {
  ...Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])),
  voice_offered: 0,
  max_wait_seconds: null,
} as unknown as StatsSqlRow;

/**
 * Per-request loader of traffic summaries by queue id or employee number for a period. Keys with no
 * contacts get zero counts and null rates.
 */
export function summaryLoader(
  ctx: SubgraphContext,
  column: KeyColumn,
  period: Period,
): DataLoader<string, ContactMetrics> {
  return ctx.loaders.get(
    `summary:${column}:${period.from.toISOString()}:${period.to.toISOString()}`,
    async (keys: readonly string[]) => {
      const rows = await summaries(ctx.em, column, keys, period);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return keys.map((key) => {
        const row = byKey.get(key);
        return contactMetrics(
          totalsOf(row ?? EMPTY),
          (row?.sl_variant as ServiceLevelVariant | null) ?? undefined,
        );
      });
    },
  );
}

/** A summary field: checks the period, then loads `key`'s summary in the request's batch. */
export async function loadSummary(
  ctx: SubgraphContext,
  column: KeyColumn,
  key: string,
  period: Period,
): Promise<ContactMetrics> {
  checkPeriod(period);
  return summaryLoader(ctx, column, period).load(key);
}
