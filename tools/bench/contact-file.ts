import type { Client } from 'pg';
import {
  generatedContacts,
  generatedOrganisation,
  generatedQueues,
  generateFiles,
  planGeneration,
  shanghaiMidnight,
  tableCsvLine,
  type GeneratedQueue,
  type GeneratorOptions,
} from '../src/generator';

export { TABLE_COLUMNS } from '../src/generator';

/** The benches' contacts: the generator (tools/src/generator) from 2026-10-01 in Asia/Shanghai. */
export const BENCH_FROM = shanghaiMidnight('2026-10-01');
const BENCH_SEED = 20261001;

/** One site of the generator has 10 queues (voice, chat, WeChat): `queues` rounds up to whole sites. */
export function benchGeneration(contacts: number, days: number, queues: number): GeneratorOptions {
  return { contacts, days, sites: Math.max(1, Math.ceil(queues / 10)), from: BENCH_FROM, seed: BENCH_SEED };
}

/** The generated queues with fixed ids, so both sides of a comparison resolve queue codes alike. */
export function benchQueues(generation: GeneratorOptions): GeneratedQueue[] {
  const today = BENCH_FROM.toISOString().slice(0, 10);
  return generatedQueues(
    generatedOrganisation({ sites: generation.sites, agentsPerTeam: 1, seed: generation.seed, today }).models,
  );
}

export async function insertBenchQueues(client: Client, queues: readonly GeneratedQueue[]): Promise<void> {
  await client.query(
    `insert into queue (id, code, name, channel, created_at)
     select id, code, name, channel::channel, now()
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as q(id, code, name, channel)`,
    [
      queues.map((q) => q.id),
      queues.map((q) => q.code),
      queues.map((q) => q.name),
      queues.map((q) => q.channel),
    ],
  );
}

/** The canonical CSV and the table layout of the same contacts; how many were written. */
export async function writeContactFiles(
  generation: GeneratorOptions,
  dir: string,
): Promise<{ contacts: number; canonical: string; table: string }> {
  const files = await generateFiles({ ...generation, outDir: dir, formats: ['csv', 'table'], people: false });
  return {
    contacts: files.contacts,
    canonical: files.paths.csv as string,
    table: files.paths.table as string,
  };
}

/** Table-layout lines (no header) in chunks of `chunkRows`, generated as they are consumed. */
export function* tableChunks(
  generation: GeneratorOptions,
  chunkRows = 5_000,
): Generator<{ rows: number; text: string }> {
  const queueIds = new Map(benchQueues(generation).map((q) => [q.code, q.id]));
  let lines: string[] = [];
  for (const contact of generatedContacts(generation, planGeneration(generation))) {
    lines.push(tableCsvLine(contact, queueIds));
    if (lines.length >= chunkRows) {
      yield { rows: lines.length, text: lines.join('') };
      lines = [];
    }
  }
  if (lines.length) yield { rows: lines.length, text: lines.join('') };
}
