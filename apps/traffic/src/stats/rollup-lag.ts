import type { MikroORM } from '@mikro-orm/postgresql';
import { lagReader, rollupLag } from '@switchboard/server';

/**
 * How far the rollups trail the stored contacts, in contact time: the newest stored contact's
 * arrival less the newest rolled-up one's (0 when every contact is rolled up; from the oldest when
 * none is yet). Undefined while there are no contacts. Both maxima read the arrival index backwards.
 */
export const ROLLUP_LAG_SQL = `
  select extract(epoch from newest.at - coalesce(rolled.at, oldest.at))::float8 as seconds
  from rollup_watermark w
  cross join lateral (select max(arrived_at) as at from contact) newest
  cross join lateral (select max(arrived_at) as at from contact where id <= w.last_contact_id) rolled
  cross join lateral (select min(arrived_at) as at from contact) oldest
  where w.id = 1`;

export async function readRollupLag(orm: MikroORM): Promise<number | undefined> {
  const rows = await orm.em.execute<{ seconds: number | null }[]>(ROLLUP_LAG_SQL);
  const seconds = rows[0]?.seconds;
  return seconds === null || seconds === undefined ? undefined : Math.max(0, seconds);
}

/** `switchboard_rollup_lag_seconds`, read at each scrape; returns its removal. */
export function registerRollupLag({ orm }: { orm: MikroORM }): () => void {
  return rollupLag.register(
    'traffic',
    lagReader(() => readRollupLag(orm)),
  );
}
