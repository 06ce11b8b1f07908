export {
  createOrm,
  migrate,
  pendingMigrations,
  statementTimeoutMs,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type SubgraphOrmOptions,
} from './orm';
export type { MikroORM } from './orm';
export { MIGRATION_LOCK_KEY, withMigrationLock } from './migration-lock';
export { pgArray } from './pg-array';
