import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  bearerToken,
  clientTokenConfigFromEnv,
  createClientTokenVerifier,
  createInternalTokenSigner,
  type Identity,
} from '@switchboard/auth';
import { subgraphNames } from '@switchboard/gateway';

/**
 * The second gateway of the dashboard bench: @graphql-hive/gateway over the same supergraph file
 * and the same subgraphs (<NAME>_URL overrides, as for ours). Like ours it checks the caller's
 * token once per request and mints a fresh internal token per subgraph fetch (onFetch), as the
 * subgraphs accept nothing else. Run as its own process: SUPERGRAPH_PATH, PORT, <NAME>_URL, keys.
 */
/** The part of @graphql-hive/gateway used here. Its own typings pull the DOM library into every
 * file of the program (they reference lib "dom"), which retypes Node's streams elsewhere. */
interface FetchHookPayload {
  url: string;
  options: { headers?: unknown };
  setOptions(options: Record<string, unknown>): void;
  context: { request?: Request };
}
interface HiveRuntime {
  (request: IncomingMessage, response: ServerResponse): void;
  dispose(): Promise<void> | void;
}
// The part of Hive Gateway's runtime the benchmark uses, typed narrowly: loading its own types would
// bring the DOM's into the whole project's type check (they redefine ReadableStream, BodyInit, ...).
const { createGatewayRuntime } = createRequire(__filename)('@graphql-hive/gateway') as {
  createGatewayRuntime(config: {
    supergraph: string;
    plugins: () => { onFetch: (payload: FetchHookPayload) => Promise<void> }[];
    logging: string;
    graphqlEndpoint: string;
    healthCheckEndpoint: string;
  }): HiveRuntime;
};

const supergraphPath = process.env.SUPERGRAPH_PATH as string;
let supergraph = readFileSync(supergraphPath, 'utf8');
const urlToSubgraph = new Map<string, string>();
for (const name of subgraphNames(supergraph)) {
  const url = process.env[`${name.toUpperCase()}_URL`];
  if (!url) continue;
  supergraph = supergraph.replace(
    new RegExp(`(@join__graph\\(name:\\s*"${name}",\\s*url:\\s*)"[^"]+"`),
    `$1"${url}"`,
  );
  urlToSubgraph.set(url, name);
}
const verify = createClientTokenVerifier(clientTokenConfigFromEnv());
const sign = createInternalTokenSigner();
const identities = new WeakMap<object, Promise<Identity>>();

const internalTokens = {
  onFetch: async ({ url, options, setOptions, context }: FetchHookPayload): Promise<void> => {
    const subgraph = urlToSubgraph.get(url);
    const request = context.request;
    if (!subgraph || !request) return;
    let identity = identities.get(request);
    if (!identity) {
      const token = bearerToken(request.headers.get('authorization') ?? undefined);
      identity = token ? verify(token) : Promise.reject(new Error('no token'));
      identities.set(request, identity);
    }
    const headers = new Headers(options.headers as Record<string, string>);
    headers.set('authorization', `Bearer ${await sign(await identity, subgraph)}`);
    setOptions({ ...options, headers: Object.fromEntries(headers) });
  },
};

const gateway = createGatewayRuntime({
  supergraph,
  plugins: () => [internalTokens],
  logging: 'error',
  graphqlEndpoint: '/graphql',
  healthCheckEndpoint: '/health',
});
const server = createServer(gateway);
server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
const stop = (): void => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
