import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildProduction, ROOT, serverWorkspaces } from '../../src/build/production-build';

export interface CompiledBuild {
  /** The compiled entry of a TypeScript entry point of the repository (apps/x/src/main.ts -> .js). */
  entry: (main: string) => string;
  remove: () => void;
}

/**
 * The production build (`npm run build`, as the Docker image runs it: JavaScript compiled ahead of
 * time, no SWC at run time) in a scratch folder, with node_modules laid out as `npm ci --omit=dev`
 * lays them: the workspaces linked to their compiled folders, every other package to the
 * repository's install. Memory figures then are the deployed services', not `npm start`'s (which
 * compiles each TypeScript file as it loads).
 */
export function compiledBuild(): CompiledBuild {
  const dist = mkdtempSync(join(tmpdir(), 'switchboard-bench-dist-'));
  buildProduction(dist);
  const modules = join(dist, 'node_modules');
  mkdirSync(join(modules, '@switchboard'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '@switchboard' || entry === '.bin') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  for (const path of serverWorkspaces()) {
    const { name } = JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')) as { name: string };
    symlinkSync(join(dist, path), join(modules, name));
  }
  return {
    entry: (main) => join(dist, relative(ROOT, main)).replace(/\.ts$/, '.js'),
    remove: () => rmSync(dist, { recursive: true, force: true }),
  };
}
