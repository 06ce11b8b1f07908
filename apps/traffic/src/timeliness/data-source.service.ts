import type { EntityManager } from '@mikro-orm/postgresql';
import { inPgTransaction } from '../ingest/pg-client';
import type { DataSourceKind } from './data-source';

export interface DataSourceRule {
  kind: DataSourceKind;
  centerId: string | null;
  cadenceMinutes: number;
  warnAfterMinutes: number;
  errorAfterMinutes: number;
}

/** Sets (or replaces) a source's rule for every center or one. */
export async function configureDataSource(
  em: EntityManager,
  rule: Omit<DataSourceRule, 'centerId'> & { centerId?: string | null },
): Promise<DataSourceRule> {
  const centerId = rule.centerId?.toLowerCase() ?? null;
  await inPgTransaction(em, (client) =>
    client.query(
      `insert into data_source (kind, center_key, cadence_minutes, warn_after_minutes, error_after_minutes)
       values ($1, $2, $3, $4, $5)
       on conflict (kind, center_key) do update set cadence_minutes = excluded.cadence_minutes,
         warn_after_minutes = excluded.warn_after_minutes, error_after_minutes = excluded.error_after_minutes,
         updated_at = now()`,
      [rule.kind, centerId ?? '', rule.cadenceMinutes, rule.warnAfterMinutes, rule.errorAfterMinutes],
    ),
  );
  return {
    kind: rule.kind,
    centerId,
    cadenceMinutes: rule.cadenceMinutes,
    warnAfterMinutes: rule.warnAfterMinutes,
    errorAfterMinutes: rule.errorAfterMinutes,
  };
}
