import {
  canProvisionRoles,
  provisionDatabase,
  rolesOf,
  withCredentials,
  type DatabaseSecrets,
} from '@switchboard/postgres';
import { SUBGRAPH_REGISTRY } from '@switchboard/contracts';

/**
 * Each subgraph's database and its two roles (owner for migrations, service for the running
 * subgraph; see provisionDatabase), made with `adminUrl`'s role, the passwords kept in `secrets`.
 * Returns the environment of each subgraph process: its two database URLs without passwords (the
 * subgraph reads them from SWITCHBOARD_DB_SECRETS_DIR, so they never show in a process list).
 *
 * A subgraph given its own `<NAME>_DATABASE_URL` keeps it. When `adminUrl`'s role cannot create
 * roles (an external server's restricted account), every subgraph connects as that role, as before.
 */
export async function subgraphDatabaseEnv(
  adminUrl: string,
  secrets: DatabaseSecrets,
  env: NodeJS.ProcessEnv,
  say: (message: string) => void,
): Promise<Record<string, Record<string, string>>> {
  const provision = await canProvisionRoles(adminUrl);
  if (!provision) {
    say(
      '  DATABASE_URL names a role that cannot create roles: every subgraph connects as it ' +
        '(README, "An external PostgreSQL")',
    );
  }
  const result: Record<string, Record<string, string>> = {};
  for (const definition of SUBGRAPH_REGISTRY) {
    const prefix = definition.name.toUpperCase();
    if (env[`${prefix}_DATABASE_URL`] || !provision) {
      result[definition.name] = { DATABASE_URL: adminUrl };
      continue;
    }
    const database = `switchboard_${definition.name}`;
    const roles = rolesOf(database);
    const access = await provisionDatabase(adminUrl, database, {
      owner: secrets.password(roles.owner),
      service: secrets.password(roles.service),
    });
    result[definition.name] = {
      DATABASE_URL: '',
      [`${prefix}_DATABASE_URL`]: withCredentials(access.serviceUrl, roles.service, ''),
      [`${prefix}_MIGRATION_DATABASE_URL`]: withCredentials(access.ownerUrl, roles.owner, ''),
      SWITCHBOARD_DB_SECRETS_DIR: secrets.dir,
    };
  }
  return result;
}
