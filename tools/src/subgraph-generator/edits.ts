import type { SubgraphNames } from './names';

/*
 * The edits a new subgraph makes to the files that list every subgraph. Each is a pure function of a
 * file's text, so a test can run them on today's files; each refuses a name that is already there.
 */

/** libs/contracts/src/subgraph-registry.ts: one entry more in SUBGRAPH_REGISTRY. */
export function addToRegistry(text: string, name: string, port: number, writers: readonly string[]): string {
  if (new RegExp(`name: '${name}'`).test(text))
    throw new Error(`name: a subgraph "${name}" is registered already`);
  if (new RegExp(`port: ${port}\\b`).test(text) || port === 4000)
    throw new Error(`port: ${port} is taken by another service`);
  const end = text.indexOf('] as const satisfies readonly SubgraphContract[]');
  if (end < 0) throw new Error('subgraph-registry.ts: SUBGRAPH_REGISTRY not found');
  const entry = `  { name: '${name}', port: ${port}, writers: [${writers.map((w) => `'${w}'`).join(', ')}] },\n`;
  return text.slice(0, end) + entry + text.slice(end);
}

/** The ports the registry uses, so a new one can take the next. */
export function registeredPorts(text: string): number[] {
  return [...text.matchAll(/port: (\d+)/g)].map((m) => Number(m[1]));
}

/** tools/src/subgraphs.ts: the import and the entry `npm start`, composition and tests follow. */
export function addToSubgraphList(text: string, n: SubgraphNames): string {
  if (text.includes(`@switchboard/${n.name}'`))
    throw new Error(`name: ${n.name} is in tools/src/subgraphs.ts already`);
  const imports = [...text.matchAll(/^import .*;$/gm)];
  const lastImport = imports[imports.length - 1];
  const afterImports = (lastImport.index ?? 0) + lastImport[0].length;
  const withImport = `${text.slice(0, afterImports)}\nimport { ${n.name}Subgraph } from '@switchboard/${n.name}';${text.slice(afterImports)}`;
  const end = withImport.indexOf('\n];', withImport.indexOf('export const subgraphs'));
  if (end < 0) throw new Error('tools/src/subgraphs.ts: the subgraphs list not found');
  const entry = `
  {
    definition: ${n.name}Subgraph,
    port: subgraphContract('${n.name}').port,
    main: resolve(root, 'apps/${n.name}/src/main.ts'),
    sdlPath: resolve(root, 'apps/${n.name}/schema.graphql'),
  },`;
  return withImport.slice(0, end) + entry + withImport.slice(end);
}

/** docker-compose.yml: the service, its two database secrets, db-setup's secrets and the gateway's URL. */
export function addToCompose(text: string, n: SubgraphNames, port: number): string {
  if (new RegExp(`^  ${n.name}:$`, 'm').test(text))
    throw new Error(`name: docker-compose.yml has a ${n.name} service already`);
  const insertBefore = (where: string, what: string, source: string, from = 0): string => {
    const at = source.indexOf(where, from);
    if (at < 0) throw new Error(`docker-compose.yml: "${where.trim()}" not found`);
    return source.slice(0, at) + what + source.slice(at);
  };
  const service = `  ${n.name}:
    <<: *subgraph
    command: [node, apps/${n.name}/src/main.js]
    environment:
      <<: *subgraph-environment
      PORT: ${port}
      ${n.constName}_DATABASE_URL: postgres://switchboard_${n.name}@postgres:5432/switchboard_${n.name}
      ${n.constName}_MIGRATION_DATABASE_URL: postgres://switchboard_${n.name}_owner@postgres:5432/switchboard_${n.name}
    secrets: [switchboard_${n.name}, switchboard_${n.name}_owner]
    ports:
      - 127.0.0.1:${port}:${port}

`;
  let out = insertBefore('  gateway:\n', service, text);
  // db-setup's secrets: after the last switchboard_* secret of its list
  const setup = out.indexOf('  db-setup:\n');
  const dependsOn = out.indexOf('    depends_on:', setup);
  out = insertBefore(
    '    depends_on:',
    `      - switchboard_${n.name}\n      - switchboard_${n.name}_owner\n`,
    out,
    dependsOn,
  );
  // the gateway's URL and its dependency
  const gateway = out.indexOf('  gateway:\n');
  const ports = out.indexOf('    ports:', gateway);
  out = insertBefore(
    '    ports:',
    `      ${n.constName}_URL: http://${n.name}:${port}/graphql\n`,
    out,
    ports,
  );
  const volumes = out.indexOf('\nvolumes:\n', gateway);
  out = `${out.slice(0, volumes)}      ${n.name}:\n        condition: service_healthy\n${out.slice(volumes)}`;
  const file = (role: string) =>
    `  ${role}:\n    file: \${SWITCHBOARD_SECRETS_DIR:-./.data/secrets}/${role}\n`;
  return `${out.replace(/\n*$/, '\n')}${file(`switchboard_${n.name}`)}${file(`switchboard_${n.name}_owner`)}`;
}
