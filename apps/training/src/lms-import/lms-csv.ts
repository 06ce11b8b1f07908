import { badUserInput } from '@switchboard/server';
import {
  isCalendarDate,
  type CsvFile,
  type CsvFileOptions,
  type RowProblem,
} from '@switchboard/subgraph-kit';
import { EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

/** LMS export columns (header names, case-insensitive; extra columns are ignored). */
export const LMS_COLUMNS = ['attempt_id', 'employee_no', 'exam', 'score', 'taken_on'] as const;
type LmsColumn = (typeof LMS_COLUMNS)[number];

export const MAX_LMS_ROWS = 100_000;

/** How an LMS export is read (readCsvFile). */
export const LMS_CSV: CsvFileOptions = { columns: LMS_COLUMNS, maxRows: MAX_LMS_ROWS };

/** A bad row of the file: the kit's one problem shape (line, employee, column, message). */
export type LmsProblem = RowProblem;

export interface LmsRow {
  row: number;
  attemptId: string;
  employeeNo: string;
  examCode: string;
  score: number;
  takenOn: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** Which LMS a file comes from (attempt ids are unique per source). */
export const LMS_SOURCE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const LMS_SOURCE_MESSAGE = 'source must be 1-64 letters, digits, ".", "_" or "-"';

/** Parses and checks every row on its own (exams and agents are checked against the stores later). */
export function parseLmsExport(
  file: CsvFile,
  today: string,
): { rows: LmsRow[]; problems: LmsProblem[]; read: number } {
  const { header, records } = file;
  for (const column of LMS_COLUMNS) {
    if (!header.has(column)) throw badUserInput({ field: 'csv', message: `has no "${column}" column` });
  }
  const rows: LmsRow[] = [];
  // lines that are no record (not CSV, not UTF-8, a NUL, too many fields) are their rows' problems
  const problems: LmsProblem[] = file.rejected.map(({ line, field, reason }) => ({
    row: line,
    employeeNo: null,
    field: field ?? 'line',
    message: reason,
  }));
  const firstRowOf = new Map<string, number>();
  for (const { line: row, cells } of records) {
    const value = (column: LmsColumn): string => cells[column] ?? '';
    const employeeNo = value('employee_no') || null;
    const own: LmsProblem[] = [];
    const problem = (field: LmsColumn, message: string) => own.push({ row, employeeNo, field, message });
    const attemptId = value('attempt_id');
    if (!attemptId) problem('attempt_id', 'is required');
    else if (attemptId.length > 100) problem('attempt_id', 'must be at most 100 characters');
    else if (firstRowOf.has(attemptId))
      problem('attempt_id', `"${attemptId}" appears again (first on row ${firstRowOf.get(attemptId)})`);
    else firstRowOf.set(attemptId, row);
    if (!employeeNo) problem('employee_no', 'is required');
    else if (!EMPLOYEE_NO_PATTERN.test(employeeNo)) problem('employee_no', EMPLOYEE_NO_MESSAGE);
    if (!value('exam')) problem('exam', 'is required');
    const score = value('score');
    if (!NUMBER.test(score) || Number(score) > 100) problem('score', 'must be a number between 0 and 100');
    const takenOn = value('taken_on');
    if (!isCalendarDate(takenOn)) problem('taken_on', 'must be a date YYYY-MM-DD');
    else if (takenOn > today) problem('taken_on', 'must not be in the future');
    if (own.length) {
      problems.push(...own);
      continue;
    }
    rows.push({
      row,
      attemptId,
      employeeNo: employeeNo ?? '',
      examCode: value('exam'),
      score: Number(score),
      takenOn,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems, read: records.length + file.rejected.length };
}
