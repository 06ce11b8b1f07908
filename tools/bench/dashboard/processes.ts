import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GATEWAY_MAIN, SUPERGRAPH_PATH, subgraphs } from '../../src/subgraphs';
import {
  spawnService,
  stopService,
  waitUntilHealthy,
  type ServiceProcess,
} from '../../src/start/child-process';
import type { BenchCluster } from '../bench-cluster';

const HIVE_MAIN = resolve(__dirname, 'hive-gateway.ts');
const START_TIMEOUT_MS = 180_000;

export interface RunningPlatform {
  /** Subgraph name -> GraphQL URL. */
  subgraphUrls: Record<string, string>;
  gatewayUrl: string;
  hiveUrl: string;
  /** Process ids by service name (gateway, hive-gateway, each subgraph). */
  pids: Record<string, number>;
  logDir: string;
  stop: () => Promise<void>;
}

/**
 * Every subgraph (on the databases seeded before), our gateway and the Hive gateway, each its own
 * process as `npm start` runs them (NODE_ENV=production, background work on), on ports from `basePort`.
 */
export async function startPlatform(
  cluster: BenchCluster,
  basePort: number,
  serviceToken: (subgraph: string) => Promise<string>,
  /** Added to every service's environment (the soak's memory probe in NODE_OPTIONS). */
  extraEnv: NodeJS.ProcessEnv = {},
  /** Start the Hive gateway too (the identical drill-down compares against it). */
  withHive = true,
  /** Where each service's entry point is run from (the compiled build's, or the TypeScript source). */
  entry: (main: string) => string = (main) => main,
): Promise<RunningPlatform> {
  const logDir = join(cluster.dir, 'logs');
  const services: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const service of [...services].reverse()) await stopService(service);
  };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...extraEnv,
  };
  const gatewayPort = basePort;
  const hivePort = basePort + 1;
  try {
    const urlEnv: Record<string, string> = {};
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphs.map(async ({ definition, main }, i) => {
        const port = basePort + 10 + i;
        const name = definition.name;
        const service = spawnService(
          name,
          entry(main),
          {
            ...env,
            PORT: String(port),
            // each subgraph reads others through the gateway as itself (service:<name>)
            SWITCHBOARD_SERVICE_TOKEN: await serviceToken(name),
            [`${name.toUpperCase()}_DATABASE_URL`]: cluster.url(`bench_${name}`),
            SWITCHBOARD_SEED_DEMO: 'false',
            SWITCHBOARD_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
          },
          logDir,
        );
        services.push(service);
        await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, START_TIMEOUT_MS);
        subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
        urlEnv[`${name.toUpperCase()}_URL`] = subgraphUrls[name];
      }),
    );
    const gateway = spawnService(
      'gateway',
      entry(GATEWAY_MAIN),
      {
        ...env,
        ...urlEnv,
        PORT: String(gatewayPort),
        // The identical drill-down sends 16 at once with one token: the per-caller fair share (2
        // running) would measure the limiter, not the gateway; Hive has none. The mixed morning's
        // people each have their own token and rarely have two requests in flight.
        GATEWAY_CALLER_CONCURRENCY: process.env.GATEWAY_CALLER_CONCURRENCY ?? '16',
      },
      logDir,
    );
    services.push(gateway);
    if (withHive) {
      const hive = spawnService(
        'hive-gateway',
        HIVE_MAIN,
        { ...env, ...urlEnv, PORT: String(hivePort), SUPERGRAPH_PATH },
        logDir,
      );
      services.push(hive);
      await waitUntilHealthy(hive, `http://127.0.0.1:${hivePort}/health`, START_TIMEOUT_MS);
    }
    await waitUntilHealthy(gateway, `http://127.0.0.1:${gatewayPort}/health`, START_TIMEOUT_MS);
    return {
      subgraphUrls,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      hiveUrl: `http://127.0.0.1:${hivePort}/graphql`,
      pids: Object.fromEntries(services.map((s) => [s.name, s.child.pid as number])),
      logDir,
      stop,
    };
  } catch (error) {
    await stop();
    // the logs go with the cluster's folder: say what the failed service wrote
    const tails = services
      .filter((s) => s.child.exitCode !== null && s.child.exitCode !== 0)
      .map((s) => `${s.name}: ${readFileSync(s.logFile, 'utf8').slice(-2000)}`);
    if (tails.length) throw new Error(`${String(error)}\n${tails.join('\n')}`);
    throw error;
  }
}
