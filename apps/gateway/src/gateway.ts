import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  clientTokenConfigFromEnv,
  createClientTokenVerifier,
  createInternalTokenSigner,
  type ClientTokenConfig,
  type Identity,
} from '@switchboard/auth';
import {
  listen,
  operationMetrics,
  serveGraphQL,
  withVariableFields,
  type Logger,
  type RunningServer,
} from '@switchboard/server';
import { callerOf } from './caller';
import {
  DEVELOPMENT_TOKENS_PATH,
  developmentTokensAllowed,
  developmentTokensRoute,
} from './development-tokens';
import type { GatewayContext } from './gateway-context';
import { proxyRoute } from './route-proxy';
import {
  CallerConcurrency,
  callerConcurrencyFromEnv,
  type CallerConcurrencyOptions,
} from './caller-concurrency';
import { operationCaches, type OperationCaches } from './operation-caches';
import { operationLimitsPlugin } from './operation-limits';
import { graphqlIde } from './graphql-ide';
import { FastPathGateway, stringifyFastPathResult } from './single-subgraph-fast-path';
import { staticFiles } from './static-files';
import { SubgraphDataSource } from './subgraph-data-source';
import { timedFetcher } from './subgraph-fetch-metrics';
import { subgraphUrlsInSupergraph } from './subgraph-urls';

/** Streaming HTTP routes the gateway passes through, and the subgraph serving each. */
export const PROXIED_ROUTES: Record<string, string> = {
  '/import/contacts': 'traffic',
  '/import/outcomes': 'traffic',
  '/events': 'traffic',
  '/live/queues': 'traffic',
  '/import/roster': 'staff',
  '/import/lms': 'training',
  '/import/schedules': 'wfm',
  '/import/volumes': 'wfm',
  '/import/forecast': 'wfm',
  '/import/surveys': 'voc',
  '/import/cases': 'care',
  '/export/complaints': 'care',
  '/export/traffic-stats.csv': 'traffic',
};

/**
 * Limits on what one request may ask, checked before any subgraph is called. Field suggestions are
 * hidden by Apollo Server's hideSchemaDetailsFromClientErrors, not by graphql-armor's blocker (which
 * turns a subgraph timeout into an HTTP 500).
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 5_000,
  maxCost: 100_000,
  maxBodyBytes: 1024 * 1024,
} as const;

export interface GatewayOptions {
  /** The supergraph composed at build time (apps/gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name -> URL, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Deadline of every subgraph fetch. */
  subgraphTimeoutMs?: number;
  port: number;
  host?: string;
  logger: Logger;
  introspection?: boolean;
  /** The GraphQL IDE at GET /graphql (served from this repository); default off in production. */
  ide?: boolean;
  /** How callers' tokens are checked; default from the environment (SWITCHBOARD_JWT_SECRET or _JWKS_URL). */
  clientTokens?: ClientTokenConfig;
  /** Identical concurrent reads of a subgraph for the same caller sent once (default on; see InflightQueries). */
  deduplicate?: boolean;
  /** Single-subgraph queries answered with the subgraph's own data (default on; see FastPathGateway). */
  fastPath?: boolean;
  /** The built dashboard, served at `/` (any path that is not the API's). */
  dashboardDir?: string;
  /**
   * Demo identities offered at /dev/tokens for the dashboard's sign-in; served only when
   * developmentTokensAllowed (the embedded secret, no identity provider, not production).
   */
  developmentIdentities?: Record<string, Identity>;
  /** Operations one caller runs at a time, and waiting (default from GATEWAY_CALLER_CONCURRENCY / _QUEUE). */
  callerConcurrency?: CallerConcurrencyOptions;
}

export interface RunningGateway extends RunningServer {
  /** The per-operation caches (parsed documents, query plans), bounded: what tests look into. */
  operationCaches: OperationCaches;
}

/** The one GraphQL endpoint: @apollo/gateway over a static supergraph, served with /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const tokenConfig = options.clientTokens ?? clientTokenConfigFromEnv();
  const verify = createClientTokenVerifier(tokenConfig);
  const sign = createInternalTokenSigner();
  const urls = { ...subgraphUrlsInSupergraph(options.supergraphSdl), ...options.subgraphUrls };
  const sources = new Map<string, SubgraphDataSource>();
  let fastPath: FastPathGateway | undefined;
  const caches = operationCaches();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    queryPlannerConfig: { cache: caches.plans },
    buildService: ({ name }) => {
      const target = urls[name];
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      const source = new SubgraphDataSource(name, target, timeoutMs, sign, options.deduplicate ?? true);
      source.fetcher = timedFetcher(name, source.fetcher);
      sources.set(name, source);
      return source;
    },
    experimental_didResolveQueryPlan: (resolved) => fastPath?.learn(resolved),
    logger,
  });
  if (options.fastPath ?? true) fastPath = new FastPathGateway(gateway, sources);
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Counted by the parser itself (parseOptions below): armor's own count parses in a plugin hook,
    // where a syntax error or the limit became HTTP 500 instead of GRAPHQL_PARSE_FAILED and 400.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // one per-caller limit for GraphQL operations and streaming routes (imports, exports) alike
  const limiter = new CallerConcurrency(options.callerConcurrency ?? callerConcurrencyFromEnv());
  const apollo = new ApolloServer<GatewayContext>({
    gateway: fastPath ?? gateway,
    documentStore: caches.documents,
    stringifyResult: stringifyFastPathResult,
    plugins: [
      ...armor.plugins,
      operationMetrics<GatewayContext>('gateway'),
      operationLimitsPlugin(limiter),
      ...graphqlIde(options.ide),
    ],
    validationRules: [...armor.validationRules],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    introspection: options.introspection ?? process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    logger,
    // Shutdown is ours (onShutdown drains HTTP first); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: (formatted) => {
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && !formatted.extensions.serviceName) {
        logger.error({ error: formatted }, 'gateway error');
      }
      // The gateway's own variable errors name their field, as the subgraphs' do.
      return withVariableFields(formatted);
    },
  });
  await apollo.start();
  const routes = Object.fromEntries(
    Object.entries(PROXIED_ROUTES)
      .filter(([, subgraph]) => urls[subgraph])
      .map(([path, subgraph]) => [
        path,
        proxyRoute({ subgraph, targetOrigin: new URL(urls[subgraph]).origin, verify, sign, logger, limiter }),
      ]),
  );
  if (options.developmentIdentities && developmentTokensAllowed(tokenConfig)) {
    routes[DEVELOPMENT_TOKENS_PATH] = developmentTokensRoute(tokenConfig, options.developmentIdentities);
  }
  const server = serveGraphQL<GatewayContext>({
    apollo,
    service: 'gateway',
    logger,
    maxBodyBytes: QUERY_LIMITS.maxBodyBytes,
    context: (request) => callerOf(request, verify),
    routes,
    fallback: options.dashboardDir ? staticFiles(options.dashboardDir) : undefined,
  });
  const running = await listen(server, options.port, options.host);
  logger.info({ url: running.url }, 'gateway listening');
  return {
    ...running,
    operationCaches: caches,
    stop: async () => {
      await running.stop();
      await apollo.stop();
    },
  };
}
