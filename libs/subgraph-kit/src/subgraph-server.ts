import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  formatGraphQLError,
  listen,
  serveGraphQL,
  type Logger,
  type RunningServer,
} from '@switchboard/server';
import type { GraphQLSchema } from 'graphql';
import { createRequestContext, type SubgraphContext } from './request-context';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  port: number;
  host?: string;
  routes?: Record<string, RouteHandler>;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
}

/** Starts one subgraph: Apollo Server over node:http, an EntityManager fork per request, /health. */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const { logger, orm } = options;
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger,
    // Shutdown is ours (onShutdown drains HTTP first); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    // No subgraph sets cache hints; the plugin would wrap every field of every row of an answer.
    plugins: [ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (internal) => logger.error({ err: internal }, 'unexpected error')),
  });
  await apollo.start();
  const server = serveGraphQL<SubgraphContext>({
    apollo,
    logger,
    routes: options.routes,
    context: async (request) => createRequestContext(orm.em, logger, request),
    health: async () => {
      await orm.em.getConnection().execute('select 1');
    },
  });
  const running = await listen(server, options.port, options.host);
  logger.info({ url: running.url }, `${options.name} subgraph listening`);
  return {
    ...running,
    name: options.name,
    stop: async () => {
      await running.stop();
      await apollo.stop();
    },
  };
}
