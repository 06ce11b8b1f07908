import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';
import { swcOptions } from '../../bin/swc-options';

/**
 * The production build: every server-side workspace (the gateway, each subgraph, the libs) compiled
 * ahead of time to CommonJS in `dist/`, laid out as the repository is (so workspace links and
 * `__dirname`-relative files such as the supergraph keep working), with each workspace's
 * package.json pointing at its compiled entry. The image then needs neither TypeScript nor SWC.
 */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist');

/** Files a test run reads and production never does: specs, fixtures, and `testing/` folders. */
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$|-fixture\.ts$|\.d\.ts$/;
const TEST_FOLDER = 'testing';
/** Workspaces for tests alone. */
const TEST_WORKSPACES = new Set(['libs/testing']);

/** Tools a deployment runs from the image: the database set-up (docker-compose's `db-setup`). */
const PRODUCTION_TOOLS = ['tools/src/db/provision.ts', 'tools/src/start/databases.ts'];

/** Files served or read at run time beside the code. */
const RUNTIME_ASSETS = ['apps/gateway/supergraph.graphql'];

export interface BuildReport {
  workspaces: string[];
  compiled: number;
}

/** The workspaces that run in production: every app but the dashboard (a static build), every lib but the tests'. */
export function serverWorkspaces(): string[] {
  const listed = (folder: string) =>
    readdirSync(join(ROOT, folder))
      .map((name) => `${folder}/${name}`)
      .filter((path) => statSync(join(ROOT, path, 'package.json'), { throwIfNoEntry: false })?.isFile());
  return [
    ...listed('apps').filter((path) => path !== 'apps/dashboard'),
    ...listed('libs').filter((path) => !TEST_WORKSPACES.has(path)),
  ];
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === TEST_FOLDER ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}

function compile(source: string, dist: string): void {
  const target = join(dist, relative(ROOT, source)).replace(/\.ts$/, '.js');
  const output = transformFileSync(source, { ...swcOptions, filename: source, outputPath: target });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${output.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  if (output.map) writeFileSync(`${target}.map`, output.map);
}

/** The workspace's manifest with its entry (`main`, `types`) moved from `src/index.ts` to the compiled file. */
export function compiledManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const compiled = { ...manifest };
  for (const field of ['main', 'types'] as const) {
    const entry = compiled[field];
    if (typeof entry === 'string') compiled[field] = entry.replace(/\.ts$/, '.js');
  }
  delete compiled.types;
  return compiled;
}

/**
 * Every package.json of the repository (the root's, each workspace's) and the lockfile, with the
 * server workspaces' entries compiled: what `npm ci --omit=dev` needs, and nothing else.
 */
export function writeManifests(target: string): void {
  const manifests = ['package.json', 'package-lock.json', 'tools/package.json'];
  for (const folder of ['apps', 'libs']) {
    for (const name of readdirSync(join(ROOT, folder))) manifests.push(`${folder}/${name}/package.json`);
  }
  const server = new Set(serverWorkspaces().map((path) => `${path}/package.json`));
  for (const path of manifests) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    if (!server.has(path)) {
      copyFileSync(join(ROOT, path), join(target, path));
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(target, path), `${JSON.stringify(compiledManifest(manifest), null, 2)}\n`);
  }
}

export function buildProduction(dist = DIST): BuildReport {
  rmSync(dist, { recursive: true, force: true });
  const workspaces = serverWorkspaces();
  let compiled = 0;
  for (const workspace of workspaces) {
    for (const source of sourceFiles(join(ROOT, workspace, 'src'))) {
      compile(source, dist);
      compiled += 1;
    }
  }
  for (const tool of PRODUCTION_TOOLS) {
    compile(join(ROOT, tool), dist);
    compiled += 1;
  }
  for (const asset of RUNTIME_ASSETS) copyFileSync(join(ROOT, asset), join(dist, asset));
  writeManifests(dist);
  return { workspaces, compiled };
}
