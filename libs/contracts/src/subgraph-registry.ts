import type { Role } from './roles';

export interface SubgraphContract {
  /** The subgraph's name: its database is `switchboard_<name>`, its URL setting `<NAME>_URL`. */
  name: string;
  /** Its port under `npm start` and in docker-compose.yml (the gateway is 4000). */
  port: number;
  /** Who may change its data (docs/DESIGN.md, Identity and access); ADMIN may do everything. */
  writers: readonly Role[];
}

/**
 * Every subgraph of the platform, once: `npm start`, composition, the tests, the writers of each
 * subgraph's data and docker-compose.yml (checked by a test) all follow this list.
 */
export const SUBGRAPH_REGISTRY = [
  { name: 'staff', port: 4001, writers: ['HR', 'ADMIN'] },
  { name: 'training', port: 4002, writers: ['TRAINER', 'ADMIN'] },
  { name: 'qa', port: 4003, writers: ['QA_EVALUATOR', 'ADMIN'] },
  { name: 'traffic', port: 4004, writers: ['ADMIN'] },
  { name: 'kpi', port: 4005, writers: ['CENTER_MANAGER', 'ADMIN'] },
  { name: 'care', port: 4006, writers: ['CASE_HANDLER', 'ADMIN'] },
  { name: 'wfm', port: 4007, writers: ['CENTER_MANAGER', 'ADMIN'] },
  { name: 'voc', port: 4008, writers: ['CASE_HANDLER', 'QA_EVALUATOR', 'VOC_ANALYST', 'ADMIN'] },
] as const satisfies readonly SubgraphContract[];

export type SubgraphName = (typeof SUBGRAPH_REGISTRY)[number]['name'];

/** The gateway's port under `npm start` and in docker-compose.yml. */
export const GATEWAY_PORT = 4000;

/** The registry's entry for a subgraph. */
export function subgraphContract<N extends SubgraphName>(
  name: N,
): Extract<(typeof SUBGRAPH_REGISTRY)[number], { name: N }> {
  const entry = SUBGRAPH_REGISTRY.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`unknown subgraph ${name}`);
  return entry as Extract<(typeof SUBGRAPH_REGISTRY)[number], { name: N }>;
}

/** Who may change each subgraph's data, by subgraph name. */
export const WRITERS = Object.fromEntries(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry.writers])) as {
  [Entry in (typeof SUBGRAPH_REGISTRY)[number] as Entry['name']]: Entry['writers'];
};
