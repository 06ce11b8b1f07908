import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm, migrate, type MikroORM, type SubgraphOrmOptions } from '@switchboard/db';
import { databaseUrlFor, ensureDatabase } from '@switchboard/postgres';
import { createLogger, onShutdown, type Logger } from '@switchboard/server';
import { cachedScopeSource, gatewayScopeSource, type ScopeSource } from './data-scope';
import type { FederatedSchema } from './federated-schema';
import { registerDatabasePoolMetrics } from './observability/database-pool-metrics';
import { startSubgraphServer, type RouteHandler, type RunningSubgraph } from './subgraph-server';

export interface SubgraphDefinition {
  name: string;
  database: Omit<SubgraphOrmOptions, 'clientUrl' | 'onQuery'>;
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
   * Queries run compiled by graphql-jit (see compiledQueries): for large answers. Only for a
   * subgraph whose query resolvers never write, since a query with errors runs again in graphql-js.
   */
  compiledQueries?: boolean;
  /** Registers the subgraph's own gauges (see sampledGauge in @switchboard/server); returns their removal. */
  metrics?: (services: { orm: MikroORM; logger: Logger }) => () => void;
}

export interface SubgraphRunOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  seedDemo?: boolean;
  logger?: Logger;
  onQuery?: (sql: string) => void;
  /** false: do not start the definition's background work (tests drive it themselves). */
  background?: boolean;
  /** Overrides the definition's scope source (tests of one subgraph use a fixed directory). */
  scopeSource?: ScopeSource;
}

export interface StartedSubgraph {
  server: RunningSubgraph;
  orm: MikroORM;
  stop: () => Promise<void>;
}

/** Database (created on demand) -> migrations -> optional demo seed -> server. */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: SubgraphRunOptions,
): Promise<StartedSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  const clientUrl = options.databaseUrl ?? databaseUrlFor(definition.name);
  await ensureDatabase(clientUrl);
  const orm = await createOrm({ ...definition.database, clientUrl, onQuery: options.onQuery });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    if (options.seedDemo && definition.seedDemo && (await definition.seedDemo(orm.em.fork()))) {
      logger.info('demo data seeded');
    }
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
      scopeSource:
        options.scopeSource ?? definition.scopeSource?.({ orm }) ?? cachedScopeSource(gatewayScopeSource()),
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
 * A subgraph's process entry point: PORT, HOST and SWITCHBOARD_SEED_DEMO from the environment,
 * graceful shutdown on SIGINT/SIGTERM, exit 1 when it cannot start.
 */
export function runSubgraphMain(
  definition: SubgraphDefinition,
  defaultPort: number,
  options: { afterStop?: () => Promise<void> | undefined } = {},
): void {
  const logger = createLogger(definition.name);
  startSubgraph(definition, {
    port: Number(process.env.PORT ?? defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
    seedDemo: process.env.SWITCHBOARD_SEED_DEMO === 'true',
    logger,
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
