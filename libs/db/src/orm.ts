import {
  MikroORM,
  type EntityClass,
  type LoggerNamespace,
  type LoggerOptions,
  DefaultLogger,
} from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { SwitchboardPostgreSqlDriver } from './postgres-driver';

export type { MikroORM };

const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface SubgraphOrmOptions {
  clientUrl: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  /** Folder of the subgraph's migrations (where new ones and the snapshot are written). */
  migrationsPath: string;
  /** Schema snapshot file name (without .json), the same whatever the database is called. */
  snapshotName: string;
  /** Called with every SQL statement run (used by tests to count statements). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Where MikroORM's own lines (the migrator's) go; default one JSON line each on stdout. */
  log?: (message: string) => void;
  /**
   * PostgreSQL's `statement_timeout` on every connection of the pool, in ms (0: none, for
   * migrations). Default: DATABASE_STATEMENT_TIMEOUT_MS, else DEFAULT_STATEMENT_TIMEOUT_MS.
   */
  statementTimeoutMs?: number;
  /** Tables the service role may only read and insert into (an audit trail); see grantServiceAccess. */
  appendOnlyTables?: string[];
  /**
   * Write the schema snapshot (migrations/.snapshot-<name>.json) after migrating: only
   * `npm run migration:create` does, so running a service or a test never changes a committed file.
   */
  writeSnapshot?: boolean;
}

/**
 * Below the gateway's subgraph deadline (SUBGRAPH_TIMEOUT_MS, 10 s): a statement that would outlive
 * the request that asked for it is cancelled by PostgreSQL instead of holding a connection and a core.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 8_000;

export function statementTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.DATABASE_STATEMENT_TIMEOUT_MS);
  return Number.isInteger(configured) && configured >= 0 && env.DATABASE_STATEMENT_TIMEOUT_MS
    ? configured
    : DEFAULT_STATEMENT_TIMEOUT_MS;
}

/** MikroORM's lines as JSON, like every other log line of the platform. */
function jsonLine(message: string): void {
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), name: 'orm', msg: message })}\n`);
}

class QueryListeningLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly onQuery: (sql: string) => void,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace, message: string): void {
    if (namespace === 'query') this.onQuery(message);
  }

  override isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query';
  }
}

/** One MikroORM instance for a subgraph's own database. */
export async function createOrm(options: SubgraphOrmOptions): Promise<MikroORM> {
  const onQuery = options.onQuery;
  const timeout = options.statementTimeoutMs ?? statementTimeoutMs();
  return MikroORM.init({
    // PostgreSqlDriver, with parameters escaped in linear time (postgres-driver.ts)
    driver: SwitchboardPostgreSqlDriver,
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    colors: false,
    logger: options.log ?? jsonLine,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Sent as a startup parameter of every connection the pool opens (node-postgres).
    driverOptions: { connection: { statement_timeout: timeout } },
    migrations: {
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      migrationsList: options.migrations,
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: options.writeSnapshot ?? false,
      snapshotName: options.snapshotName,
      emit: 'ts',
    },
    ...(onQuery
      ? {
          debug: ['query'] as LoggerNamespace[],
          loggerFactory: (o: LoggerOptions) => new QueryListeningLogger(o, onQuery),
        }
      : {}),
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * Names of the migrations this code knows that the database has not applied: a readiness check,
 * so it only reads (MikroORM's own pending list would create the table and folders it misses).
 * Throws when the migrations table does not exist yet.
 */
export async function pendingMigrations(orm: MikroORM, known: MigrationObject[]): Promise<string[]> {
  const rows = await orm.em
    .getConnection()
    .execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE}`);
  const withoutExtension = (name: string) => name.replace(/\.[jt]s$/, '');
  const applied = new Set(rows.map((row) => withoutExtension(row.name)));
  return known.map((m) => withoutExtension(m.name)).filter((name) => !applied.has(name));
}
