import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_PATH, subgraphs } from '../subgraphs';
import { composeSupergraph, printSubgraphSdls } from './supergraph';

/**
 * npm run compose: writes each subgraph's SDL (apps/<name>/schema.graphql) and the supergraph
 * (apps/gateway/supergraph.graphql). With --check, writes nothing and fails when any is stale.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const sdls = await printSubgraphSdls();
  const outputs = [
    ...sdls.map((s) => ({
      path: subgraphs.find((e) => e.definition.name === s.name)?.sdlPath as string,
      text: s.sdl,
    })),
    { path: SUPERGRAPH_PATH, text: composeSupergraph(sdls) },
  ];
  const stale: string[] = [];
  for (const { path, text } of outputs) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === text) continue;
    stale.push(relative(process.cwd(), path));
    if (!check) writeFileSync(path, text);
  }
  if (check && stale.length) {
    console.error(`stale: ${stale.join(', ')}; run npm run compose`);
    process.exit(1);
  }
  console.log(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}` : 'schemas up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
