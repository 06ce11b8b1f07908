import { readFileSync } from 'node:fs';
import { startGateway, type GatewayOptions } from '@switchboard/gateway';
import { createLogger, type RunningServer } from '@switchboard/server';
import {
  clientToken,
  registerTestEndpoint,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { SUPERGRAPH_PATH, subgraphs } from '../src/subgraphs';

export interface TestStack {
  gatewayUrl: string;
  subgraphs: Record<string, TestSubgraph>;
  gateway: RunningServer;
  stop: () => Promise<void>;
}

/**
 * Every subgraph on a fresh database (staff demo seeded) and the gateway over the committed supergraph,
 * all over real HTTP on free ports.
 */
export async function startTestStack(
  options: {
    subgraphTimeoutMs?: number;
    seed?: string[];
    /** The dashboard and its demo sign-in, served by the gateway. */
    gateway?: Pick<GatewayOptions, 'dashboardDir' | 'developmentIdentities'>;
  } = {},
): Promise<TestStack> {
  // The staff demo (200 agents) by default; the traffic demo (a month of contacts) only when asked.
  const seed = new Set(options.seed ?? ['staff']);
  const started = await Promise.all(
    subgraphs.map((s) => startTestSubgraph(s.definition, { seedDemo: seed.has(s.definition.name) })),
  );
  const byName = Object.fromEntries(started.map((s, i) => [subgraphs[i].definition.name, s]));
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(byName).map(([name, s]) => [name, s.url])),
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5_000,
    port: 0,
    logger: createLogger('gateway'),
    ...options.gateway,
  });
  registerTestEndpoint(gateway.url, { kind: 'gateway' });
  // Subgraphs that read other subgraphs through the gateway (traffic's team directory) do so as a service.
  process.env.SWITCHBOARD_SERVICE_TOKEN ??= await clientToken({
    subject: 'service:test',
    roles: ['BI_READER'],
    centers: [],
    teams: [],
  });
  return {
    gatewayUrl: gateway.url,
    subgraphs: byName,
    gateway,
    stop: async () => {
      await gateway.stop();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}
