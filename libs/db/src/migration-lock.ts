import { Client } from 'pg';

/**
 * The advisory lock key every migrating process of one database takes (advisory locks are scoped
 * to a database, so subgraphs sharing a server do not wait for each other).
 */
export const MIGRATION_LOCK_KEY = 'switchboard:migrate';

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock on the database of `url`:
 * several replicas (or Kubernetes init containers) starting at once migrate one after the other,
 * and each later one finds nothing pending. The lock lives on its own connection, so it is held
 * whatever connections the work uses, and is released when that connection ends (even on a crash).
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
