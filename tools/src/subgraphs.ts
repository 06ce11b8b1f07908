import { resolve } from 'node:path';
import { kpiSubgraph } from '@switchboard/kpi';
import { qaSubgraph } from '@switchboard/qa';
import { staffSubgraph } from '@switchboard/staff';
import { trafficSubgraph } from '@switchboard/traffic';
import { trainingSubgraph } from '@switchboard/training';
import type { SubgraphDefinition } from '@switchboard/subgraph-kit';
import { subgraphContract } from '@switchboard/contracts';
import { careSubgraph } from '@switchboard/care';
import { wfmSubgraph } from '@switchboard/wfm';
import { vocSubgraph } from '@switchboard/voc';

export interface SubgraphEntry {
  definition: SubgraphDefinition;
  /** Port under `npm start`; the gateway reaches it at http://localhost:<port>/graphql. */
  port: number;
  /** The app's entry point, run as its own process by `npm start`. */
  main: string;
  /** The committed SDL that composition reads. */
  sdlPath: string;
}

const root = resolve(__dirname, '..', '..');

/** Every subgraph of the platform; adding one here adds it to composition, `npm start` and tests. */
export const subgraphs: SubgraphEntry[] = [
  {
    definition: staffSubgraph,
    port: subgraphContract('staff').port,
    main: resolve(root, 'apps/staff/src/main.ts'),
    sdlPath: resolve(root, 'apps/staff/schema.graphql'),
  },
  {
    definition: trainingSubgraph,
    port: subgraphContract('training').port,
    main: resolve(root, 'apps/training/src/main.ts'),
    sdlPath: resolve(root, 'apps/training/schema.graphql'),
  },
  {
    definition: qaSubgraph,
    port: subgraphContract('qa').port,
    main: resolve(root, 'apps/qa/src/main.ts'),
    sdlPath: resolve(root, 'apps/qa/schema.graphql'),
  },
  {
    definition: trafficSubgraph,
    port: subgraphContract('traffic').port,
    main: resolve(root, 'apps/traffic/src/main.ts'),
    sdlPath: resolve(root, 'apps/traffic/schema.graphql'),
  },
  {
    definition: kpiSubgraph,
    port: subgraphContract('kpi').port,
    main: resolve(root, 'apps/kpi/src/main.ts'),
    sdlPath: resolve(root, 'apps/kpi/schema.graphql'),
  },
  {
    definition: careSubgraph,
    port: subgraphContract('care').port,
    main: resolve(root, 'apps/care/src/main.ts'),
    sdlPath: resolve(root, 'apps/care/schema.graphql'),
  },
  {
    definition: wfmSubgraph,
    port: subgraphContract('wfm').port,
    main: resolve(root, 'apps/wfm/src/main.ts'),
    sdlPath: resolve(root, 'apps/wfm/schema.graphql'),
  },
  {
    definition: vocSubgraph,
    port: subgraphContract('voc').port,
    main: resolve(root, 'apps/voc/src/main.ts'),
    sdlPath: resolve(root, 'apps/voc/schema.graphql'),
  },
];

export const SUPERGRAPH_PATH = resolve(root, 'apps/gateway/supergraph.graphql');
export const GATEWAY_MAIN = resolve(root, 'apps/gateway/src/main.ts');
