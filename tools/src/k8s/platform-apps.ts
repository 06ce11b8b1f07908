import { relative, resolve } from 'node:path';
import { GATEWAY_PORT } from '@switchboard/contracts';
import { GATEWAY_MAIN, subgraphs } from '../subgraphs';
import type { GatewayApp, SubgraphApp } from './manifests';

const root = resolve(__dirname, '..', '..', '..');

/** The platform's apps from the one list of subgraphs: a new entry there gets its manifests. */
export function platformApps(): { subgraphs: SubgraphApp[]; gateway: GatewayApp } {
  return {
    subgraphs: subgraphs.map((entry) => ({
      name: entry.definition.name,
      port: entry.port,
      main: relative(root, entry.main),
    })),
    gateway: { port: GATEWAY_PORT, main: relative(root, GATEWAY_MAIN) },
  };
}

export const REPOSITORY_ROOT = root;
