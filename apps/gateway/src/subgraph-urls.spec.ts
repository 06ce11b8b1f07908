import { subgraphNames, subgraphUrlsFromEnv } from './subgraph-urls';

const SUPERGRAPH = `
enum join__Graph {
  STAFF @join__graph(name: "staff", url: "http://localhost:4001/graphql")
  TRAFFIC @join__graph(name: "traffic", url: "http://localhost:4004/graphql")
}`;

describe('subgraph URLs', () => {
  it('reads the subgraph names from the supergraph', () => {
    expect(subgraphNames(SUPERGRAPH)).toEqual(['staff', 'traffic']);
  });

  it('overrides only the URLs given as <NAME>_URL', () => {
    expect(subgraphUrlsFromEnv(SUPERGRAPH, { STAFF_URL: 'http://staff:4001/graphql' })).toEqual({
      staff: 'http://staff:4001/graphql',
    });
  });
});
