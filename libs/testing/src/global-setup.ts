import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempClusterDir, startEmbeddedCluster, type EmbeddedCluster } from '@switchboard/postgres';
import { ensureTestKeys } from './test-auth';
import { randomTestPort } from './ports';

declare global {
  var __switchboardTestCluster: { cluster: EmbeddedCluster; dir: string } | undefined;
}

/**
 * Jest global setup (it imports @switchboard/postgres only: loading MikroORM into Jest's own process
 * would clash with the copies test files load when they run in band): one throwaway embedded PostgreSQL for the whole run. Each test file then makes
 * its own database in it. Every project names this file; the first to run starts the cluster.
 */
export default async function globalSetup(): Promise<void> {
  ensureTestKeys();
  if (process.env.SWITCHBOARD_TEST_SERVER_URL) return;
  const dir = makeTempClusterDir('switchboard-test-');
  const port = randomTestPort('cluster');
  const cluster = await startEmbeddedCluster({
    dataDir: join(dir, 'pg'),
    port,
    persistent: false,
    fast: true,
  });
  process.env.SWITCHBOARD_TEST_SERVER_URL = cluster.serverUrl;
  globalThis.__switchboardTestCluster = { cluster, dir };
}

export async function stopTestCluster(): Promise<void> {
  const started = globalThis.__switchboardTestCluster;
  if (!started) return;
  globalThis.__switchboardTestCluster = undefined;
  await started.cluster.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
