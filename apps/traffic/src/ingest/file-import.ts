import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StringDecoder } from 'node:string_decoder';
import type { AgentStateEvent, ContactRecord, RejectedRecord } from '../contact/contact-record';
import { writeAgentStates } from './agent-state-writer';
import { ContactIngestService, INGEST_BATCH_SIZE } from './contact-ingest.service';
import { contactFromFields, type FieldOptions } from './contact-fields';
import { CsvSplitter, type CsvRow } from './csv-rows';
import { inPgTransaction } from './pg-client';
import { QueueLogParser } from './queue-log';

export const IMPORT_FORMATS = ['csv', 'ndjson', 'queue_log'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions extends FieldOptions {
  format: ImportFormat;
}

export interface ImportTotals {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  agentStates: number;
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

/**
 * Canonical CSV: a header row naming the columns (any order, extra ones ignored), then the rows.
 * Yields the records of each piece of input together (one await per piece, not per record).
 */
async function* csvRecords(input: Readable, options: FieldOptions): AsyncGenerator<Parsed[]> {
  const splitter = new CsvSplitter();
  const decoder = new StringDecoder('utf8');
  let columns: string[] | null = null;
  const records = (rows: CsvRow[]): Parsed[] => {
    const parsed: Parsed[] = [];
    for (const row of rows) {
      if ('malformed' in row) {
        parsed.push({
          problems: [{ line: row.line, field: 'line', reason: `is not valid CSV: ${row.malformed}` }],
        });
        continue;
      }
      if (columns === null) {
        columns = row.fields.map((h) => h.trim().toLowerCase());
        continue;
      }
      const raw: Record<string, string> = {};
      const count = Math.min(columns.length, row.fields.length);
      for (let i = 0; i < count; i += 1) raw[columns[i]] = row.fields[i];
      const result = contactFromFields(raw, row.line, options);
      parsed.push(Array.isArray(result) ? { problems: result } : { record: result, line: row.line });
    }
    return parsed;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    yield records(splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
  }
  yield records(splitter.push(decoder.end()));
  yield records(splitter.end());
}

async function* ndjsonRecords(input: Readable, options: FieldOptions): AsyncGenerator<Parsed[]> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (!text.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      yield [{ problems: [{ line, field: 'line', reason: 'is not valid JSON' }] }];
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      yield [{ problems: [{ line, field: 'line', reason: 'is not a JSON object' }] }];
      continue;
    }
    const result = contactFromFields(raw as Record<string, unknown>, line, options);
    yield [Array.isArray(result) ? { problems: result } : { record: result, line }];
  }
}

async function* queueLogRecords(input: Readable, options: FieldOptions): AsyncGenerator<Parsed[]> {
  const parser = new QueueLogParser({ source: options.source ?? 'asterisk' });
  let line = 0;
  const emit = (output: ReturnType<QueueLogParser['push']>): Parsed[] => {
    const parsed: Parsed[] = output.contacts.map((record) => ({ record, line }));
    if (output.rejected.length) parsed.push({ problems: output.rejected });
    if (output.agentStates.length) parsed.push({ states: output.agentStates });
    return parsed;
  };
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    yield emit(parser.push(text, line));
  }
  yield emit(parser.end());
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
  const totals: ImportTotals = { read: 0, inserted: 0, duplicates: 0, rejected: 0, agentStates: 0 };
  const service = new ContactIngestService(em);
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
    report.problems.forEach((p) => listener.rejected(p));
    if (agentStates.length) {
      totals.agentStates += await inPgTransaction(em, (client) => writeAgentStates(client, agentStates));
    }
    listener.progress({ ...totals });
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
      ? csvRecords(input, options)
      : options.format === 'ndjson'
        ? ndjsonRecords(input, options)
        : queueLogRecords(input, options);
  const readAll = async (): Promise<void> => {
    for await (const items of source) {
      for (const item of items) {
        if ('record' in item) {
          totals.read += 1;
          batch.push(item);
        } else if ('problems' in item) {
          // one item may carry several records' problems (a queue_log's calls left open at its end)
          const records = new Set(item.problems.map((p) => p.line)).size;
          totals.read += records;
          totals.rejected += records;
          item.problems.forEach((p) => listener.rejected(p));
        } else {
          states.push(...item.states);
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
  return totals;
}
