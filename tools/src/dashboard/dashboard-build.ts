import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DASHBOARD_DIR } from './dashboard-paths';

export const DASHBOARD_DIST = join(DASHBOARD_DIR, 'dist');
const STAMP = join(DASHBOARD_DIST, '.source-hash');
const SOURCES = [
  'src',
  'index.html',
  'vite.config.ts',
  'package.json',
  '../../package-lock.json',
  '../../libs/metrics/src',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A hash of everything the build reads: the build is stale when it differs from the one stamped in dist/. */
export function dashboardSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => files(join(DASHBOARD_DIR, source)))) {
    if (file.endsWith('.spec.ts') || file.endsWith('.spec.tsx')) continue;
    hash.update(relative(DASHBOARD_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function dashboardBuildIsCurrent(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === dashboardSourceHash();
}

/**
 * Builds the dashboard (vite, in a child process) unless dist/ was built from the same sources. The
 * build goes to a folder of its own, then replaces dist/ whole: two builders at once (two test
 * workers) never leave a mixed dist/.
 */
export async function ensureDashboardBuilt(
  say: (message: string) => void = () => undefined,
): Promise<string> {
  if (dashboardBuildIsCurrent()) return DASHBOARD_DIST;
  say('Building the dashboard (apps/dashboard/dist)...');
  const hash = dashboardSourceHash();
  const vite = join(DASHBOARD_DIR, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const outDir = `${DASHBOARD_DIST}.build-${process.pid}`;
  await new Promise<void>((resolve, reject) => {
    const args = [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'];
    const child = spawn(process.execPath, args, {
      cwd: DASHBOARD_DIR,
      // a production build whoever asks: under Jest (NODE_ENV=test) vite would otherwise bundle
      // React's development build, twice the size and slower, into what the browser tests measure
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
  writeFileSync(join(outDir, '.source-hash'), hash);
  try {
    rmSync(DASHBOARD_DIST, { recursive: true, force: true });
    renameSync(outDir, DASHBOARD_DIST);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    if (!dashboardBuildIsCurrent()) throw error; // another builder's identical build won the race
  }
  return DASHBOARD_DIST;
}
