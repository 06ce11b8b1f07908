import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import { databaseFingerprint, invalid } from './adversarial';

/** In a cell generator: the bad row repeats the first row's value of the column (a duplicate within the file). */
export const SAME_AS_FIRST_ROW = Symbol('same as the first row');

const onlyText = (values: fc.Arbitrary<unknown>) =>
  values.filter((value): value is string => typeof value === 'string');

/** Cell values no column of its kind accepts, as a file carries them (text). */
export const invalidCell = {
  /** A text column with a length cap. */
  text: onlyText(invalid.text),
  /** A required text column. */
  requiredText: onlyText(invalid.requiredText),
  code: invalid.code,
  date: invalid.date,
  timestamp: fc.constantFrom(
    ...['2026-02-30T10:00:00Z', 'not a time', '10:00', '+275760-09-13T00:00:01Z', '2026-05-04T25:00:00Z'],
    ...['-000001-01-01T00:00:00Z', '1e12', '٢٠٢٦-٠٥-٠٤T02:00:00Z'],
  ),
  /** A number column: not a number, overflowing, negative, written in other digits. */
  number: fc.constantFrom(
    'ten',
    '1e400',
    '-1',
    'NaN',
    'Infinity',
    '12abc',
    '0x1F',
    '٣',
    '99999999999999999999',
  ),
  enumValue: fc.constantFrom('NOT_A_VALUE', '😀', 'x'.repeat(300), 'a\u0000b'),
};

/** What an import answered: its HTTP status, a whole-request error's code, and the rows it refused. */
export interface ImportAnswer {
  status: number;
  errorCode?: string;
  rejected: { line: number; field: string }[];
}

export interface ImportCase {
  name: string;
  /** A fresh valid row by column (unique keys each call). */
  validRow: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Columns and what to put there instead. */
  cells: Record<string, fc.Arbitrary<unknown>>;
  /** Sends the rows as one file. */
  send: (rows: Record<string, unknown>[]) => Promise<ImportAnswer>;
  /** The line of the file where rows[index] is (header and numbering are the format's). */
  lineOf: (index: number) => number;
  /**
   * Lenient imports (good rows land, bad ones are set aside): how many of these rows are stored.
   * Without it the import is strict: a file with a bad row writes nothing.
   */
  storedOf?: (rows: Record<string, unknown>[]) => Promise<number>;
}

const CLEAR_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * The property for files: two good rows around one with a bad cell. The bad row is refused by line
 * and column (or the whole file with a clear code), never a 5xx; the good rows land when the import
 * is lenient, and nothing is written when it is strict or refused the file.
 */
export async function checkBadRows(orm: MikroORM, file: ImportCase, runs = 20): Promise<void> {
  const columns = Object.keys(file.cells);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...columns).chain((column) => fc.tuple(fc.constant(column), file.cells[column])),
      async ([column, value]) => {
        const rows = [await file.validRow(), await file.validRow(), await file.validRow()];
        rows[1][column] = value === SAME_AS_FIRST_ROW ? rows[0][column] : value;
        const before = await databaseFingerprint(orm);
        const answer = await file.send(rows);
        const badLine = file.lineOf(1);
        const unchanged = async () => (await databaseFingerprint(orm)) === before;
        const refusedRow = answer.rejected.some((r) => r.line === badLine && r.field === column);
        const others = answer.rejected.filter((r) => r.line !== badLine);
        const problem =
          answer.status >= 500 || answer.errorCode === 'INTERNAL_SERVER_ERROR'
            ? `HTTP ${answer.status} ${answer.errorCode ?? ''}`
            : answer.errorCode !== undefined
              ? !CLEAR_CODES.has(answer.errorCode)
                ? `code ${answer.errorCode}`
                : !(await unchanged())
                  ? 'refused, but the database changed'
                  : null
              : !refusedRow
                ? `line ${badLine} not refused on ${column}: ${JSON.stringify(answer.rejected).slice(0, 300)}`
                : others.length
                  ? `good rows refused: ${JSON.stringify(others).slice(0, 300)}`
                  : file.storedOf
                    ? (await file.storedOf(rows)) !== rows.length - 1
                      ? `stored ${await file.storedOf(rows)} of the ${rows.length - 1} good rows`
                      : null
                    : !(await unchanged())
                      ? 'a strict import with a bad row changed the database'
                      : null;
        if (problem)
          throw new Error(`${file.name} with ${column} = ${JSON.stringify(value)?.slice(0, 80)}: ${problem}`);
      },
    ),
    { numRuns: runs, seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_123) },
  );
}

/** Rows as CSV under a header of `columns`, every cell quoted (quotes doubled). */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) =>
    `"${value === null || value === undefined ? '' : String(value).replace(/"/g, '""')}"`;
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n');
}
