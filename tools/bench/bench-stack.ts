import { readFileSync } from 'node:fs';
import { startGateway } from '@switchboard/gateway';
import { createLogger } from '@switchboard/server';
import { startSubgraph, type StartedSubgraph } from '@switchboard/subgraph-kit';
import { registerTestEndpoint } from '@switchboard/testing';
import { SUPERGRAPH_PATH, subgraphs } from '../src/subgraphs';
import type { BenchCluster } from './bench-cluster';

export interface BenchStackOptions {
  /** Deadline of the gateway's subgraph fetches; default the gateway's own (10 s). */
  subgraphTimeoutMs?: number;
  /** Seed each subgraph with the demo on its first start. */
  seedDemo?: boolean;
}

/** Every subgraph and a gateway over them, started for a benchmark, and how to stop them. */
export interface BenchStack {
  gatewayUrl: string;
  /** Each subgraph's own URL, by name (to time a subgraph without the gateway). */
  urls: Record<string, string>;
  subgraphs: Record<string, StartedSubgraph>;
  /** Gateway first, then the subgraphs in reverse order of start. */
  stop: () => Promise<void>;
}

/**
 * Starts every subgraph of the registry on its own database of `cluster` (`bench_<name>`, background
 * work off: only the measured requests run) and a gateway over the committed supergraph, as the
 * benchmarks that ask through the gateway all did, each with its own copy.
 */
export async function startBenchStack(
  cluster: BenchCluster,
  options: BenchStackOptions = {},
): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const urls: Record<string, string> = {};
    const started: Record<string, StartedSubgraph> = {};
    for (const { definition } of subgraphs) {
      const subgraph = await startSubgraph(definition, {
        port: 0,
        databaseUrl: cluster.url(`bench_${definition.name}`),
        logger: createLogger(definition.name),
        background: false,
        seedDemo: options.seedDemo,
      });
      stops.push(subgraph.stop);
      started[definition.name] = subgraph;
      urls[definition.name] = subgraph.server.url;
      registerTestEndpoint(subgraph.server.url, { kind: 'subgraph', name: definition.name });
    }
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: urls,
      subgraphTimeoutMs: options.subgraphTimeoutMs,
      port: 0,
      logger: createLogger('gateway'),
    });
    stops.push(gateway.stop);
    registerTestEndpoint(gateway.url, { kind: 'gateway' });
    return { gatewayUrl: gateway.url, urls, subgraphs: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
