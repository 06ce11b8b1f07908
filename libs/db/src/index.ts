export { createOrm, migrate, pendingMigrations, type SubgraphOrmOptions } from './orm';
export type { MikroORM } from './orm';
export { MIGRATION_LOCK_KEY, withMigrationLock } from './migration-lock';
