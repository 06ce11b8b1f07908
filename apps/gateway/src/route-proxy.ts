import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { ClientTokenVerifier, InternalTokenSigner } from '@switchboard/auth';
import type { Logger } from '@switchboard/server';
import { callerOf } from './caller';
import type { CallerConcurrency } from './caller-concurrency';

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: 'error', message, errors: [{ message, extensions: { code } }] }));
}

/**
 * Passes a streaming HTTP route (a file import, the CSV export) through to the subgraph that serves
 * it, as the gateway does for GraphQL: the caller's token checked here, a token for that subgraph
 * sent there, the body and the answer streamed both ways, the upstream call cancelled if the caller
 * goes away. Plain node:http streams piped (not fetch): the bytes pass as Buffers, without a web
 * stream and a promise per chunk (issue 23: an export through the gateway cost ~140 ms more CPU
 * per 6 MB than at the subgraph). An answer the subgraph cuts short is cut short here too (never
 * ended as if whole), so a broken export is never taken for a complete one.
 */
export function proxyRoute(options: {
  subgraph: string;
  targetOrigin: string;
  verify: ClientTokenVerifier;
  sign: InternalTokenSigner;
  logger: Logger;
  /** The per-caller limit GraphQL operations take their turn by: an import or export is one operation. */
  limiter?: CallerConcurrency;
}): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    let caller;
    try {
      caller = await callerOf(request, options.verify);
    } catch (error) {
      sendError(response, 401, 'UNAUTHENTICATED', (error as Error).message);
      return;
    }
    // a caller's imports and exports share their slots with their queries (issue 17): parallel
    // exports cannot hold every database connection of the subgraph while others wait
    let release: () => void = () => undefined;
    if (options.limiter) {
      try {
        release = await options.limiter.acquire(caller.identity.subject);
      } catch (error) {
        sendError(response, 429, 'TOO_MANY_REQUESTS', (error as Error).message);
        return;
      }
    }
    response.on('close', () => release());
    const url = new URL(request.url ?? '/', options.targetOrigin);
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    const withBody = request.method !== 'GET' && request.method !== 'HEAD';
    const headers = {
      'content-type': request.headers['content-type'] ?? 'application/octet-stream',
      'x-request-id': caller.requestId,
      authorization: `Bearer ${await options.sign({ ...caller.identity, requestId: caller.requestId }, options.subgraph)}`,
    };
    let upstream: IncomingMessage;
    try {
      upstream = await new Promise<IncomingMessage>((resolve, reject) => {
        const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
        const outgoing = send(url, { method: request.method, headers, signal: abort.signal }, resolve);
        outgoing.on('error', reject);
        if (!withBody) outgoing.end();
        // the caller's body streamed on (an error here is the request's: its 'error' rejects)
        else request.pipe(outgoing);
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      options.logger.warn({ err: error, subgraph: options.subgraph }, 'route proxy: subgraph unreachable');
      if (!response.headersSent)
        sendError(response, 502, 'SUBGRAPH_UNAVAILABLE', `Subgraph "${options.subgraph}" is unreachable`);
      return;
    }
    const disposition = upstream.headers['content-disposition'];
    response.writeHead(upstream.statusCode ?? 502, {
      'content-type': upstream.headers['content-type'] ?? 'application/octet-stream',
      ...(disposition ? { 'content-disposition': disposition } : {}),
    });
    response.flushHeaders();
    try {
      // back-pressure both ways; a cut on either side destroys the other
      await pipeline(upstream, response);
    } catch (error) {
      // The caller left (abort) or the subgraph cut its answer: the caller's answer is cut as well.
      if (!abort.signal.aborted) options.logger.warn({ err: error }, 'route proxy: stream broken');
      response.destroy();
    }
  };
}
