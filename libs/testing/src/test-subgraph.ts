import { createLogger } from '@switchboard/server';
import {
  startSubgraph,
  type ReferenceSource,
  type ScopeSource,
  type StartedSubgraph,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { keepIngestBatchesInMemory } from './ingest-batches';
import { SqlCounter } from './sql-counter';
import { ensureTestKeys, registerTestEndpoint } from './test-auth';
import { createTestDatabase } from './test-database';

// when the test files load, so a test that sends batches to a gateway double (set later) wins
keepIngestBatchesInMemory();

export interface TestSubgraph extends StartedSubgraph {
  url: string;
  /** Counts the SQL statements the subgraph runs during a piece of work. */
  sql: SqlCounter;
}

/** Starts a subgraph over real HTTP on a free port, on a fresh database of the test cluster. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: { seedDemo?: boolean; scopeSource?: ScopeSource; referenceSource?: ReferenceSource } = {},
): Promise<TestSubgraph> {
  ensureTestKeys();
  const database = await createTestDatabase(definition.name);
  const sql = new SqlCounter();
  const started = await startSubgraph(definition, {
    port: 0,
    databaseUrl: database.url,
    migrationDatabaseUrl: database.ownerUrl,
    seedDemo: options.seedDemo,
    logger: createLogger(definition.name),
    onQuery: sql.listener,
    background: false,
    scopeSource: options.scopeSource,
    referenceSource: options.referenceSource,
  });
  registerTestEndpoint(started.server.url, { kind: 'subgraph', name: definition.name });
  return {
    ...started,
    url: started.server.url,
    sql,
    stop: async () => {
      await started.stop();
      await database.drop();
    },
  };
}
