import { badUserInput } from '@switchboard/server';
import { readCsvFile, type CsvSource } from './csv-records';
import type { RowProblem } from './file-import-route';

/**
 * Whole-file imports whose rows are checked one by one (traffic's outcomes, voc's surveys, care's
 * cases): a file read as CSV or NDJSON, each record turned into a row or its first problem, and the
 * two collected apart. Owned here once; each import writes only its columns and its `rowOf`.
 */

export type RecordFileFormat = 'csv' | 'ndjson';

/** An instant in a file: ISO 8601 date and time with seconds optional and its offset (Z or ±hh:mm). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** What a cell that is no instant is told (with an example, as the import docs show). */
export const INSTANT_MESSAGE = 'must be an instant with its offset, e.g. 2026-11-10T09:30:00+08:00';

/** A file cell as an instant (the form above, and a real date), or null. */
export function fileInstant(text: string): Date | null {
  if (!INSTANT.test(text)) return null;
  const at = new Date(text);
  return Number.isFinite(at.getTime()) ? at : null;
}

/** A row's problem that names no employee: its line, its column (or `csv`, `json`, `line`), what is wrong. */
export function rowProblem(row: number, field: string, message: string): RowProblem {
  return { row, employeeNo: null, field, message };
}

/** Whether a checked record is a problem rather than a row (a row type has no `field` and `message`). */
export function isRowProblem<T extends object>(item: T | RowProblem): item is RowProblem {
  return 'field' in item && 'message' in item;
}

/** A file's (or a batch's) rows, the problems of its lines, and how many records were read. */
export interface RecordFile<T> {
  rows: T[];
  problems: RowProblem[];
  read: number;
}

/** Checked records -> rows and problems, in file order; `problems` may hold the reader's own already. */
export function collectRows<T extends object>(
  items: readonly (T | RowProblem)[],
  problems: RowProblem[] = [],
  read = items.length,
): RecordFile<T> {
  const rows: T[] = [];
  for (const item of items) {
    if (isRowProblem(item)) problems.push(item);
    else rows.push(item);
  }
  return { rows, problems, read };
}

export interface RecordFileOptions<T> {
  /** CSV header names, or NDJSON keys (lower-cased either way). */
  columns: readonly string[];
  /** More rows refuse the whole file (split it). */
  maxRows: number;
  /** One record's cells (text) -> its row, or its first problem naming the column. */
  rowOf: (line: number, cells: Record<string, string>) => T | RowProblem;
}

/**
 * A whole file of records: CSV with a header row (lines the reader rejects become problems on their
 * column, or `csv`), or NDJSON, one JSON object a line with the columns as keys (`json`: not JSON,
 * not an object). Blank lines are skipped; a file with no rows, or more than `maxRows`, is refused.
 */
export async function readRecordFile<T extends object>(
  source: CsvSource,
  format: RecordFileFormat,
  options: RecordFileOptions<T>,
): Promise<RecordFile<T>> {
  if (format === 'csv') {
    const file = await readCsvFile(source, { columns: options.columns, maxRows: options.maxRows });
    return collectRows(
      file.records.map((r) => options.rowOf(r.line, r.cells)),
      file.rejected.map((r) => rowProblem(r.line, r.field ?? 'csv', r.reason)),
      file.records.length + file.rejected.length,
    );
  }
  let text = '';
  if (typeof source === 'string') text = source;
  else for await (const chunk of source) text += chunk.toString();
  const items: (T | RowProblem)[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const read = ndjsonCells(i + 1, raw);
    items.push('problem' in read ? read.problem : options.rowOf(i + 1, read.cells));
  });
  if (items.length > options.maxRows)
    throw badUserInput({ field: 'file', message: `has more than ${options.maxRows} rows; split the file` });
  if (!items.length) throw badUserInput({ field: 'file', message: 'has no data rows' });
  return collectRows(items);
}

/**
 * One NDJSON line -> its cells as a CSV record has them (keys lower-cased, null as ''), or its
 * problem (apart, so that an object with keys `field` and `message` is still cells).
 */
export function ndjsonCells(
  line: number,
  text: string,
): { cells: Record<string, string> } | { problem: RowProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: rowProblem(line, 'json', 'is not JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: rowProblem(line, 'json', 'must be an object') };
  const cells = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k.toLowerCase(),
      v == null ? '' : String(v),
    ]),
  );
  return { cells };
}
