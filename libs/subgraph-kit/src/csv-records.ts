import { badUserInput } from '@switchboard/server';
import { CsvRowSplitter } from './csv-rows';
import { TextLineSplitter } from './text-lines';

export interface CsvRecord {
  /** Line of the file where the record starts (the header is line 1), and where it ends. */
  line: number;
  lastLine: number;
  /** Cells by lower-cased, trimmed header name, trimmed; absent and empty cells are ''. */
  cells: Record<string, string>;
}

/**
 * A line that is no record, and why (not UTF-8, a NUL, not CSV, more fields than the header), or a
 * record refused for a cell no import takes (`field`: its column).
 */
export interface CsvLineProblem {
  line: number;
  field?: string;
  reason: string;
}

// C0 control characters but tab, line feed and carriage return (NUL is refused with its line): no
// column of any import has a use for them, and the GraphQL API refuses them too.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type CsvItem = { record: CsvRecord } | { rejected: CsvLineProblem };

export interface CsvReadOptions {
  /** The columns the import knows; other header names are reported in `unknownColumns`. */
  columns?: readonly string[];
}

/**
 * A CSV file with a header row, fed in chunks (bytes or text) -> its records and rejected lines, in
 * file order, each physical line accounted for: the header, a blank line (or a row of empty cells,
 * as spreadsheets export), part of a record, or rejected with its reason. A header that cannot be
 * read refuses the file (BAD_USER_INPUT on `csv`): no row could be read without it.
 */
export class CsvRecordReader {
  private readonly lineSplitter = new TextLineSplitter();
  private readonly rowSplitter = new CsvRowSplitter();
  private columns: string[] | null = null;
  header: ReadonlySet<string> = new Set();
  unknownColumns: string[] = [];
  blankLines = 0;

  constructor(private readonly options: CsvReadOptions = {}) {}

  /** Physical lines read so far. */
  get lines(): number {
    return this.lineSplitter.lines;
  }

  push(chunk: Buffer | string): CsvItem[] {
    return this.items(this.rowSplitter.push(this.lineSplitter.push(chunk)));
  }

  end(): CsvItem[] {
    return [
      ...this.items(this.rowSplitter.push(this.lineSplitter.end())),
      ...this.items(this.rowSplitter.end()),
    ];
  }

  private items(rows: ReturnType<CsvRowSplitter['push']>): CsvItem[] {
    const items: CsvItem[] = [];
    for (const row of rows) {
      if ('blank' in row) {
        this.blankLines += 1;
        continue;
      }
      if (this.columns === null) {
        if ('rejected' in row)
          throw badUserInput({ field: 'csv', message: `line ${row.line} (the header) ${row.rejected}` });
        this.setHeader(row.fields);
        continue;
      }
      if ('rejected' in row) {
        items.push({ rejected: { line: row.line, reason: row.rejected } });
        continue;
      }
      const { fields } = row;
      if (fields.every((f) => f.trim() === '')) {
        this.blankLines += row.lastLine - row.line + 1;
        continue;
      }
      if (fields.length > this.columns.length) {
        const reason = `has ${fields.length} fields, the header ${this.columns.length}`;
        items.push({ rejected: { line: row.line, reason } });
        continue;
      }
      const cells: Record<string, string> = {};
      this.columns.forEach((column, i) => {
        cells[column] = fields[i]?.trim() ?? '';
      });
      const control = this.columns.find((column) => CONTROL.test(cells[column]));
      if (control !== undefined) {
        items.push({
          rejected: { line: row.line, field: control, reason: 'must not contain control characters' },
        });
        continue;
      }
      items.push({ record: { line: row.line, lastLine: row.lastLine, cells } });
    }
    return items;
  }

  private setHeader(fields: string[]): void {
    this.columns = fields.map((h) => h.trim().toLowerCase());
    this.header = new Set(this.columns);
    const known = this.options.columns;
    if (known) this.unknownColumns = this.columns.filter((c) => c !== '' && !known.includes(c));
  }
}

/** A whole CSV file read into memory, for imports that check every row before writing any. */
export interface CsvFile {
  header: ReadonlySet<string>;
  unknownColumns: string[];
  records: CsvRecord[];
  rejected: CsvLineProblem[];
  /** Physical lines, and how many of them were blank. */
  lines: number;
  blankLines: number;
}

export interface CsvFileOptions extends CsvReadOptions {
  /** More rows than this (records and rejected lines) refuse the file. */
  maxRows: number;
}

/** Where a file comes from: a GraphQL argument (text) or a streamed request body. */
export type CsvSource = string | AsyncIterable<Buffer | string>;

/** Collects a file's items, refusing it once it has more than `maxRows` rows. */
class CsvFileCollector {
  readonly reader: CsvRecordReader;
  private readonly records: CsvRecord[] = [];
  private readonly rejected: CsvLineProblem[] = [];

  constructor(private readonly options: CsvFileOptions) {
    this.reader = new CsvRecordReader(options);
  }

  take(items: CsvItem[]): void {
    for (const item of items) {
      if ('record' in item) this.records.push(item.record);
      else this.rejected.push(item.rejected);
    }
    // Counted in rows, not lines: blank lines or multi-line cells must not hide rows past the limit.
    if (this.records.length + this.rejected.length > this.options.maxRows) {
      throw badUserInput({
        field: 'csv',
        message: `has more than ${this.options.maxRows} rows; split the file`,
      });
    }
  }

  finish(): CsvFile {
    this.take(this.reader.end());
    if (this.records.length + this.rejected.length === 0)
      throw badUserInput({ field: 'csv', message: 'has no data rows' });
    return {
      header: this.reader.header,
      unknownColumns: this.reader.unknownColumns,
      records: this.records,
      rejected: this.rejected,
      lines: this.reader.lines,
      blankLines: this.reader.blankLines,
    };
  }
}

/**
 * Reads a CSV file with a header row: records with their line numbers and the lines rejected, for
 * imports that report bad rows by line. Whole-file problems (no header, no data rows, more than
 * `maxRows` rows) are BAD_USER_INPUT on the field `csv`.
 */
export function readCsvText(text: string, options: CsvFileOptions): CsvFile {
  const collector = new CsvFileCollector(options);
  collector.take(collector.reader.push(text));
  return collector.finish();
}

/** readCsvText for a file as text or streamed (a request body), read a chunk at a time. */
export async function readCsvFile(source: CsvSource, options: CsvFileOptions): Promise<CsvFile> {
  if (typeof source === 'string') return readCsvText(source, options);
  const collector = new CsvFileCollector(options);
  for await (const chunk of source) collector.take(collector.reader.push(chunk));
  return collector.finish();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years a person's records can have (PostgreSQL refuses year 0000 half-way through a write). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A real calendar day `YYYY-MM-DD` from FIRST_YEAR to LAST_YEAR: 2026-02-30 is rejected, not rolled over. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}
