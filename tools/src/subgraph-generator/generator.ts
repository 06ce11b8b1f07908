import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { formatFiles, generateFiles, type Tree } from '@nx/devkit';
import { ROLES } from '@switchboard/contracts';
import { addToCompose, addToRegistry, addToSubgraphList, registeredPorts } from './edits';
import { subgraphNames } from './names';

export interface SubgraphGeneratorOptions {
  name: string;
  port?: number;
  /** Comma-separated roles. */
  writers?: string;
  entity?: string;
  skipInstall?: boolean;
}

const REGISTRY = 'libs/contracts/src/subgraph-registry.ts';
const LIST = 'tools/src/subgraphs.ts';
const COMPOSE = 'docker-compose.yml';

/**
 * `npx nx g @switchboard/tools:subgraph <name> --writers CASE_HANDLER,ADMIN --entity Case`: a
 * kpi-shaped subgraph on the house's kit (apps/<name>: schema, first entity with its migration,
 * access rules and their test, a bad-input test, demo seed and test factory), entered in the
 * registry, the subgraph list and docker-compose.yml. Afterwards it installs the workspace, writes
 * the Kubernetes manifests and composes the supergraph with the new SDL.
 */
export default async function subgraphGenerator(tree: Tree, options: SubgraphGeneratorOptions) {
  const names = subgraphNames(options.name, options.entity ?? 'Record');
  if (tree.exists(`apps/${names.name}`)) throw new Error(`name: apps/${names.name} exists already`);
  const writers = [...new Set([...(options.writers ?? 'ADMIN').split(',').map((w) => w.trim()), 'ADMIN'])];
  const unknown = writers.filter((w) => !(ROLES as readonly string[]).includes(w));
  if (unknown.length)
    throw new Error(
      `writers: unknown role ${unknown.join(', ')} (libs/contracts/src/roles.ts lists the roles)`,
    );
  const registry = tree.read(REGISTRY, 'utf8') ?? '';
  const port = options.port ?? Math.max(...registeredPorts(registry)) + 1;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`port: ${port} is not a port`);

  tree.write(REGISTRY, addToRegistry(registry, names.name, port, writers));
  tree.write(LIST, addToSubgraphList(tree.read(LIST, 'utf8') ?? '', names));
  tree.write(COMPOSE, addToCompose(tree.read(COMPOSE, 'utf8') ?? '', names, port));
  generateFiles(tree, join(__dirname, 'files'), `apps/${names.name}`, {
    ...names,
    port,
    stamp: migrationStamp(new Date()),
    tmpl: '',
  });
  await formatFiles(tree);
  if (options.skipInstall) return;
  return () => {
    // the workspace link (@switchboard/<name>), then the manifests that follow the registry
    execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
    execSync('npm run k8s', { stdio: 'inherit' });
    execSync('npm run compose', { stdio: 'inherit' }); // its SDL, and the supergraph with it
  };
}

/** MikroORM's migration name stamp, e.g. 20261207041500. */
export function migrationStamp(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}
