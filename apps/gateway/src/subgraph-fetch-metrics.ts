import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { secondsSince, subgraphFetchDuration } from '@switchboard/server';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Times each fetch to `subgraph` by HTTP status (0: no answer, a timeout or a refused connection). */
export function timedFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  return async (url, init) => {
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetcher(url, init);
      status = response.status;
      return response;
    } finally {
      subgraphFetchDuration.observe(
        { service: 'gateway', subgraph, status: String(status) },
        secondsSince(started),
      );
    }
  };
}
