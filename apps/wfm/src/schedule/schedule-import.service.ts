import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import {
  DataScope,
  isTimeZone,
  readCsvFile,
  type CsvSource,
  type RowProblem,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import type { StoredSegment } from './schedule.entity';
import { dayKey, parseScheduleExport, SCHEDULE_CSV, type ScheduleRow } from './schedule-csv';

export interface ScheduleImportResult {
  read: number;
  /** Agent-days written for the first time. */
  inserted: number;
  /** Agent-days whose segments the file changed (replaced). */
  updated: number;
  /** Agent-days already stored with the same segments. */
  unchanged: number;
  rejected: number;
  applied: boolean;
  unknownColumns: string[];
  problems: RowProblem[];
}

export interface ScheduleImportOptions {
  timeZone: string;
  skipInvalidRows: boolean;
  dryRun: boolean;
}

interface DayPlan {
  employeeNo: string;
  date: string;
  segments: StoredSegment[];
}

const EXISTING = `select s.employee_no, s.date::text as date, s.segments
  from wfm_schedule s
  join json_to_recordset(?::json) as k(employee_no text, date date) on k.employee_no = s.employee_no and k.date = s.date`;

const UPSERT = `insert into wfm_schedule (id, employee_no, date, time_zone, segments, created_by, created_at, updated_at, version)
  select gen_random_uuid(), d.employee_no, d.date, d.time_zone, d.segments, ?, now(), now(), 1
  from json_to_recordset(?::json) as d(employee_no text, date date, time_zone text, segments jsonb)
  on conflict (employee_no, date) do update
    set segments = excluded.segments, time_zone = excluded.time_zone, updated_at = now(),
        version = wfm_schedule.version + 1
    where wfm_schedule.segments is distinct from excluded.segments`;

const key = dayKey;

/**
 * Imports a schedule export: every row checked (columns, dates, clock times, activity, overlapping
 * segments, agent known to staff through the gateway in one batched lookup, agent in the caller's
 * scope), then every agent-day written in two statements whatever the file's size. An agent-day is
 * replaced whole by the file's segments of that day; re-importing a file changes nothing. A file
 * with bad rows writes nothing unless `skipInvalidRows` (then a day with a bad row is left as it was).
 */
export class ScheduleImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly ctx: Pick<SubgraphContext, 'knownReferences'>,
  ) {}

  async import(
    file: CsvSource,
    options: ScheduleImportOptions & { scope?: DataScope; createdBy: string },
  ): Promise<ScheduleImportResult> {
    if (!isTimeZone(options.timeZone))
      throw badUserInput({ field: 'timeZone', message: `"${options.timeZone}" is not an IANA time zone` });
    const csv = await readCsvFile(file, SCHEDULE_CSV);
    const parsed = parseScheduleExport(csv, options.timeZone);
    const problems = [...parsed.problems];
    const scope = options.scope ?? DataScope.everything();
    const inScope = parsed.rows.filter((r) => scope.seesAgent(r.employeeNo));
    const known = await this.ctx.knownReferences(
      'agent',
      inScope.map((r) => r.employeeNo),
    );
    const good = new Set<ScheduleRow>();
    for (const row of parsed.rows) {
      const problem = (message: string) =>
        problems.push({ row: row.row, employeeNo: row.employeeNo, field: 'employee_no', message });
      if (!scope.seesAgent(row.employeeNo)) problem('outside your access scope');
      else if (!known.has(row.employeeNo)) problem(`unknown agent ${row.employeeNo}`);
      else good.add(row);
    }
    // a day with a bad row is never written in part
    const badDays = new Set(parsed.badDays);
    for (const row of parsed.rows) if (!good.has(row)) badDays.add(key(row.employeeNo, row.date));
    const days = new Map<string, DayPlan>();
    for (const row of good) {
      const k = key(row.employeeNo, row.date);
      if (badDays.has(k)) continue;
      const day = days.get(k) ?? { employeeNo: row.employeeNo, date: row.date, segments: [] };
      day.segments.push({
        start: row.start.toISOString(),
        end: row.end.toISOString(),
        activity: row.activity,
      });
      days.set(k, day);
    }
    for (const day of days.values()) day.segments.sort((a, b) => a.start.localeCompare(b.start));

    const plans = [...days.values()];
    const existing = plans.length
      ? await this.em.execute<{ employee_no: string; date: string; segments: StoredSegment[] }[]>(EXISTING, [
          JSON.stringify(plans.map((p) => ({ employee_no: p.employeeNo, date: p.date }))),
        ])
      : [];
    const stored = new Map(existing.map((e) => [key(e.employee_no, e.date), e.segments]));
    const same = (a: StoredSegment[], b: StoredSegment[]) =>
      a.length === b.length &&
      a.every(
        (s, i) =>
          new Date(s.start).getTime() === new Date(b[i].start).getTime() &&
          new Date(s.end).getTime() === new Date(b[i].end).getTime() &&
          s.activity === b[i].activity,
      );
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: DayPlan[] = [];
    for (const plan of plans) {
      const before = stored.get(key(plan.employeeNo, plan.date));
      if (!before) inserted += 1;
      else if (same(before, plan.segments)) {
        unchanged += 1;
        continue;
      } else updated += 1;
      changed.push(plan);
    }
    problems.sort((a, b) => a.row - b.row);
    const apply = !options.dryRun && (problems.length === 0 || options.skipInvalidRows);
    if (apply && changed.length) {
      await this.em.execute(UPSERT, [
        options.createdBy,
        JSON.stringify(
          changed.map((p) => ({
            employee_no: p.employeeNo,
            date: p.date,
            time_zone: options.timeZone,
            segments: p.segments,
          })),
        ),
      ]);
    }
    return {
      read: parsed.read,
      inserted: apply ? inserted : 0,
      updated: apply ? updated : 0,
      unchanged,
      rejected: new Set(problems.map((p) => p.row)).size,
      applied: apply,
      unknownColumns: csv.unknownColumns,
      problems,
    };
  }
}
