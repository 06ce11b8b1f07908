import {
  MikroORM,
  type EntityClass,
  type LoggerNamespace,
  type LoggerOptions,
  DefaultLogger,
} from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';

export type { MikroORM };

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
  /**
   * PostgreSQL's `statement_timeout` on every connection of the pool, in ms (0: none, for
   * migrations). Default: DATABASE_STATEMENT_TIMEOUT_MS, else DEFAULT_STATEMENT_TIMEOUT_MS.
   */
  statementTimeoutMs?: number;
  /** Tables the service role may only read and insert into (an audit trail); see grantServiceAccess. */
  appendOnlyTables?: string[];
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
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Sent as a startup parameter of every connection the pool opens (node-postgres).
    driverOptions: { connection: { statement_timeout: timeout } },
    migrations: {
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
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
