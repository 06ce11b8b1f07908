import { createOrm, migrate } from '@switchboard/db';
import {
  ensureDatabase,
  makeTempClusterDir,
  startEmbeddedCluster,
  withDatabase,
} from '@switchboard/postgres';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphs } from '../subgraphs';

/**
 * npm run migration:create -- <subgraph> [name]: diffs the entities against the migrations so far,
 * in a throwaway embedded cluster, and writes the new migration (and snapshot) into the subgraph.
 */
async function main(): Promise<void> {
  const [name, label] = process.argv.slice(2);
  const definition = subgraphs.find((s) => s.definition.name === name)?.definition;
  if (!definition)
    throw new Error(`usage: migration:create <${subgraphs.map((s) => s.definition.name).join('|')}> [name]`);
  const dataDir = makeTempClusterDir('switchboard-migration-');
  const cluster = await startEmbeddedCluster({
    dataDir: join(dataDir, 'pg'),
    port: 54400 + Math.floor(Math.random() * 500),
    persistent: false,
    fast: true,
  });
  try {
    const url = withDatabase(cluster.serverUrl, `migration_${name}`);
    await ensureDatabase(url);
    const orm = await createOrm({ ...definition.database, clientUrl: url, writeSnapshot: true });
    try {
      await migrate(orm);
      const result = await orm
        .getMigrator()
        .createMigration(definition.database.migrationsPath, false, false, label);
      console.log(
        result.fileName
          ? `wrote ${result.fileName}; add it to migrations/index.ts`
          : 'no changes: entities match the migrations',
      );
    } finally {
      await orm.close();
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
