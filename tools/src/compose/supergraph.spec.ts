import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH, subgraphs } from '../subgraphs';
import { composeSupergraph, printSubgraphSdls } from './supergraph';

/** The committed SDL files are what the code prints: a stale file fails here (fix: npm run compose). */
describe('committed schemas', () => {
  it('every subgraph SDL and the supergraph match the code', async () => {
    const sdls = await printSubgraphSdls();
    for (const sdl of sdls) {
      const entry = subgraphs.find((s) => s.definition.name === sdl.name);
      expect({ name: sdl.name, sdl: readFileSync(entry?.sdlPath ?? '', 'utf8') }).toEqual({
        name: sdl.name,
        sdl: sdl.sdl,
      });
    }
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph(sdls));
  });

  it('keeps the federation keys of the public contract', async () => {
    const staff = (await printSubgraphSdls()).find((s) => s.name === 'staff')?.sdl ?? '';
    expect(staff).toMatch(/type Agent\s+@key\(fields: "id"\)\s+@key\(fields: "employeeNo"\)/);
    expect(staff).toMatch(/type Team\s+@key\(fields: "id"\)/);
    expect(staff).toMatch(/type Center\s+@key\(fields: "id"\)/);
  });

  it('reports composition errors instead of writing a broken supergraph', () => {
    const broken = [
      { name: 'a', url: 'http://a', sdl: 'type Query { x: Int }' },
      { name: 'b', url: 'http://b', sdl: 'type Query { x: String }' },
    ];
    expect(() => composeSupergraph(broken)).toThrow(/composition failed/);
  });
});
