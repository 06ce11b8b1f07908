import type { MikroORM } from '@mikro-orm/postgresql';
import { databasePoolConnections, type GaugeReading } from '@switchboard/server';

/** What knex's pool (tarn) says about its connections. */
interface ConnectionPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** The pool's connections as gauge readings: used, free, and requests waiting for one. */
export function poolReadings(pool: ConnectionPool | undefined): GaugeReading[] {
  if (!pool) return [];
  return [
    { labels: { state: 'used' }, value: pool.numUsed() },
    { labels: { state: 'free' }, value: pool.numFree() },
    { labels: { state: 'pending' }, value: pool.numPendingAcquires() },
  ];
}

/** Exposes the subgraph's database pool as `switchboard_db_pool_connections`; returns its removal. */
export function registerDatabasePoolMetrics(service: string, orm: MikroORM): () => void {
  return databasePoolConnections.register(service, () =>
    poolReadings(orm.em.getConnection().getKnex().client.pool as ConnectionPool | undefined),
  );
}
