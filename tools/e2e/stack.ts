import { readFileSync } from 'node:fs';
import { serviceIdentity } from '@switchboard/auth';
import { startGateway, type GatewayOptions } from '@switchboard/gateway';
import { createLogger, type RunningServer } from '@switchboard/server';
import { demoQueues } from '@switchboard/demo';
import {
  clientToken,
  postGraphQL,
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
    /** Where the gateway reaches a subgraph instead of its own URL (a fault proxy in front of it). */
    routeSubgraph?: (name: string, url: string) => Promise<string>;
    /** The dashboard and its demo sign-in, served by the gateway. */
    gateway?: Pick<GatewayOptions, 'dashboardDir' | 'developmentIdentities' | 'callerConcurrency'>;
  } = {},
): Promise<TestStack> {
  // The staff demo (200 agents) by default; the traffic demo (a month of contacts) only when asked.
  const seed = new Set(options.seed ?? ['staff']);
  const started = await Promise.all(
    subgraphs.map((s) => startTestSubgraph(s.definition, { seedDemo: seed.has(s.definition.name) })),
  );
  const byName = Object.fromEntries(started.map((s, i) => [subgraphs[i].definition.name, s]));
  const route = options.routeSubgraph ?? ((_name: string, url: string) => Promise.resolve(url));
  const routes = await Promise.all(
    Object.entries(byName).map(async ([name, s]) => [name, await route(name, s.url)]),
  );
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(routes),
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5_000,
    port: 0,
    logger: createLogger('gateway'),
    ...options.gateway,
  });
  registerTestEndpoint(gateway.url, { kind: 'gateway' });
  // Subgraphs reach each other through this gateway (scopes, rosters, team directory).
  const previousGatewayUrl = process.env.SWITCHBOARD_GATEWAY_URL;
  process.env.SWITCHBOARD_GATEWAY_URL = gateway.url;
  // Subgraphs that read other subgraphs through the gateway (traffic's team directory) do so as a
  // service; in one process they share one service identity (processes have one each).
  process.env.SWITCHBOARD_SERVICE_TOKEN ??= await clientToken(serviceIdentity('test'));
  return {
    gatewayUrl: gateway.url,
    subgraphs: byName,
    gateway,
    stop: async () => {
      if (previousGatewayUrl === undefined) delete process.env.SWITCHBOARD_GATEWAY_URL;
      else process.env.SWITCHBOARD_GATEWAY_URL = previousGatewayUrl;
      await gateway.stop();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}

/**
 * Demo queues arrive unassigned: each is given its demo center, as an operator would, so a center's
 * record has its queues. Answers the centers' ids by code.
 */
export async function assignDemoQueues(stack: TestStack): Promise<Map<string, string>> {
  const setup = await postGraphQL<{
    centers: { id: string; code: string }[];
    queues: { id: string; code: string }[];
  }>(stack.gatewayUrl, '{ centers { id code } queues { id code } }');
  const centers = new Map((setup.data?.centers ?? []).map((c) => [c.code, c.id]));
  for (const queue of setup.data?.queues ?? []) {
    const demo = demoQueues().find((q) => q.code === queue.code);
    if (!demo) continue;
    const updated = await postGraphQL(
      stack.gatewayUrl,
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      { id: queue.id, c: centers.get(demo.centerCode) },
    );
    if (updated.errors) throw new Error(`updateQueue ${queue.code}: ${JSON.stringify(updated.errors)}`);
  }
  return centers;
}

const isTransaction = (sql: string): boolean => /^\s*(begin|commit|rollback|savepoint|release)/i.test(sql);

/**
 * Runs `load` once with every subgraph's SQL counted around it (each counter wrapping the next) and
 * gives the statements per subgraph, transaction control left out: what a page costs each one.
 */
export async function statementsPerSubgraph(
  stack: TestStack,
  load: () => Promise<void>,
): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  const nested = Object.entries(stack.subgraphs).reduceRight<() => Promise<void>>(
    (inner, [name, subgraph]) =>
      async () => {
        const { statements } = await subgraph.sql.count(inner);
        counted[name] = statements.filter((s) => !isTransaction(s)).length;
      },
    load,
  );
  await nested();
  return counted;
}
