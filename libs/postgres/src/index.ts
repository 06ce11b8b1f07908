export {
  startEmbeddedCluster,
  makeTempClusterDir,
  type EmbeddedCluster,
  type EmbeddedClusterOptions,
} from './embedded-cluster';
export { databaseUrlFor, withDatabase, databaseName, ensureDatabase, dropDatabase } from './database-url';
