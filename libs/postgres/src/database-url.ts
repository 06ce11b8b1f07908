import { Client } from 'pg';
import { withStoredPassword } from './database-secrets';

/**
 * The database a subgraph uses. `<NAME>_DATABASE_URL` names it exactly; otherwise `DATABASE_URL`
 * names the server and the subgraph gets its own database `switchboard_<name>` on it.
 */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${subgraph.toUpperCase()}_DATABASE_URL`];
  if (own) return withStoredPassword(own, env.SWITCHBOARD_DB_SECRETS_DIR);
  const server = env.DATABASE_URL;
  if (!server) {
    throw new Error(
      `Set DATABASE_URL (or ${subgraph.toUpperCase()}_DATABASE_URL) for the ${subgraph} subgraph`,
    );
  }
  return withStoredPassword(withDatabase(server, `switchboard_${subgraph}`), env.SWITCHBOARD_DB_SECRETS_DIR);
}

/**
 * The database URL a subgraph's migrations run as: `<NAME>_MIGRATION_DATABASE_URL` (the owner role
 * of its database), or the service's own URL when there is no separate owner (one role does all).
 */
export function migrationDatabaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string {
  const owner = env[`${subgraph.toUpperCase()}_MIGRATION_DATABASE_URL`];
  return owner ? withStoredPassword(owner, env.SWITCHBOARD_DB_SECRETS_DIR) : databaseUrlFor(subgraph, env);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in `url` when it does not exist yet (safe under concurrent callers). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`create database ${quoteIdent(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile
      });
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(databaseName(url))} with (force)`);
  } finally {
    await admin.end();
  }
}
