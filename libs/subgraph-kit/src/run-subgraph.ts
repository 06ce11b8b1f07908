import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createOrm,
  migrate,
  pendingMigrations,
  withMigrationLock,
  type MikroORM,
  type SubgraphOrmOptions,
} from '@switchboard/db';
import {
  databaseUrlFor,
  ensureDatabase,
  grantServiceAccess,
  migrationDatabaseUrlFor,
  roleOf,
} from '@switchboard/postgres';
import { boundHeapGrowth, createLogger, onShutdown, type Logger } from '@switchboard/server';
import { cachedScopeSource, gatewayScopeSource, type ScopeSource } from './data-scope';
import type { FederatedSchema } from './federated-schema';
import { registerDatabasePoolMetrics } from './observability/database-pool-metrics';
import type { ReferenceSource } from './references';
import { startSubgraphServer, type RouteHandler, type RunningSubgraph } from './subgraph-server';

export interface SubgraphDefinition {
  name: string;
  database: Omit<SubgraphOrmOptions, 'clientUrl' | 'onQuery' | 'statementTimeoutMs'>;
  buildSchema: () => Promise<FederatedSchema>;
  /** Seeds demo data into an empty database; returns whether it did. */
  seedDemo?: (em: EntityManager) => Promise<boolean>;
  /** Work on a timer while the subgraph runs (e.g. refreshing a copy of another subgraph's data); returns its stop. */
  background?: (services: { orm: MikroORM; logger: Logger }) => () => void;
  /** Plain HTTP routes beside /graphql (e.g. streaming file imports). */
  routes?: (services: { orm: MikroORM; logger: Logger }) => Record<string, RouteHandler>;
  /**
   * Where the caller's center and team codes become rows; default: staff's accessScope through the
   * gateway, cached a minute. Staff answers from its own tables.
   */
  scopeSource?: (services: { orm: MikroORM }) => ScopeSource;
  /**
   * Queries run compiled by graphql-jit (see compiledQueries): for large answers. Each query runs
   * once, errors or not.
   */
  compiledQueries?: boolean;
  /**
   * With compiledQueries: object types whose built-in scalar and enum fields are answered as GraphQL
   * writes them (finite numbers, 32-bit integers, strings, booleans, enum names): an operation
   * selecting no other such leaf copies them without calling a serializer per leaf (see compiledQueries).
   */
  serializedTypes?: readonly string[];
  /** Registers the subgraph's own gauges (see sampledGauge in @switchboard/server); returns their removal. */
  metrics?: (services: { orm: MikroORM; logger: Logger }) => () => void;
}

export interface SubgraphRunOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  /** The owner role's URL for migrations and the demo seed; default: as `databaseUrl` (one role). */
  migrationDatabaseUrl?: string;
  seedDemo?: boolean;
  logger?: Logger;
  onQuery?: (sql: string) => void;
  /** false: do not start the definition's background work (tests drive it themselves). */
  background?: boolean;
  /** Overrides the definition's scope source (tests of one subgraph use a fixed directory). */
  scopeSource?: ScopeSource;
  /** Overrides where other subgraphs' records are looked up (tests of one subgraph use a fixed directory). */
  referenceSource?: ReferenceSource;
  /**
   * false: neither create the database nor migrate nor seed; another process does (a Kubernetes
   * init container, see migrateSubgraph), and /ready answers 503 while a migration is pending.
   */
  migrate?: boolean;
}

/**
 * SWITCHBOARD_MIGRATE: `true` (default) migrates and seeds at start, `false` leaves it to another
 * process (replicas), `only` migrates, seeds and exits (the migration step of a deployment).
 */
export type MigrationMode = 'start' | 'skip' | 'only';

export function migrationModeFromEnv(env: NodeJS.ProcessEnv = process.env): MigrationMode {
  const value = (env.SWITCHBOARD_MIGRATE ?? 'true').trim().toLowerCase();
  if (value === 'true' || value === '') return 'start';
  if (value === 'false') return 'skip';
  if (value === 'only') return 'only';
  throw new Error(`SWITCHBOARD_MIGRATE must be true, false or only (got "${env.SWITCHBOARD_MIGRATE}")`);
}

/** The owner role's URL (migrations, seed) and the service role's (the running subgraph). */
function databaseUrls(
  definition: SubgraphDefinition,
  options: Pick<SubgraphRunOptions, 'databaseUrl' | 'migrationDatabaseUrl'>,
): { owner: string; service: string } {
  const service = options.databaseUrl ?? databaseUrlFor(definition.name);
  const owner =
    options.migrationDatabaseUrl ??
    (options.databaseUrl ? service : migrationDatabaseUrlFor(definition.name));
  return { owner, service };
}

/**
 * Migrations and the optional demo seed as the database's owner role (no statement timeout), under
 * the database's migration lock (replicas starting together take turns, the later ones find nothing
 * to do), then the service role's rows-only privileges (see grantServiceAccess) when it is another role.
 */
async function prepareDatabase(
  definition: SubgraphDefinition,
  urls: { owner: string; service: string },
  options: Pick<SubgraphRunOptions, 'seedDemo' | 'onQuery'>,
  logger: Logger,
): Promise<void> {
  await ensureDatabase(urls.owner);
  const orm = await createOrm({
    ...definition.database,
    clientUrl: urls.owner,
    onQuery: options.onQuery,
    statementTimeoutMs: 0,
    log: (message) => logger.debug({ orm: message }, 'orm'),
  });
  try {
    await withMigrationLock(urls.owner, async () => {
      const applied = await migrate(orm);
      if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
      if (options.seedDemo && definition.seedDemo && (await definition.seedDemo(orm.em.fork()))) {
        logger.info('demo data seeded');
      }
      // under the lock too: grants of pods migrating at once would update the same catalog rows
      const service = roleOf(urls.service);
      if (roleOf(urls.owner) !== service) {
        await grantServiceAccess(urls.owner, service, definition.database.appendOnlyTables);
      }
    });
  } finally {
    await orm.close();
  }
}

/** Creates the database when missing, migrates and seeds it, and returns: the migration step alone. */
export async function migrateSubgraph(
  definition: SubgraphDefinition,
  options: Pick<SubgraphRunOptions, 'databaseUrl' | 'migrationDatabaseUrl' | 'seedDemo' | 'logger'> = {},
): Promise<void> {
  const logger = options.logger ?? createLogger(definition.name);
  await prepareDatabase(definition, databaseUrls(definition, options), options, logger);
}

export interface StartedSubgraph {
  server: RunningSubgraph;
  orm: MikroORM;
  stop: () => Promise<void>;
}

/** Database (created on demand) -> migrations -> optional demo seed -> server (unless `migrate: false`). */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: SubgraphRunOptions,
): Promise<StartedSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  const urls = databaseUrls(definition, options);
  if (options.migrate !== false) await prepareDatabase(definition, urls, options, logger);
  const orm = await createOrm({
    ...definition.database,
    clientUrl: urls.service,
    onQuery: options.onQuery,
    log: (message) => logger.debug({ orm: message }, 'orm'),
  });
  try {
    const { schema } = await definition.buildSchema();
    const server = await startSubgraphServer({
      name: definition.name,
      schema,
      orm,
      logger,
      port: options.port,
      host: options.host,
      routes: definition.routes?.({ orm, logger }),
      compiledQueries: definition.compiledQueries,
      serializedTypes: definition.serializedTypes,
      ready: async () => {
        const pending = await pendingMigrations(orm, definition.database.migrations);
        if (pending.length) throw new Error(`migrations pending: ${pending.join(', ')}`);
      },
      scopeSource:
        options.scopeSource ?? definition.scopeSource?.({ orm }) ?? cachedScopeSource(gatewayScopeSource()),
      referenceSource: options.referenceSource,
    });
    const stopMetrics = [
      registerDatabasePoolMetrics(definition.name, orm),
      definition.metrics?.({ orm, logger }),
    ];
    const stopBackground =
      options.background === false ? undefined : definition.background?.({ orm, logger });
    return {
      server,
      orm,
      stop: async () => {
        stopBackground?.();
        stopMetrics.forEach((stop) => stop?.());
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/**
 * A subgraph's process entry point: PORT, HOST, SWITCHBOARD_SEED_DEMO and SWITCHBOARD_MIGRATE from
 * the environment, graceful shutdown on SIGINT/SIGTERM, exit 1 when it cannot start.
 */
export function runSubgraphMain(
  definition: SubgraphDefinition,
  defaultPort: number,
  options: { afterStop?: () => Promise<void> | undefined } = {},
): void {
  const logger = createLogger(definition.name);
  const seedDemo = process.env.SWITCHBOARD_SEED_DEMO === 'true';
  let mode: MigrationMode;
  try {
    boundHeapGrowth();
    mode = migrationModeFromEnv();
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
  if (mode === 'only') {
    migrateSubgraph(definition, { seedDemo, logger }).then(
      () => logger.info(`${definition.name} database migrated`),
      (error: unknown) => {
        logger.fatal({ err: error }, `${definition.name} migration failed`);
        process.exit(1);
      },
    );
    return;
  }
  startSubgraph(definition, {
    port: Number(process.env.PORT ?? defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
    seedDemo,
    logger,
    migrate: mode === 'start',
  }).then(
    (running) =>
      onShutdown(logger, async () => {
        await running.stop();
        // What must outlive the service's work, such as sending its last spans.
        await options.afterStop?.();
      }),
    (error: unknown) => {
      logger.fatal({ err: error }, `${definition.name} subgraph failed to start`);
      process.exit(1);
    },
  );
}
