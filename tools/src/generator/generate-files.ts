import { mkdirSync, writeFileSync } from 'node:fs';
import type { DemoQueueModel } from '@switchboard/demo';
import { join } from 'node:path';
import { canonicalCsvLine, CANONICAL_HEADER, ndjsonLine, TABLE_COLUMNS, tableCsvLine } from './contact-lines';
import {
  generatedContacts,
  planGeneration,
  type GeneratorOptions,
  type GeneratorPlan,
} from './contact-stream';
import { FileSink } from './file-sink';
import { lmsCsvLines, qaEvaluationLines, rosterCsvLines } from './people-records';
import { ProgressBar } from './progress-bar';
import { QueueLogLines } from './queue-log-lines';

export const OUTPUT_FORMATS = ['csv', 'ndjson', 'queue_log', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File names in the output folder; the CLI's import guesses each format from its name. */
export const OUTPUT_FILES: Record<OutputFormat, string> = {
  csv: 'contacts.csv',
  ndjson: 'contacts.ndjson',
  queue_log: 'queue_log',
  table: 'contact-table.csv',
};

export interface GeneratedQueue {
  /** Fixed, so a plain COPY of the table layout and an import resolve queue codes alike. */
  id: string;
  code: string;
  name: string;
  channel: string;
  centerCode: string;
}

export function generatedQueues(models: readonly DemoQueueModel[]): GeneratedQueue[] {
  return models.map((m, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    code: m.code,
    name: m.name,
    channel: m.channel,
    centerCode: m.centerCode,
  }));
}

export interface GenerateFilesOptions extends GeneratorOptions {
  outDir: string;
  formats: readonly OutputFormat[];
  /** Also the roster, LMS attempts, QA evaluations and organisation (centers, teams, queues). */
  people: boolean;
  /** Show progress on stderr (default true). */
  progress?: boolean;
}

export interface GeneratedFiles {
  contacts: number;
  /** Queue_log lines written (voice contacts that reached a queue, and member lines). */
  queueLogLines: number;
  paths: Partial<Record<OutputFormat | 'roster' | 'lms' | 'qa' | 'organisation', string>>;
  plan: GeneratorPlan;
  queues: GeneratedQueue[];
}

const HEADERS: Record<OutputFormat, string> = {
  csv: `${CANONICAL_HEADER}\n`,
  ndjson: '',
  queue_log: '',
  table: `${TABLE_COLUMNS}\n`,
};

/** Writes the generated contacts in every format asked for, one pass, streaming. */
export async function generateFiles(options: GenerateFilesOptions): Promise<GeneratedFiles> {
  mkdirSync(options.outDir, { recursive: true });
  const plan = planGeneration(options);
  const queues = generatedQueues(plan.organisation.models);
  const queueIds = new Map(queues.map((q) => [q.code, q.id]));
  const sinks = new Map(options.formats.map((f) => [f, new FileSink(join(options.outDir, OUTPUT_FILES[f]))]));
  for (const [format, sink] of sinks) await sink.write(HEADERS[format]);
  const queueLog = new QueueLogLines();
  const bar = options.progress === false ? null : new ProgressBar(options.contacts, 'contacts');
  const csv = sinks.get('csv');
  const ndjson = sinks.get('ndjson');
  const table = sinks.get('table');
  const log = sinks.get('queue_log');
  let contacts = 0;
  let queueLogText = '';
  let queueLogLines = 0;
  for (const contact of generatedContacts(options, plan)) {
    if (csv) await csv.write(canonicalCsvLine(contact));
    if (ndjson) await ndjson.write(ndjsonLine(contact));
    if (table) await table.write(tableCsvLine(contact, queueIds));
    if (log) await log.write((queueLogText = queueLog.add(contact)));
    if (queueLogText) queueLogLines += countLines(queueLogText);
    contacts += 1;
    if (contacts % 10_000 === 0) bar?.update(contacts);
  }
  if (log) {
    queueLogText = queueLog.end();
    queueLogLines += countLines(queueLogText);
    await log.write(queueLogText);
  }
  bar?.update(contacts);
  bar?.done();
  await Promise.all([...sinks.values()].map((s) => s.close()));
  const paths: GeneratedFiles['paths'] = Object.fromEntries([...sinks].map(([f, s]) => [f, s.path]));
  if (options.people) Object.assign(paths, await writePeople(options, plan, queues));
  return { contacts, queueLogLines, paths, plan, queues };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

async function writePeople(
  options: GenerateFilesOptions,
  plan: GeneratorPlan,
  queues: GeneratedQueue[],
): Promise<GeneratedFiles['paths']> {
  const lastDay = new Date(options.from.getTime() + options.days * 86_400_000 - 1);
  const today = lastDay.toISOString().slice(0, 10);
  const { roster } = plan.organisation;
  const paths = {
    organisation: join(options.outDir, 'organisation.json'),
    roster: join(options.outDir, 'roster.csv'),
    lms: join(options.outDir, 'lms-attempts.csv'),
    qa: join(options.outDir, 'qa-evaluations.ndjson'),
  };
  writeFileSync(
    paths.organisation,
    `${JSON.stringify({ centers: roster.centers, teams: roster.teams, skills: roster.skills, queues }, null, 2)}\n`,
  );
  for (const [path, lines] of [
    [paths.roster, rosterCsvLines(roster, today)],
    [paths.lms, lmsCsvLines(roster, today)],
    [paths.qa, qaEvaluationLines(options.seed, lastDay)],
  ] as const) {
    const sink = new FileSink(path);
    await sink.writeAll(lines);
    await sink.close();
  }
  return paths;
}
