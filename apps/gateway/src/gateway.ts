import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { listen, serveGraphQL, type Logger, type RunningServer } from '@switchboard/server';
import type { GatewayContext } from './gateway-context';
import { SubgraphDataSource } from './subgraph-data-source';

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
}

/** The one GraphQL endpoint: @apollo/gateway over a static supergraph, served with /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { logger } = options;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new SubgraphDataSource(name, target, timeoutMs);
    },
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
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
      return formatted;
    },
  });
  await apollo.start();
  const server = serveGraphQL<GatewayContext>({
    apollo,
    logger,
    context: async (request) => {
      const header = request.headers['x-request-id'];
      return { requestId: (Array.isArray(header) ? header[0] : header) ?? randomUUID() };
    },
  });
  const running = await listen(server, options.port, options.host);
  logger.info({ url: running.url }, 'gateway listening');
  return {
    ...running,
    stop: async () => {
      await running.stop();
      await apollo.stop();
    },
  };
}
