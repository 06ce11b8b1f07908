import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpRequestDuration, metricsRegistry, secondsSince } from './registry';

/**
 * Where /metrics is served. Default: on the service's own port, open, like /health (Prometheus
 * scrapes inside the cluster). METRICS_TOKEN: the scraper must send `Authorization: Bearer <token>`.
 * METRICS_PORT: /metrics moves to a listener of its own on that port (METRICS_HOST, default the
 * service's host), one a network policy can open to Prometheus alone; the service's port no longer
 * serves it.
 */
export interface MetricsExposure {
  port?: number;
  host?: string;
  token?: string;
}

export const METRICS_PATH = '/metrics';

export function metricsExposureFromEnv(env: NodeJS.ProcessEnv = process.env): MetricsExposure {
  const port = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65_536)) {
    throw new Error(`METRICS_PORT must be a port number, not "${env.METRICS_PORT}"`);
  }
  return { port, host: env.METRICS_HOST || undefined, token: env.METRICS_TOKEN || undefined };
}

function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const sent = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** GET /metrics: the process's registry in Prometheus' text format. */
export function metricsRoute(
  exposure: MetricsExposure,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    if (!authorized(request, exposure.token)) {
      response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
      response.end('metrics need the scrape token\n');
      return;
    }
    const body = await metricsRegistry.metrics();
    response.writeHead(200, { 'content-type': metricsRegistry.contentType });
    response.end(body);
  };
}

/** The listener of METRICS_PORT: /metrics and nothing else. */
export function metricsServer(exposure: MetricsExposure): Server {
  const serve = metricsRoute(exposure);
  return createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== METRICS_PATH) {
      response.writeHead(404).end();
      return;
    }
    serve(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}

/** Times one HTTP request; `route` is a known path or `static`, never the raw URL (unbounded). */
export function timeHttpRequest(
  service: string,
  route: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const started = performance.now();
  response.once('close', () => {
    httpRequestDuration.observe(
      {
        service,
        route,
        method: request.method ?? 'GET',
        status: String(response.writableFinished ? response.statusCode : 0),
      },
      secondsSince(started),
    );
  });
}
