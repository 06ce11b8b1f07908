import {
  fileInstant,
  INSTANT_MESSAGE,
  readRecordFile,
  rowProblem,
  type CsvSource,
  type RecordFile,
  type RowProblem,
} from '@switchboard/subgraph-kit';

/** The columns of an outcomes file (CSV header, or NDJSON keys). */
export const OUTCOME_COLUMNS = [
  'source',
  'external_id',
  'seq',
  'code',
  'product_code',
  'amount',
  'currency',
  'offer_made',
  'eligible',
  'recorded_by',
  'recorded_at',
] as const;

/** Rows per file: more is refused (split the file). */
export const MAX_OUTCOME_FILE_ROWS = 100_000;

/** One outcome as read from a file, its syntax checked (codes and products are checked against the lists). */
export interface OutcomeRow {
  row: number;
  source: string;
  externalId: string;
  seq: number;
  code: string;
  productCode: string | null;
  /** Exact decimal text, at most 2 decimals, not negative. */
  amount: string | null;
  currency: string;
  offerMade: boolean;
  eligible: boolean;
  recordedBy: string | null;
  recordedAt: Date;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A row's problem (the kit's one shape), under the name the outcome import uses. */
export const problem = rowProblem;

/** An amount's problem, or null: a plain decimal, not negative, at most 2 decimals, below 10^12. */
export function amountProblem(value: string): string | null {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return 'must be a decimal number such as 1200.50';
  if (value.startsWith('-')) return 'must not be negative';
  const [whole, decimals = ''] = value.split('.');
  if (decimals.length > 2) return 'has more than 2 decimals';
  if (whole.replace(/^0+(?=\d)/, '').length > 12) return 'must be below 1,000,000,000,000';
  return null;
}

const BOOLEANS: Record<string, boolean> = { '': false, true: true, false: false, '1': true, '0': false };

/** One record's cells (text) -> an outcome row, or its first problem (the field named). */
export function outcomeRowOf(line: number, cells: Record<string, string>): OutcomeRow | RowProblem {
  const text = (column: string): string => (cells[column] ?? '').trim();
  for (const column of ['source', 'external_id', 'seq', 'code', 'recorded_at'])
    if (!text(column)) return problem(line, column, 'is required');
  for (const column of ['source', 'external_id', 'code', 'product_code', 'recorded_by'])
    if (text(column).length > 200) return problem(line, column, 'must be at most 200 characters');
  const seq = text('seq');
  if (!/^\d{1,5}$/.test(seq) || Number(seq) < 1 || Number(seq) > 32_767)
    return problem(line, 'seq', 'must be a whole number from 1 to 32767');
  const amount = text('amount');
  const bad = amount ? amountProblem(amount) : null;
  if (bad) return problem(line, 'amount', bad);
  const currency = text('currency').toUpperCase() || 'CNY';
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency))
    return problem(line, 'currency', `"${text('currency')}" is not an ISO 4217 currency code`);
  const flags: Record<string, boolean> = {};
  for (const column of ['offer_made', 'eligible']) {
    const flag = BOOLEANS[text(column).toLowerCase()];
    if (flag === undefined) return problem(line, column, 'must be true or false');
    flags[column] = flag;
  }
  const recordedAt = fileInstant(text('recorded_at'));
  if (!recordedAt) return problem(line, 'recorded_at', INSTANT_MESSAGE);
  return {
    row: line,
    source: text('source'),
    externalId: text('external_id'),
    seq: Number(seq),
    code: text('code'),
    productCode: text('product_code') || null,
    amount: amount || null,
    currency,
    offerMade: flags.offer_made,
    eligible: flags.eligible,
    recordedBy: text('recorded_by') || null,
    recordedAt,
  };
}

/** How an outcomes file is read (the kit's readRecordFile). */
const OUTCOME_FILE = { columns: OUTCOME_COLUMNS, maxRows: MAX_OUTCOME_FILE_ROWS, rowOf: outcomeRowOf };

export type ParsedOutcomeFile = RecordFile<OutcomeRow>;

/** A CSV outcomes file (header row; the columns above). */
export function readOutcomeCsv(source: CsvSource): Promise<ParsedOutcomeFile> {
  return readRecordFile(source, 'csv', OUTCOME_FILE);
}

/** An NDJSON outcomes file: one JSON object a line with the columns above as keys. */
export function readOutcomeNdjson(source: CsvSource): Promise<ParsedOutcomeFile> {
  return readRecordFile(source, 'ndjson', OUTCOME_FILE);
}
