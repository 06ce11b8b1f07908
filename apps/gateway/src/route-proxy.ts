import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientTokenVerifier, InternalTokenSigner } from '@switchboard/auth';
import type { Logger } from '@switchboard/server';
import { callerOf } from './caller';
import type { CallerConcurrency } from './caller-concurrency';

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: 'error', message, errors: [{ message, extensions: { code } }] }));
}

/**
 * Passes a streaming HTTP route (a file import) through to the subgraph that serves it, as the
 * gateway does for GraphQL: the caller's token checked here, a token for that subgraph sent there,
 * the body and the answer streamed both ways, the upstream call cancelled if the caller goes away.
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
    let upstream: Response;
    try {
      upstream = await fetch(url, {
        method: request.method,
        headers: {
          'content-type': request.headers['content-type'] ?? 'application/octet-stream',
          'x-request-id': caller.requestId,
          authorization: `Bearer ${await options.sign({ ...caller.identity, requestId: caller.requestId }, options.subgraph)}`,
        },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit);
    } catch (error) {
      options.logger.warn({ err: error, subgraph: options.subgraph }, 'route proxy: subgraph unreachable');
      if (!response.headersSent)
        sendError(response, 502, 'SUBGRAPH_UNAVAILABLE', `Subgraph "${options.subgraph}" is unreachable`);
      return;
    }
    const disposition = upstream.headers.get('content-disposition');
    response.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      ...(disposition ? { 'content-disposition': disposition } : {}),
    });
    response.flushHeaders();
    try {
      for await (const chunk of (upstream.body ?? []) as AsyncIterable<Uint8Array>) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
    } catch (error) {
      // The caller left (abort) or the subgraph dropped the stream: nothing more to send either way.
      if (!abort.signal.aborted) options.logger.warn({ err: error }, 'route proxy: stream broken');
    }
    response.end();
  };
}
