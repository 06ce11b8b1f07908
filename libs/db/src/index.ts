export {
  startEmbeddedCluster,
  makeTempClusterDir,
  type EmbeddedCluster,
  type EmbeddedClusterOptions,
} from './embedded-cluster';
export { databaseUrlFor, withDatabase, databaseName, ensureDatabase, dropDatabase } from './database-url';
export { createOrm, migrate, type SubgraphOrmOptions } from './orm';
export type { MikroORM } from './orm';
