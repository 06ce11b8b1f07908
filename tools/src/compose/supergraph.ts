import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphs } from '../subgraphs';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Every subgraph's SDL as its code prints it now. */
export async function printSubgraphSdls(): Promise<SubgraphSdl[]> {
  return Promise.all(
    subgraphs.map(async ({ definition, port }) => ({
      name: definition.name,
      url: `http://localhost:${port}/graphql`,
      sdl: (await definition.buildSchema()).sdl,
    })),
  );
}

/** Composes the supergraph with @apollo/composition; composition errors are thrown, all of them. */
export function composeSupergraph(sdls: SubgraphSdl[]): string {
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(
      `supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}
