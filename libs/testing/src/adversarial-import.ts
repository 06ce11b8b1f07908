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
  /**
   * Its counts, when it read the file: `read` records (rejected lines included), `stored` (inserted,
   * updated, unchanged or duplicates; for a strict import that wrote nothing, what would have been).
   */
  report?: { read: number; stored: number; rejected: number };
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
  /**
   * For imports of bytes (a streamed file): the rows as the file's text, one line each, and how to
   * send a file's bytes. With them the property also sends files whose bad row is not UTF-8 or holds
   * a NUL byte: that line is rejected on the field `line`, and only that line.
   */
  bytes?: {
    text: (rows: Record<string, unknown>[]) => string;
    send: (body: Buffer) => Promise<ImportAnswer>;
  };
}

/** Bytes that make a line unreadable: invalid UTF-8 of several kinds (Latin-1, GBK, cut, overlong, a surrogate) or a NUL. */
export const UNREADABLE_BYTES = fc.constantFrom(
  Buffer.from([0]),
  Buffer.from([0xe9]),
  Buffer.from([0xd6, 0xd0]),
  Buffer.from([0xc3]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe]),
);

/** `text` with `bad` bytes put into the middle of its line `line` (1-based). */
function corruptLine(text: string, line: number, bad: Buffer): Buffer {
  const lines = text.split('\n');
  const target = Buffer.from(lines[line - 1], 'utf8');
  const middle = Math.floor(target.length / 2);
  const corrupted = Buffer.concat([target.subarray(0, middle), bad, target.subarray(middle)]);
  const before = lines
    .slice(0, line - 1)
    .map((l) => `${l}\n`)
    .join('');
  const after = lines
    .slice(line)
    .map((l) => `\n${l}`)
    .join('');
  return Buffer.concat([Buffer.from(before, 'utf8'), corrupted, Buffer.from(after, 'utf8')]);
}

/**
 * Line accounting (issue 17: nothing is lost in silence): the report's read is every row sent, each
 * rejected row is reported by line, and read = stored + rejected when the import is lenient.
 */
function accountingProblem(answer: ImportAnswer, rows: number, lenient: boolean): string | null {
  const { report } = answer;
  if (!report) return 'no report of what was read';
  const rejectedLines = new Set(answer.rejected.map((r) => r.line)).size;
  if (report.read !== rows) return `read ${report.read} of ${rows} rows`;
  if (report.rejected !== rejectedLines)
    return `reported rejected ${report.rejected}, but ${rejectedLines} line(s) with reasons`;
  if (lenient && report.read !== report.stored + report.rejected)
    return `read ${report.read} != stored ${report.stored} + rejected ${report.rejected}`;
  return null;
}

const CLEAR_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * The property for files: two good rows around one with a bad cell (or, for streamed files, a line
 * that is not UTF-8 or holds a NUL). The bad row is refused by line and column (or the whole file
 * with a clear code, never for bad bytes in one line), never a 5xx; the report accounts for every
 * row (see accountingProblem); the good rows land when the import is lenient, and nothing is
 * written when it is strict or refused the file.
 */
export async function checkBadRows(orm: MikroORM, file: ImportCase, runs = 20): Promise<void> {
  const columns = Object.keys(file.cells);
  const badCell = fc
    .constantFrom(...columns)
    .chain((column) => fc.tuple(fc.constant(column), file.cells[column]))
    .map(([column, value]) => ({ column, value, bytes: null as Buffer | null }));
  const badBytes = UNREADABLE_BYTES.map((bytes) => ({ column: 'line', value: null as unknown, bytes }));
  await fc.assert(
    fc.asyncProperty(file.bytes ? fc.oneof(badCell, badBytes) : badCell, async ({ column, value, bytes }) => {
      const rows = [await file.validRow(), await file.validRow(), await file.validRow()];
      const badLine = file.lineOf(1);
      if (!bytes) rows[1][column] = value === SAME_AS_FIRST_ROW ? rows[0][column] : value;
      const before = await databaseFingerprint(orm);
      const answer =
        bytes && file.bytes
          ? await file.bytes.send(corruptLine(file.bytes.text(rows), badLine, bytes))
          : await file.send(rows);
      const unchanged = async () => (await databaseFingerprint(orm)) === before;
      // a NUL in a cell makes its whole line unreadable: refused on the field `line`
      const fields = typeof value === 'string' && value.includes('\u0000') ? [column, 'line'] : [column];
      const refusedRow = answer.rejected.some((r) => r.line === badLine && fields.includes(r.field));
      const others = answer.rejected.filter((r) => r.line !== badLine);
      const lenient = file.storedOf !== undefined;
      const problem =
        answer.status >= 500 || answer.errorCode === 'INTERNAL_SERVER_ERROR'
          ? `HTTP ${answer.status} ${answer.errorCode ?? ''}`
          : answer.errorCode !== undefined
            ? !CLEAR_CODES.has(answer.errorCode) || bytes
              ? `code ${answer.errorCode}`
              : !(await unchanged())
                ? 'refused, but the database changed'
                : null
            : !refusedRow
              ? `line ${badLine} not refused on ${fields.join(' or ')}: ${JSON.stringify(answer.rejected).slice(0, 300)}`
              : others.length
                ? `good rows refused: ${JSON.stringify(others).slice(0, 300)}`
                : (accountingProblem(answer, rows.length, lenient) ??
                  (file.storedOf
                    ? (await file.storedOf(rows)) !== rows.length - 1
                      ? `stored ${await file.storedOf(rows)} of the ${rows.length - 1} good rows`
                      : null
                    : !(await unchanged())
                      ? 'a strict import with a bad row changed the database'
                      : null));
      if (problem) {
        const what = bytes
          ? `line ${badLine} with bytes ${bytes.toString('hex')}`
          : `${column} = ${JSON.stringify(value)?.slice(0, 80)}`;
        throw new Error(`${file.name} with ${what}: ${problem}`);
      }
    }),
    { numRuns: runs, seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_123) },
  );
}

/** Rows as CSV under a header of `columns`, every cell quoted (quotes doubled). */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const cell = (value: unknown) =>
    `"${value === null || value === undefined ? '' : String(value).replace(/"/g, '""')}"`;
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n');
}
