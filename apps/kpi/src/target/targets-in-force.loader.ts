import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import type { CustomerSegment, TargetScopeType } from '../model/enums';

export interface TargetInForce {
  kpiCode: string;
  scopeType: TargetScopeType;
  scopeId: string | null;
  /** The customer segment it is for; null: every contact's. */
  segment: CustomerSegment | null;
  target: number;
  amberBand: number;
}

interface TargetRow {
  day: string;
  kpi_code: string;
  scope_type: TargetScopeType;
  scope_id: string | null;
  segment: CustomerSegment | null;
  target: number;
  amber_band: number;
}

/** A loader key: the day and the scope, `2026-11-30|TEAM|<id>` (GLOBAL has an empty id). */
export const targetKey = (day: string, type: TargetScopeType, id: string | null): string =>
  `${day}|${type}|${id ?? ''}`;

/**
 * The targets in force on a day for many scopes at once: one statement for the whole batch, however
 * many scopes and days it holds (the pairs travel as one JSON parameter).
 */
export function targetsInForce(ctx: SubgraphContext): DataLoader<string, TargetInForce[]> {
  return ctx.loaders.get('targetsInForce', async (keys: readonly string[]) => {
    const wanted = keys.map((key) => {
      const [day, type, id] = key.split('|');
      return { day, scope_type: type, scope_id: id };
    });
    const rows = await ctx.em.execute<TargetRow[]>(
      `select w.day, t.kpi_code, t.scope_type::text as scope_type, t.scope_id::text as scope_id, t.segment, t.target, t.amber_band
       from json_to_recordset(?::json) as w(day date, scope_type text, scope_id text)
       join kpi_target t on t.scope_type::text = w.scope_type and coalesce(t.scope_id::text, '') = w.scope_id
         and t.valid_from <= w.day and (t.valid_to is null or t.valid_to > w.day)`,
      [JSON.stringify(wanted)],
    );
    const byKey = new Map<string, TargetInForce[]>();
    for (const row of rows) {
      const day = typeof row.day === 'string' ? row.day : new Date(row.day).toISOString().slice(0, 10);
      const key = targetKey(day, row.scope_type, row.scope_id);
      const list = byKey.get(key) ?? [];
      list.push({
        kpiCode: row.kpi_code,
        scopeType: row.scope_type,
        scopeId: row.scope_id,
        segment: row.segment,
        target: row.target,
        amberBand: row.amber_band,
      });
      byKey.set(key, list);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
