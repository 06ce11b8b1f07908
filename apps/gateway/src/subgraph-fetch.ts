import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Idle connections to the subgraphs are kept for reuse, closed by the gateway after 4 s of idleness
 * (as undici's fetch does), well before a subgraph's own keep-alive timeout (65 s) closes them.
 */
const IDLE_SOCKET_MS = 4_000;

/** The part of a fetch Response that the gateway reads of a subgraph's answer. */
class SubgraphHttpResponse {
  readonly ok: boolean;
  readonly headers: { get: (name: string) => string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    raw: IncomingHttpHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/** What fetch throws when the deadline passes (the name the gateway's messages read). */
function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' });
}

/**
 * POSTs to a subgraph over node:http with a keep-alive agent, with a deadline for the whole answer.
 * The gateway's fetches used the global fetch (undici and its web streams): about a fifth of the
 * gateway's CPU under the mixed morning (issue 23). It fails as fetch does: `TimeoutError` past the
 * deadline, a TypeError whose `cause` carries the socket's code (ECONNREFUSED, ...) otherwise.
 */
export function subgraphFetcher(
  timeoutMs: number,
  agent = new Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
): Fetcher {
  const fetcher = (
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ) =>
    new Promise<SubgraphHttpResponse>((resolve, reject) => {
      const body = init?.body ?? '';
      const request = httpRequest(url, {
        method: init?.method ?? 'POST',
        agent,
        headers: { ...init?.headers, 'content-length': Buffer.byteLength(body) },
      });
      const deadline = setTimeout(() => request.destroy(timeoutError(timeoutMs)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(deadline);
        reject(error.name === 'TimeoutError' ? error : new TypeError('fetch failed', { cause: error }));
      };
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(deadline);
          resolve(
            new SubgraphHttpResponse(
              url,
              response.statusCode ?? 0,
              response.statusMessage ?? '',
              response.headers,
              Buffer.concat(chunks).toString('utf8'),
            ),
          );
        });
      });
      request.end(body);
    });
  return fetcher as unknown as Fetcher;
}
