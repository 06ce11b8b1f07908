import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** fetch with a deadline: a slow subgraph fails its part of the plan instead of hanging the query. */
export function fetchWithTimeout(timeoutMs: number): Fetcher {
  const timed = (url: string, init?: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), keepalive: true });
  return timed as unknown as Fetcher;
}

/** One subgraph as the gateway sees it: its URL, a timeout, the request id passed along. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, timeoutMs: number) {
    super({ url, fetcher: fetchWithTimeout(timeoutMs) });
    this.name = name;
  }

  readonly name: string;

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
