import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceIdentity } from '@switchboard/auth';
import { clientToken, createTestDatabase, freePort, type TestDatabase } from '@switchboard/testing';
import { spawnService, stopService, waitUntilHealthy, type ServiceProcess } from '../src/start/child-process';
import { GATEWAY_MAIN, subgraphs } from '../src/subgraphs';

export interface ProcessStack {
  gatewayOrigin: string;
  /** Subgraph name -> its origin (http://127.0.0.1:port). */
  subgraphOrigins: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * Every subgraph and the gateway as processes of their own, started by their main.ts as `npm start`
 * starts them, each subgraph on a fresh database of the test cluster; `env` is added to every one.
 */
export async function startProcessStack(options: {
  env: NodeJS.ProcessEnv;
  seed: string[];
}): Promise<ProcessStack> {
  const logDir = mkdtempSync(join(tmpdir(), 'switchboard-processes-'));
  const services: ServiceProcess[] = [];
  const databases: TestDatabase[] = [];
  // The logs stay when a service failed to start: the error names them.
  const stopAll = async (removeLogs: boolean): Promise<void> => {
    for (const service of [...services].reverse()) await stopService(service);
    await Promise.all(databases.map((database) => database.drop()));
    if (removeLogs) rmSync(logDir, { recursive: true, force: true });
  };
  try {
    const gatewayPort = await freePort();
    const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SWITCHBOARD_GATEWAY_URL: `${gatewayOrigin}/graphql`,
    };
    const subgraphOrigins: Record<string, string> = {};
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...base,
      PORT: String(gatewayPort),
      SUBGRAPH_TIMEOUT_MS: '30000',
    };
    await Promise.all(
      subgraphs.map(async ({ definition: { name }, main }) => {
        const database = await createTestDatabase(name);
        databases.push(database);
        const port = await freePort();
        const service = spawnService(
          name,
          main,
          {
            ...base,
            PORT: String(port),
            // each subgraph calls the gateway as itself (service:<name>), as under npm start
            SWITCHBOARD_SERVICE_TOKEN:
              options.env.SWITCHBOARD_SERVICE_TOKEN ?? (await clientToken(serviceIdentity(name))),
            [`${name.toUpperCase()}_DATABASE_URL`]: database.url,
            [`${name.toUpperCase()}_MIGRATION_DATABASE_URL`]: database.ownerUrl,
            SWITCHBOARD_SEED_DEMO: String(options.seed.includes(name)),
          },
          logDir,
        );
        services.push(service);
        subgraphOrigins[name] = `http://127.0.0.1:${port}`;
        gatewayEnv[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
        await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, 240_000);
      }),
    );
    const gateway = spawnService('gateway', GATEWAY_MAIN, gatewayEnv, logDir);
    services.push(gateway);
    await waitUntilHealthy(gateway, `${gatewayOrigin}/health`, 240_000);
    return { gatewayOrigin, subgraphOrigins, stop: () => stopAll(true) };
  } catch (error) {
    await stopAll(false);
    throw error;
  }
}
