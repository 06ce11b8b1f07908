import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client per signed-in identity: every request carries its Bearer token, and its cache is
 * dropped with it. Partial results are kept (errorPolicy all): a subgraph that is down blanks its
 * fields while the rest of the view still shows.
 */
export function createApiClient(token: string, uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache(),
    defaultOptions: {
      watchQuery: { errorPolicy: 'all', fetchPolicy: 'cache-first' },
      query: { errorPolicy: 'all' },
    },
  });
}

// Apollo Client 4 types errorPolicy 'all' only once declared here; its API is namespaces to merge into.
declare module '@apollo/client' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace ApolloClient {
    // eslint-disable-next-line @typescript-eslint/no-namespace
    export namespace DeclareDefaultOptions {
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Query {
        errorPolicy: 'all';
      }
    }
  }
}
