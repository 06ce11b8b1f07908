import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import type { RouteHandler, SubgraphContext } from '@switchboard/subgraph-kit';
import { GraphQLError } from 'graphql';
import { LiveFeed } from './live-feed';
import { checkLiveQueuesArgs } from './live-queues.resolver';

/**
 * GET /live/queues?centerId=…&queueIds=a,b&timeZone=IANA as server-sent events: `event: queues` with
 * the liveQueues answer (JSON) at once, then whenever it changes (at most every PUSH_INTERVAL_MS), and
 * a `: heartbeat` comment line between. The caller's scope is checked once, when the stream opens,
 * exactly as liveQueues checks it (FORBIDDEN outside it, BAD_USER_INPUT naming the argument).
 */
export function liveQueuesRoute({
  orm,
  logger,
}: {
  orm: MikroORM;
  logger: Logger;
}): Record<string, RouteHandler> {
  let feed: LiveFeed | null = null;
  const handler = async (
    request: IncomingMessage,
    response: ServerResponse,
    ctx: SubgraphContext,
  ): Promise<void> => {
    request.resume();
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const centerId = url.searchParams.get('centerId') ?? '';
    const queueParam = url.searchParams.get('queueIds');
    const queueIds = queueParam ? queueParam.split(',').filter(Boolean) : null;
    const timeZone = url.searchParams.get('timeZone') ?? 'UTC';
    try {
      await checkLiveQueuesArgs(ctx, centerId, queueIds, timeZone);
    } catch (error) {
      const code =
        error instanceof GraphQLError
          ? String(error.extensions.code ?? 'BAD_USER_INPUT')
          : 'INTERNAL_SERVER_ERROR';
      const status = code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 500;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'error', code, message: (error as Error).message }));
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    response.write(': connected\n\n');
    feed ??= new LiveFeed(orm.em, logger);
    const unsubscribe = feed.subscribe(
      { centerId, queueIds, timeZone },
      {
        push: (json) => response.write(`event: queues\ndata: ${json}\n\n`),
        heartbeat: () => response.write(': heartbeat\n\n'),
      },
    );
    await new Promise<void>((resolve) => response.once('close', resolve));
    unsubscribe();
  };
  return { '/live/queues': handler };
}
