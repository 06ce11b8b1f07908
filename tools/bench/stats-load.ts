import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
// The bench builds the rollups with the app's own roll-up (traffic's benchmarking entry).
import { monthsOf, readyContactMonths, rollUpCommitted } from '@switchboard/traffic/bench';
import { insertBenchQueues, tableChunks, TABLE_COLUMNS } from './contact-file';
import { formatCount, formatMs, progress, progressDone, timed } from './measurement';
import type { GeneratedQueue, GeneratorOptions } from '../src/generator';

/** A load phase of a benchmark's own, timed and listed with the others. */
export interface LoadPhase {
  label: string;
  run: (client: Client) => Promise<unknown>;
}

/**
 * COPY of the generated contacts (secondary indexes dropped for the load and rebuilt after: the same
 * table, built faster), then the rollups built from them by the app's roll-up statement.
 */
export async function loadStatsContacts(
  client: Client,
  start: Date,
  {
    generation,
    queues,
    contacts,
    afterCopy = [],
    rollups = true,
    beforeRollUp,
  }: {
    generation: GeneratorOptions;
    queues: GeneratedQueue[];
    contacts: number;
    /** More phases on the loaded table before its indexes are rebuilt (care's long-history customer). */
    afterCopy?: LoadPhase[];
    /** false: contacts only (care's timeline reads no rollup). */
    rollups?: boolean;
    /** Work on the loaded contacts before they are rolled up (stats.bench.ts --dispositions). */
    beforeRollUp?: (client: Client) => Promise<void>;
  },
): Promise<string[][]> {
  const phases: string[][] = [];
  const phase = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    phases.push([label, formatMs((await timed(work)).ms)]);
  };
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set work_mem = '256MB'`);
  await insertBenchQueues(client, queues);
  // the months' partitions first (else every row would land in the default one), as the import makes them
  const days = Array.from(
    { length: generation.days + 1 },
    (_, d) => new Date(start.getTime() + d * 86_400_000),
  );
  await client.query('begin');
  await readyContactMonths(client, monthsOf(days));
  await client.query('commit');
  const indexes = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
     where tablename = 'contact' and indexname not in ('contact_pkey')`,
  );
  for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
  let copied = 0;
  const lines = function* (): Generator<string> {
    for (const chunk of tableChunks({ ...generation, from: start }, 5_000)) {
      copied += chunk.rows;
      if (copied % 1_000_000 < chunk.rows)
        progress(`loaded ${formatCount(copied)} of ${formatCount(contacts)}`);
      yield chunk.text;
    }
  };
  await phase('generate + COPY contacts', () =>
    pipeline(
      Readable.from(lines()),
      client.query(copyFrom(`copy contact (${TABLE_COLUMNS}) from stdin (format csv)`)),
    ),
  );
  progressDone();
  for (const extra of afterCopy) await phase(extra.label, () => extra.run(client));
  await phase('rebuild contact indexes and natural key', async () => {
    // a partitioned table's index reads `ON ONLY contact` in pg_indexes: as is, it would make the
    // parent's index alone (invalid, no partition indexed); made `ON contact`, every month gets its own
    for (const index of indexes.rows) await client.query(index.def.replace(' ON ONLY ', ' ON '));
    await client.query(
      'insert into contact_key (source, external_id, contact_id, arrived_at) select source, external_id, id, arrived_at from contact',
    );
  });
  if (beforeRollUp) await phase('disposition codes of the wrap-up codes', () => beforeRollUp(client));
  if (rollups)
    await phase('build both rollups (app roll-up, up to the watermark)', async () => {
      await client.query('begin');
      await rollUpCommitted(client);
      await client.query('commit');
    });
  await phase('vacuum analyze, checkpoint', async () => {
    await client.query('vacuum analyze contact, contact_key, interval_stat, queue_interval_stat, queue');
    await client.query('checkpoint');
  });
  await client.query('reset all');
  return phases;
}
