import { localInstant, type ActivityKind } from '@switchboard/metrics';
import type { RowProblem } from '@switchboard/subgraph-kit';
import { isCalendarDate, type CsvFile, type CsvFileOptions } from '@switchboard/subgraph-kit';
import { isActivity } from './activity';

export const SCHEDULE_COLUMNS = ['employee_no', 'date', 'start', 'end', 'activity'] as const;
export const MAX_SCHEDULE_ROWS = 200_000;
export const SCHEDULE_CSV: CsvFileOptions = { columns: SCHEDULE_COLUMNS, maxRows: MAX_SCHEDULE_ROWS };

/** One good row: a segment of an agent's day, as instants. */
export interface ScheduleRow {
  row: number;
  employeeNo: string;
  date: string;
  start: Date;
  end: Date;
  activity: ActivityKind;
}

/** The natural key of an agent's day. */
export const dayKey = (employeeNo: string, date: string): string => JSON.stringify([employeeNo, date]);

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes of the day of `HH:MM[:SS]` (24:00 is the day's end), or null. Seconds must be :00. */
function minuteOfDay(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (min > 59 || s !== 0) return null;
  if (h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/**
 * The rows of a schedule export (employee_no, date, start, end, activity; clock times of `date` in
 * `timeZone`, as WFM tools and spreadsheets export them), each bad row reported by line and column:
 * a missing agent, a date that is no calendar day, a clock time that is none, an end not after its
 * start, an unknown activity; then segments of one agent's day that overlap (the later row).
 */
export function parseScheduleExport(
  csv: CsvFile,
  timeZone: string,
): { rows: ScheduleRow[]; problems: RowProblem[]; read: number; badDays: Set<string> } {
  const badDays = new Set<string>();
  const problems: RowProblem[] = csv.rejected.map((r) => ({
    row: r.line,
    employeeNo: null,
    field: r.field ?? 'csv',
    message: r.reason,
  }));
  const missing = SCHEDULE_COLUMNS.filter((c) => !csv.header.has(c));
  if (missing.length) {
    return {
      rows: [],
      read: csv.records.length + csv.rejected.length,
      badDays,
      problems: [
        {
          row: 1,
          employeeNo: null,
          field: missing[0],
          message: `the header has no ${missing.join(', ')} column`,
        },
      ],
    };
  }
  const rows: ScheduleRow[] = [];
  for (const record of csv.records) {
    const c = record.cells;
    const employeeNo = c.employee_no || null;
    const problem = (field: string, message: string) => {
      problems.push({ row: record.line, employeeNo, field, message });
      if (employeeNo && isCalendarDate(c.date)) badDays.add(dayKey(employeeNo, c.date));
    };
    if (!employeeNo) {
      problem('employee_no', 'is required');
      continue;
    }
    if (!isCalendarDate(c.date)) {
      problem('date', `"${c.date}" is not a date (YYYY-MM-DD)`);
      continue;
    }
    const start = minuteOfDay(c.start);
    const end = minuteOfDay(c.end);
    if (start === null || start === 24 * 60) {
      problem('start', `"${c.start}" is not a time of day (HH:MM)`);
      continue;
    }
    if (end === null) {
      problem('end', `"${c.end}" is not a time of day (HH:MM, 24:00 for midnight)`);
      continue;
    }
    if (end <= start) {
      problem('end', `${c.end} is not after the start ${c.start}`);
      continue;
    }
    const activity = c.activity.toUpperCase();
    if (!isActivity(activity)) {
      problem('activity', `unknown activity "${c.activity}"`);
      continue;
    }
    rows.push({
      row: record.line,
      employeeNo,
      date: c.date,
      start: localInstant(c.date, start, timeZone),
      end: localInstant(c.date, end, timeZone),
      activity,
    });
  }
  // overlapping segments of one agent's day: the later row is refused
  const byDay = new Map<string, ScheduleRow[]>();
  for (const row of rows) {
    const key = dayKey(row.employeeNo, row.date);
    byDay.set(key, [...(byDay.get(key) ?? []), row]);
  }
  const overlapping = new Set<ScheduleRow>();
  for (const day of byDay.values()) {
    const sorted = [...day].sort((a, b) => a.start.getTime() - b.start.getTime() || a.row - b.row);
    let last: ScheduleRow | null = null;
    for (const row of sorted) {
      if (last && row.start < last.end) {
        const later = row.row > last.row ? row : last;
        const other = later === row ? last : row;
        overlapping.add(later);
        badDays.add(dayKey(later.employeeNo, later.date));
        problems.push({
          row: later.row,
          employeeNo: later.employeeNo,
          field: 'start',
          message: `overlaps the segment of line ${other.row}`,
        });
        if (later === last) last = row;
        continue;
      }
      last = row;
    }
  }
  return {
    rows: rows.filter((r) => !overlapping.has(r)),
    problems,
    read: csv.records.length + csv.rejected.length,
    badDays,
  };
}
