import { resolve } from 'node:path';
import madge from 'madge';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * No file imports itself back, through any chain of imports (type-only imports included: a cycle
 * of types is still a knot a reader must untie). Between projects, Nx's project graph refuses
 * cycles already (@nx/enforce-module-boundaries in the lint step); this is the file-level rule.
 */
describe('import cycles', () => {
  it('there are none in apps, libs and tools', async () => {
    const graph = await madge(['apps', 'libs', 'tools/src', 'tools/e2e', 'tools/bench', 'tools/soak'], {
      baseDir: ROOT,
      fileExtensions: ['ts', 'tsx'],
      tsConfig: resolve(ROOT, 'tsconfig.base.json'),
      excludeRegExp: [/node_modules/, /\.d\.ts$/, /\/dist\//],
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(500);
    expect(graph.circular()).toEqual([]);
  }, 120_000);
});
