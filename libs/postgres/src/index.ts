export {
  startEmbeddedCluster,
  makeTempClusterDir,
  type EmbeddedCluster,
  type EmbeddedClusterOptions,
} from './embedded-cluster';
export {
  databaseUrlFor,
  migrationDatabaseUrlFor,
  withDatabase,
  databaseName,
  ensureDatabase,
  dropDatabase,
} from './database-url';
export {
  provisionDatabase,
  grantServiceAccess,
  canProvisionRoles,
  dropProvisionedDatabase,
  rolesOf,
  roleOf,
  withCredentials,
  type DatabaseAccess,
  type DatabaseRoles,
} from './database-roles';
export { DatabaseSecrets, withStoredPassword } from './database-secrets';
