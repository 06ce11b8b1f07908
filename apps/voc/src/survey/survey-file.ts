import { badUserInput } from '@switchboard/server';
import { readCsvFile, type CsvSource, type RowProblem } from '@switchboard/subgraph-kit';
import { INVITATION_STATUSES, type InvitationStatus } from '../model/enums';
import type { SurveyRow } from './survey-import.service';

/** The columns of a survey export (CSV header, or NDJSON keys). */
export const SURVEY_COLUMNS = [
  'invitation_id',
  'form_code',
  'form_revision',
  'contact_source',
  'contact_external_id',
  'sent_at',
  'status',
  'answered_at',
  'score',
  'verbatim',
] as const;

/** Rows per file: more is refused (split the file). */
export const MAX_SURVEY_FILE_ROWS = 50_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const problem = (row: number, field: string, message: string): RowProblem => ({
  row,
  employeeNo: null,
  field,
  message,
});

/** One record's cells (text) -> a row, or its first problem. */
export function surveyRowOf(line: number, cells: Record<string, string>): SurveyRow | RowProblem {
  const text = (column: string) => (cells[column] ?? '').trim();
  const instant = (column: string): Date | null | RowProblem => {
    const value = text(column);
    if (!value) return null;
    const date = new Date(value);
    return INSTANT.test(value) && Number.isFinite(date.getTime())
      ? date
      : problem(line, column, 'must be an instant with its offset, e.g. 2026-11-10T09:30:00+08:00');
  };
  const integer = (column: string): number | null | RowProblem => {
    const value = text(column);
    if (!value) return null;
    return /^-?\d+$/.test(value) ? Number(value) : problem(line, column, 'must be a whole number');
  };
  for (const column of [
    'invitation_id',
    'form_code',
    'contact_source',
    'contact_external_id',
    'sent_at',
    'status',
  ])
    if (!text(column)) return problem(line, column, 'is required');
  const status = text('status').toUpperCase();
  if (!(INVITATION_STATUSES as readonly string[]).includes(status))
    return problem(line, 'status', `must be one of ${INVITATION_STATUSES.join(', ')}`);
  const sentAt = instant('sent_at');
  const answeredAt = instant('answered_at');
  const score = integer('score');
  const formRevision = integer('form_revision');
  for (const value of [sentAt, answeredAt, score, formRevision])
    if (value !== null && typeof value === 'object' && 'field' in value) return value;
  return {
    row: line,
    invitationKey: text('invitation_id'),
    formCode: text('form_code'),
    formRevision: formRevision as number | null,
    contactSource: text('contact_source'),
    contactExternalId: text('contact_external_id'),
    sentAt: sentAt as Date,
    status: status as InvitationStatus,
    answeredAt: answeredAt as Date | null,
    score: score as number | null,
    verbatim: text('verbatim') || null,
  };
}

export interface ParsedSurveyFile {
  rows: SurveyRow[];
  problems: RowProblem[];
  read: number;
}

const isProblem = (item: SurveyRow | RowProblem): item is RowProblem => 'field' in item;

function collect(items: (SurveyRow | RowProblem)[], problems: RowProblem[], read: number): ParsedSurveyFile {
  const rows: SurveyRow[] = [];
  for (const item of items) {
    if (isProblem(item)) problems.push(item);
    else rows.push(item);
  }
  return { rows, problems, read };
}

/** A CSV survey export (header row; the columns above). */
export async function readSurveyCsv(source: CsvSource): Promise<ParsedSurveyFile> {
  const file = await readCsvFile(source, { columns: SURVEY_COLUMNS, maxRows: MAX_SURVEY_FILE_ROWS });
  const problems = file.rejected.map((r) => problem(r.line, r.field ?? 'csv', r.reason));
  return collect(
    file.records.map((r) => surveyRowOf(r.line, r.cells)),
    problems,
    file.records.length + file.rejected.length,
  );
}

/** An NDJSON survey export: one JSON object a line with the columns above as keys. */
export async function readSurveyNdjson(source: CsvSource): Promise<ParsedSurveyFile> {
  let text = '';
  if (typeof source === 'string') text = source;
  else for await (const chunk of source) text += chunk.toString();
  const lines = text.split('\n');
  const items: (SurveyRow | RowProblem)[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      items.push(problem(i + 1, 'json', 'is not JSON'));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      items.push(problem(i + 1, 'json', 'must be an object'));
      return;
    }
    const cells = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k.toLowerCase(),
        v == null ? '' : String(v),
      ]),
    );
    items.push(surveyRowOf(i + 1, cells));
  });
  if (items.length > MAX_SURVEY_FILE_ROWS)
    throw badUserInput({
      field: 'file',
      message: `has more than ${MAX_SURVEY_FILE_ROWS} rows; split the file`,
    });
  if (!items.length) throw badUserInput({ field: 'file', message: 'has no data rows' });
  return collect(items, [], items.length);
}
