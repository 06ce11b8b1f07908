import { badUserInput } from '@switchboard/server';
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  /** Cells by lower-cased, trimmed header name; empty cells are ''. */
  cells: Record<string, string>;
}

/** Line breaks inside quoted cells, counted the way csv-parse counts lines (each CR and LF). */
const breaksIn = (cells: Record<string, string>): number =>
  Object.values(cells).reduce((sum, cell) => sum + (cell.match(/[\r\n]/g)?.length ?? 0), 0);

/**
 * A CSV file with a header row -> records with their line numbers, for imports that report bad rows
 * by line. Reads at most `maxRows + 1` records (so the caller can refuse a file that is too long);
 * a file that is not CSV is BAD_USER_INPUT on the field `csv`.
 */
export function parseCsvRecords(csv: string, maxRows: number): { header: Set<string>; records: CsvRecord[] } {
  let header: string[] = [];
  try {
    const parsed = parse(csv, {
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      skip_empty_lines: true,
      // Spreadsheets export trailing rows of empty cells (",,,,"): they are blank lines, not rows.
      skip_records_with_empty_values: true,
      trim: true,
      bom: true,
      relax_column_count: true,
      info: true,
      // Counted in records, not lines: blank lines or multi-line cells must not hide rows past the limit.
      to: maxRows + 1,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return {
      header: new Set(header),
      records: parsed.map(({ record, info }) => ({ line: info.lines - breaksIn(record), cells: record })),
    };
  } catch (error) {
    throw badUserInput({
      field: 'csv',
      message: error instanceof Error ? error.message : 'is not valid CSV',
    });
  }
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
