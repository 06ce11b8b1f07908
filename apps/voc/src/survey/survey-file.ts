import {
  fileInstant,
  INSTANT_MESSAGE,
  readRecordFile,
  rowProblem,
  type CsvSource,
  type RecordFile,
  type RowProblem,
} from '@switchboard/subgraph-kit';
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

const problem = rowProblem;

/** One record's cells (text) -> a row, or its first problem. */
export function surveyRowOf(line: number, cells: Record<string, string>): SurveyRow | RowProblem {
  const text = (column: string) => (cells[column] ?? '').trim();
  const instant = (column: string): Date | null | RowProblem => {
    const value = text(column);
    if (!value) return null;
    return fileInstant(value) ?? problem(line, column, INSTANT_MESSAGE);
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

export type ParsedSurveyFile = RecordFile<SurveyRow>;

/** How a survey export is read (the kit's readRecordFile). */
const SURVEY_FILE = { columns: SURVEY_COLUMNS, maxRows: MAX_SURVEY_FILE_ROWS, rowOf: surveyRowOf };

/** A CSV survey export (header row; the columns above). */
export function readSurveyCsv(source: CsvSource): Promise<ParsedSurveyFile> {
  return readRecordFile(source, 'csv', SURVEY_FILE);
}

/** An NDJSON survey export: one JSON object a line with the columns above as keys. */
export function readSurveyNdjson(source: CsvSource): Promise<ParsedSurveyFile> {
  return readRecordFile(source, 'ndjson', SURVEY_FILE);
}
