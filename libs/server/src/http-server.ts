import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from './logger';
import {
  METRICS_PATH,
  metricsExposureFromEnv,
  metricsRoute,
  metricsServer,
  timeHttpRequest,
  type MetricsExposure,
} from './metrics';

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; thrown GraphQLErrors become a 4xx/5xx response. */
  context: (request: IncomingMessage) => Promise<TContext>;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Extra routes (path -> handler) served beside /graphql and the probes. */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>>;
  /** Check run by /health; throw when unhealthy. */
  health?: () => Promise<void>;
  /**
   * Readiness check run by /ready (default: `health`); throw while the service cannot answer yet.
   * /live answers 200 with no check at all: the process serves (a Kubernetes liveness probe must
   * not restart every replica because the database is away).
   */
  ready?: () => Promise<void>;
  /** Serves what no route matched (static files); default a JSON 404. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** The `service` label of this server's metrics (gateway, staff, ...). */
  service?: string;
  /** Where /metrics is served; default from METRICS_PORT, METRICS_HOST and METRICS_TOKEN. */
  metrics?: MetricsExposure;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** The port of the separate /metrics listener, when METRICS_PORT asked for one. */
  metricsPort?: number;
  /**
   * Stops accepting connections, lets in-flight requests finish for up to `graceMs` (default
   * SHUTDOWN_GRACE_MS, 15 s), cuts what is left, then resolves.
   */
  stop: (graceMs?: number) => Promise<void>;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

function shutdownGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SHUTDOWN_GRACE_MS);
  return Number.isFinite(value) && value >= 0 ? value : 15_000;
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function handleGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
): Promise<void> {
  const raw =
    request.method === 'POST' ? await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY) : '';
  let body: unknown = raw;
  if (raw && (request.headers['content-type'] ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(response, 400, {
        errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
  }
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers: toHeaderMap(request), search, body },
    context: () => options.context(request),
  });
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

const PROBE_PATHS = new Set(['/health', '/ready']);

/** Servers whose /metrics is served by a listener of its own, started and stopped by `listen`. */
const separateMetrics = new WeakMap<Server, MetricsExposure>();

/** Serves an Apollo server at /graphql with /health, /ready and /live probes and /metrics on plain node:http. */
export function serveGraphQL<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): Server {
  const service = options.service ?? 'switchboard';
  const exposure = options.metrics ?? metricsExposureFromEnv();
  const serveMetrics = exposure.port === undefined ? metricsRoute(exposure) : undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    const known = ['/health', '/graphql', METRICS_PATH].includes(url.pathname) || route;
    timeHttpRequest(
      service,
      known ? url.pathname : options.fallback ? 'static' : 'unknown',
      request,
      response,
    );
    const work = async (): Promise<void> => {
      if (url.pathname === METRICS_PATH && serveMetrics) {
        await serveMetrics(request, response);
      } else if (url.pathname === '/health') {
        await (options.health?.() ?? Promise.resolve());
        sendJson(response, 200, { status: 'ok' });
      } else if (url.pathname === '/ready') {
        await ((options.ready ?? options.health)?.() ?? Promise.resolve());
        sendJson(response, 200, { status: 'ready' });
      } else if (url.pathname === '/live') {
        sendJson(response, 200, { status: 'ok' });
      } else if (url.pathname === '/graphql') {
        await handleGraphQL(options, request, response, url.search);
      } else if (route) {
        await route(request, response);
      } else if (options.fallback) {
        await options.fallback(request, response);
      } else {
        sendJson(response, 404, { error: 'not found' });
      }
    };
    work().catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        sendJson(response, 413, {
          errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      // A probe saying "not yet" (database away, migration pending) is a warning, not a fault.
      if (PROBE_PATHS.has(url.pathname))
        options.logger.warn({ err: error, path: url.pathname }, 'probe failed');
      else options.logger.error({ err: error, path: url.pathname }, 'request failed');
      if (!response.headersSent)
        sendJson(response, PROBE_PATHS.has(url.pathname) ? 503 : 500, { error: 'internal error' });
      else response.end();
    });
  });
  if (exposure.port !== undefined) separateMetrics.set(server, exposure);
  return server;
}

async function listenOn(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Closes a listener at once, idle keep-alive connections (a scraper's) included. */
function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  server.closeAllConnections();
  return closed;
}

/**
 * How long an idle keep-alive connection stays open. Longer than a client's idle timeout (undici,
 * behind the gateway's fetch, takes the server's hint less a second), so the client always closes
 * first: with Node's default of 5 s, a loaded machine's late timers let the server close a socket
 * the gateway was sending on (ECONNRESET, seen in the soak).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * How long a whole request may take to arrive: a file import streams its body for as long as the
 * rows take to store (10 million contacts: about 7 minutes here). Node's default (300 s) cut a 5M
 * import at the gateway and at traffic half-way (ECONNRESET; issue 23's bench). Bounded still, so a
 * client dripping a body cannot hold a connection for ever.
 */
export const REQUEST_TIMEOUT_MS = 2 * 3_600_000;

/** Listens on `port` (0 = any free port) and returns a handle whose `stop` drains connections. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const boundPort = await listenOn(server, port, host);
  const metricsExposure = separateMetrics.get(server);
  const metrics = metricsExposure && metricsServer(metricsExposure);
  let metricsPort: number | undefined;
  try {
    if (metrics)
      metricsPort = await listenOn(metrics, metricsExposure.port ?? 0, metricsExposure.host ?? host);
  } catch (error) {
    await close(server);
    throw error;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    port: boundPort,
    metricsPort,
    url: `http://${shownHost}:${boundPort}/graphql`,
    stop: async (graceMs = shutdownGraceMs()) => {
      if (metrics) await close(metrics);
      await new Promise<void>((resolve, reject) => {
        // In-flight requests finish; past the grace period (a long file import), their connections
        // are cut, and what they had not committed is rolled back by the database.
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        deadline.unref();
        server.close((error) => {
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
