import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CsvRecordReader, textLines, type CsvItem } from '@switchboard/subgraph-kit';
import type { AgentStateEvent, ContactRecord, RejectedRecord } from '../contact/contact-record';
import { writeAgentStates } from './agent-state-writer';
import { ContactIngestService, INGEST_BATCH_SIZE } from './contact-ingest.service';
import { CONTACT_COLUMNS, contactFromFields, type FieldOptions } from './contact-fields';
import { inPgTransaction } from './pg-client';
import { QueueLogParser } from './queue-log';
import { recordImportBatches } from '../timeliness/import-batches';

export const IMPORT_FORMATS = ['csv', 'ndjson', 'queue_log'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions extends FieldOptions {
  format: ImportFormat;
}

/**
 * What an import did with the file. `read` = inserted + duplicates + rejected: the records (CSV rows,
 * NDJSON objects, queue_log calls) and the lines rejected. Every other physical line is the CSV
 * header, blank, or (queue_log) an event that is part of a call or an agent's state, or says neither.
 */
export interface ImportTotals {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  agentStates: number;
  /** Contacts with a customer key stored without its segment (care did not answer; see IngestReport). */
  unsegmented: number;
  /** Physical lines of the file, and how many were blank. */
  lines: number;
  blankLines: number;
  /** Header columns (CSV) or fields (NDJSON) the contract does not know: ignored. */
  unknownColumns: string[];
}

export interface ImportListener {
  /** After each stored batch: the running totals. */
  progress(totals: ImportTotals): void;
  rejected(problem: RejectedRecord): void;
}

type Parsed =
  | { record: ContactRecord; line: number }
  | { problems: RejectedRecord[] }
  | { states: AgentStateEvent[] };

/** What a format reader learns of the file's shape while it reads. */
interface FileShape {
  lines: number;
  blankLines: number;
  unknownColumns: Set<string>;
}

/** At most this many unknown NDJSON fields are named (a file of random keys must not fill the report). */
const MAX_UNKNOWN_COLUMNS = 20;

const lineProblem = (line: number, reason: string, field = 'line'): Parsed => ({
  problems: [{ line, field, reason }],
});

/**
 * Canonical CSV: a header row naming the columns (any order, unknown ones reported and ignored),
 * then the rows. Yields the records of each piece of input together (one await per piece).
 */
async function* csvRecords(
  input: Readable,
  options: FieldOptions,
  shape: FileShape,
): AsyncGenerator<Parsed[]> {
  const reader = new CsvRecordReader({ columns: CONTACT_COLUMNS });
  const records = (items: CsvItem[]): Parsed[] => {
    const parsed: Parsed[] = [];
    for (const item of items) {
      if ('rejected' in item) {
        parsed.push(lineProblem(item.rejected.line, item.rejected.reason, item.rejected.field));
        continue;
      }
      const { line, cells } = item.record;
      const result = contactFromFields(cells, line, options);
      parsed.push(Array.isArray(result) ? { problems: result } : { record: result, line });
    }
    reader.unknownColumns.forEach((c) => shape.unknownColumns.add(c));
    shape.lines = reader.lines;
    shape.blankLines = reader.blankLines;
    return parsed;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) yield records(reader.push(chunk));
  yield records(reader.end());
}

async function* ndjsonRecords(
  input: Readable,
  options: FieldOptions,
  shape: FileShape,
): AsyncGenerator<Parsed[]> {
  const known = new Set<string>(CONTACT_COLUMNS);
  for await (const lines of textLines(input as AsyncIterable<Buffer | string>)) {
    const parsed: Parsed[] = [];
    for (const item of lines) {
      shape.lines = item.line;
      if ('unreadable' in item) {
        parsed.push(lineProblem(item.line, item.unreadable));
        continue;
      }
      const { line, text } = item;
      if (!text.trim()) {
        shape.blankLines += 1;
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        parsed.push(lineProblem(line, 'is not valid JSON'));
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        parsed.push(lineProblem(line, 'is not a JSON object'));
        continue;
      }
      for (const key of Object.keys(raw)) {
        if (!known.has(key) && shape.unknownColumns.size < MAX_UNKNOWN_COLUMNS) shape.unknownColumns.add(key);
      }
      const result = contactFromFields(raw as Record<string, unknown>, line, options);
      parsed.push(Array.isArray(result) ? { problems: result } : { record: result, line });
    }
    yield parsed;
  }
}

async function* queueLogRecords(
  input: Readable,
  options: FieldOptions,
  shape: FileShape,
): AsyncGenerator<Parsed[]> {
  const parser = new QueueLogParser({ source: options.source ?? 'asterisk' });
  const emit = (output: ReturnType<QueueLogParser['push']>, line: number, parsed: Parsed[]): void => {
    parsed.push(...output.contacts.map((record) => ({ record, line })));
    if (output.rejected.length) parsed.push({ problems: output.rejected });
    if (output.agentStates.length) parsed.push({ states: output.agentStates });
  };
  for await (const lines of textLines(input as AsyncIterable<Buffer | string>)) {
    const parsed: Parsed[] = [];
    for (const item of lines) {
      shape.lines = item.line;
      if ('unreadable' in item) parsed.push(lineProblem(item.line, item.unreadable));
      else if (!item.text.trim()) shape.blankLines += 1;
      else emit(parser.push(item.text, item.line), item.line, parsed);
    }
    yield parsed;
  }
  const parsed: Parsed[] = [];
  emit(parser.end(), shape.lines, parsed);
  yield parsed;
}

/**
 * Streams a file into the contact store: parsed record by record, validated, written a batch per
 * transaction (COPY) while the next batch is parsed and, on a second connection, the previous one is
 * rolled up. Bad records are reported and skipped; a rerun of the same file adds nothing, so an
 * import killed half-way is finished by running it again (the rerun rolls up what the killed one
 * committed and left out of the rollups).
 */
export async function importContacts(
  em: EntityManager,
  input: Readable,
  options: ImportOptions,
  listener: ImportListener,
): Promise<ImportTotals> {
  const shape: FileShape = { lines: 0, blankLines: 0, unknownColumns: new Set() };
  const totals: ImportTotals = {
    read: 0,
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    agentStates: 0,
    unsegmented: 0,
    lines: 0,
    blankLines: 0,
    unknownColumns: [],
  };
  const shaped = (): ImportTotals => ({
    ...totals,
    lines: shape.lines,
    blankLines: shape.blankLines,
    unknownColumns: [...shape.unknownColumns],
  });
  const service = new ContactIngestService(em);
  const latest = { contact: null as Date | null, state: null as Date | null };
  let batch: { record: ContactRecord; line: number }[] = [];
  let states: AgentStateEvent[] = [];
  const write = async (
    records: { record: ContactRecord; line: number }[],
    agentStates: AgentStateEvent[],
  ): Promise<void> => {
    const report = await service.ingest(records, [], { rolledUp: false });
    totals.inserted += report.inserted;
    totals.duplicates += report.duplicates;
    totals.rejected += report.rejected;
    totals.unsegmented += report.unsegmented;
    report.problems.forEach((p) => listener.rejected(p));
    if (agentStates.length) {
      totals.agentStates += await inPgTransaction(em, (client) => writeAgentStates(client, agentStates));
    }
    listener.progress(shaped());
  };
  // One batch is written while the next is parsed; batches are written one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    if (batch.length === 0 && states.length === 0) return;
    writing = write(batch, states);
    writing.catch(() => undefined); // awaited (and thrown) at the next flush
    batch = [];
    states = [];
  };
  const source =
    options.format === 'csv'
      ? csvRecords(input, options, shape)
      : options.format === 'ndjson'
        ? ndjsonRecords(input, options, shape)
        : queueLogRecords(input, options, shape);
  const readAll = async (): Promise<void> => {
    for await (const items of source) {
      for (const item of items) {
        if ('record' in item) {
          totals.read += 1;
          batch.push(item);
          if (!latest.contact || item.record.endedAt > latest.contact) latest.contact = item.record.endedAt;
        } else if ('problems' in item) {
          // one item may carry several records' problems (a queue_log's calls left open at its end)
          const records = new Set(item.problems.map((p) => p.line)).size;
          totals.read += records;
          totals.rejected += records;
          item.problems.forEach((p) => listener.rejected(p));
        } else {
          states.push(...item.states);
          for (const state of item.states)
            if (!latest.state || state.at > latest.state) latest.state = state.at;
        }
        if (batch.length >= INGEST_BATCH_SIZE || states.length >= INGEST_BATCH_SIZE) await flush();
      }
    }
    await flush();
    await writing;
  };
  try {
    await readAll();
  } catch (error) {
    // What was committed is rolled up all the same, once the batch under way has ended.
    await writing.catch(() => undefined);
    await service.rolledUp().catch(() => undefined);
    throw error;
  }
  // The answer waits for the rollups: trafficStats counts every stored contact once it is given.
  await service.rolledUp();
  // the delivery, for the sources' timeliness (after the data, so a batch recorded is a batch stored)
  await recordImportBatches(em, options.source ?? options.format, totals, latest);
  return shaped();
}
