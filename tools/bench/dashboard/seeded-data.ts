import { readFileSync } from 'node:fs';
import { startGateway } from '@switchboard/gateway';
import { createLogger } from '@switchboard/server';
import { startSubgraph } from '@switchboard/subgraph-kit';
import { clientToken, postGraphQL, registerTestEndpoint } from '@switchboard/testing';
import { SUPERGRAPH_PATH, subgraphs } from '../../src/subgraphs';
import type { BenchCluster } from '../bench-cluster';
import { DRILL_DOWN, drillDownVariables } from '../drill-down';
import type { RecordedFetch } from './load';
import { RecordingProxy } from './recording-proxy';

export interface CenterCount {
  center: string;
  /** Agents in the answer (records at agent level). */
  agents: number;
  /** SQL statements each subgraph ran for one drill-down. */
  statements: Record<string, number>;
}

export interface SeededData {
  /** The drill-down of `center` as the gateway asked the subgraphs, in waves. */
  waves: RecordedFetch[][];
  variables: Record<string, unknown>;
  counts: CenterCount[];
}

interface Level {
  children?: Level[];
}

/**
 * Every subgraph in this process seeds its demo into the bench databases; behind a gateway whose
 * subgraph calls pass through a recording proxy, the drill-down of each center runs once warm and
 * once counted (SQL statements per subgraph) and recorded (the subgraph requests, for the replay).
 */
export async function seedAndRecord(
  cluster: BenchCluster,
  centers: string[],
  loadCenter: string,
): Promise<SeededData> {
  const stops: (() => Promise<void>)[] = [];
  const statements: Record<string, number> = {};
  const proxy = new RecordingProxy();
  // Subgraphs that read others through the gateway (wfm's adherence reads traffic's agent states) ask
  // this gateway, as a service, as under npm start; its port is chosen before they start.
  const gatewayPort = 46_000 + Math.floor(Math.random() * 900);
  const saved = { url: process.env.SWITCHBOARD_GATEWAY_URL, token: process.env.SWITCHBOARD_SERVICE_TOKEN };
  process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${gatewayPort}/graphql`;
  process.env.SWITCHBOARD_SERVICE_TOKEN = await clientToken(
    { subject: 'service:bench', roles: ['BI_READER'], centers: [], teams: [] },
    '2h',
  );
  try {
    const urls: Record<string, string> = {};
    for (const { definition } of subgraphs) {
      statements[definition.name] = 0;
      const subgraph = await startSubgraph(definition, {
        port: 0,
        databaseUrl: cluster.url(`bench_${definition.name}`),
        seedDemo: true,
        logger: createLogger(definition.name),
        background: false,
        onQuery: () => {
          statements[definition.name] += 1;
        },
      });
      stops.push(subgraph.stop);
      urls[definition.name] = await proxy.add(definition.name, subgraph.server.url);
    }
    const gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: urls,
      subgraphTimeoutMs: 600_000,
      port: gatewayPort,
      logger: createLogger('gateway'),
    });
    stops.unshift(gateway.stop);
    registerTestEndpoint(gateway.url, { kind: 'gateway' });
    const listed = await postGraphQL<{ centers: { id: string; code: string }[] }>(
      gateway.url,
      '{ centers { id code } }',
    );
    const ids = new Map((listed.data?.centers ?? []).map((c) => [c.code, c.id]));
    const counts: CenterCount[] = [];
    let waves: RecordedFetch[][] = [];
    let variables: Record<string, unknown> = {};
    for (const center of centers) {
      const centerVariables = drillDownVariables(ids.get(center) as string);
      await postGraphQL(gateway.url, DRILL_DOWN, centerVariables);
      for (const name of Object.keys(statements)) statements[name] = 0;
      proxy.clear();
      proxy.recording = true;
      const answer = await postGraphQL<{ performance: Level }>(gateway.url, DRILL_DOWN, centerVariables);
      proxy.recording = false;
      if (answer.errors) throw new Error(`drill-down of ${center}: ${JSON.stringify(answer.errors)}`);
      const teams = answer.data?.performance.children ?? [];
      counts.push({
        center,
        agents: teams.flatMap((t) => t.children ?? []).length,
        statements: { ...statements },
      });
      if (center === loadCenter) {
        waves = proxy.waves();
        variables = centerVariables;
      }
    }
    return { waves, variables, counts };
  } finally {
    for (const stop of stops) await stop();
    await proxy.close();
    for (const [name, value] of [
      ['SWITCHBOARD_GATEWAY_URL', saved.url],
      ['SWITCHBOARD_SERVICE_TOKEN', saved.token],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}
