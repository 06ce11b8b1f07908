import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  bearerToken,
  createInternalTokenVerifier,
  unauthenticated,
  type InternalIdentity,
  type InternalTokenVerifier,
} from '@switchboard/auth';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  controlCharacterGuard,
  formatGraphQLError,
  listen,
  operationMetrics,
  serveGraphQL,
  type Logger,
  type RunningServer,
} from '@switchboard/server';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { compiledQueries } from './compiled-queries';
import type { ScopeSource } from './data-scope';
import type { ReferenceSource } from './references';
import { createRequestContext, type SubgraphContext } from './request-context';

/**
 * A plain HTTP route beside /graphql; it runs only for a caller the gateway vouched for, with the
 * same request context (EntityManager fork, identity, scope) as a GraphQL request.
 */
export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  ctx: SubgraphContext,
) => Promise<void>;

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  port: number;
  host?: string;
  routes?: Record<string, RouteHandler>;
  /** Turns the center and team codes of a caller's token into rows (see DataScope). */
  scopeSource?: ScopeSource;
  /** Says which records of other subgraphs a write names exist (default: the owners, through the gateway). */
  referenceSource?: ReferenceSource;
  /** Queries run compiled (graphql-jit), each once, errors or not. */
  compiledQueries?: boolean;
  /** With compiledQueries: object types whose leaves are answered as GraphQL writes them (see compiledQueries). */
  serializedTypes?: readonly string[];
  /** Readiness beyond a reachable database (/ready), e.g. no migration pending; throw when not ready. */
  ready?: () => Promise<void>;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
}

async function callerOf(request: IncomingMessage, verify: InternalTokenVerifier): Promise<InternalIdentity> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthenticated('This service answers the gateway only');
  return verify(token);
}

/** Every route answers only a caller with the gateway's token for this subgraph. */
function sealRoutes(
  routes: Record<string, RouteHandler> | undefined,
  verify: InternalTokenVerifier,
  context: (request: IncomingMessage, identity: InternalIdentity) => SubgraphContext,
): Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> {
  return Object.fromEntries(
    Object.entries(routes ?? {}).map(([path, handler]) => [
      path,
      async (request: IncomingMessage, response: ServerResponse) => {
        let identity: InternalIdentity;
        try {
          identity = await callerOf(request, verify);
        } catch (error) {
          response.writeHead(401, { 'content-type': 'application/json; charset=utf-8' });
          response.end(
            JSON.stringify({
              errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }],
            }),
          );
          return;
        }
        await handler(request, response, context(request, identity));
      },
    ]),
  );
}

/**
 * Starts one subgraph: Apollo Server over node:http, an EntityManager fork per request, /health,
 * /ready (database reachable, and `ready`) and /live.
 * Sealed: every request but the probes, `_service` and `_entities` included, needs a token the
 * gateway minted for this subgraph (build-time composition reads the SDL from code, not over HTTP).
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const { logger, orm } = options;
  const verify = createInternalTokenVerifier(options.name);
  const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
    formatGraphQLError(formatted, error, (internal) => logger.error({ err: internal }, 'unexpected error'));
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger,
    // Shutdown is ours (onShutdown drains HTTP first); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    // No subgraph sets cache hints; the plugin would wrap every field of every row of an answer.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // Sealed, and no IDE: Apollo's landing page would load Apollo Sandbox from its CDN.
      ApolloServerPluginLandingPageDisabled(),
      operationMetrics<SubgraphContext>(options.name),
      controlCharacterGuard<SubgraphContext>(),
      ...(options.compiledQueries
        ? [compiledQueries<SubgraphContext>({ formatError, serializedTypes: options.serializedTypes })]
        : []),
    ],
    formatError,
  });
  await apollo.start();
  const server = serveGraphQL<SubgraphContext>({
    apollo,
    service: options.name,
    logger,
    routes: sealRoutes(options.routes, verify, (request, identity) =>
      // routes check references as the GraphQL operations do (a test's directory, else the gateway)
      createRequestContext(orm.em, logger, identity, request, options.scopeSource, options.referenceSource),
    ),
    context: async (request) =>
      createRequestContext(
        orm.em,
        logger,
        await callerOf(request, verify),
        request,
        options.scopeSource,
        options.referenceSource,
      ),
    health: async () => {
      await orm.em.getConnection().execute('select 1');
    },
    ready: async () => {
      await orm.em.getConnection().execute('select 1');
      await options.ready?.();
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
