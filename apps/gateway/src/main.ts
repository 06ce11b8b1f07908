import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import { GATEWAY_PORT } from '@switchboard/contracts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Identity } from '@switchboard/auth';
import { boundHeapGrowth, createLogger, onShutdown } from '@switchboard/server';
import { startGateway } from './gateway';
import { subgraphUrlsFromEnv } from './subgraph-urls';

const logger = createLogger('gateway');
try {
  boundHeapGrowth();
} catch (error) {
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}

/** `npm start` passes its demo identities as JSON (label -> identity) for the dashboard's sign-in. */
function developmentIdentitiesFromEnv(): Record<string, Identity> | undefined {
  const raw = process.env.SWITCHBOARD_DEMO_IDENTITIES;
  return raw ? (JSON.parse(raw) as Record<string, Identity>) : undefined;
}
const supergraphSdl = readFileSync(
  process.env.SUPERGRAPH_PATH ?? resolve(__dirname, '..', 'supergraph.graphql'),
  'utf8',
);

startGateway({
  supergraphSdl,
  subgraphUrls: subgraphUrlsFromEnv(supergraphSdl),
  subgraphTimeoutMs: Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
  port: Number(process.env.PORT ?? GATEWAY_PORT),
  host: process.env.HOST ?? '127.0.0.1',
  // GATEWAY_DEDUPLICATE=off sends every subgraph read, even one identical to a read on its way
  deduplicate: process.env.GATEWAY_DEDUPLICATE !== 'off',
  logger,
  dashboardDir: process.env.SWITCHBOARD_DASHBOARD_DIR || undefined,
  developmentIdentities: developmentIdentitiesFromEnv(),
}).then(
  (running) =>
    onShutdown(logger, async () => {
      await running.stop();
      await tracing?.shutdown();
    }),
  (error: unknown) => {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  },
);
