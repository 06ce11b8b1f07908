import type { EntityManager } from '@mikro-orm/postgresql';
import { DataScope, readCsvFile, type CsvSource } from '@switchboard/subgraph-kit';
import { todayUtc } from '../common/dates';
import { Exam } from '../exam/exam.entity';
import { recordAttempts } from '../exam/attempt-recorder';
import type { AttemptRequest } from '../exam/attempt-plan';
import { unknownEmployeeNos } from '../roster/roster-client';
import { LMS_CSV, parseLmsExport, type LmsProblem } from './lms-csv';

export interface LmsImportResult {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  certificationsGranted: number;
  applied: boolean;
  /** Header columns the LMS import does not know: ignored. */
  unknownColumns: string[];
  problems: LmsProblem[];
}

const COLUMN_OF = { employeeNo: 'employee_no', takenOn: 'taken_on' } as const;

/** Thrown inside the transaction to roll it back when the import must write nothing. */
class RollBack extends Error {}

/**
 * Imports exam results from an LMS export: every row checked (format, exam code, agent known to
 * staff, attempt limits, dates), then all written in one transaction through the same recorder as
 * the API, with a constant number of statements. A file with bad rows writes nothing unless
 * `skipInvalidRows`; re-importing a file adds nothing (attempt ids are remembered per source).
 */
export class LmsImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: () => string = todayUtc,
  ) {}

  /** `file`: the CSV text (the GraphQL mutation) or a streamed body (POST /import/lms). */
  async import(
    file: CsvSource,
    source: string,
    options: { skipInvalidRows: boolean; dryRun: boolean; scope?: DataScope },
  ): Promise<LmsImportResult> {
    const csv = await readCsvFile(file, LMS_CSV);
    const parsed = parseLmsExport(csv, this.today());
    const problems = [...parsed.problems];
    const codes = [...new Set(parsed.rows.map((r) => r.examCode))];
    const exams = new Map(
      (codes.length ? await this.em.find(Exam, { code: { $in: codes } }) : []).map((e) => [e.code, e]),
    );
    // A writer limited to some centers imports only their agents' rows; nothing more is said of others.
    const scope = options.scope ?? DataScope.everything();
    const seen = parsed.rows.filter((r) => scope.seesAgent(r.employeeNo));
    const unknown = new Set(await unknownEmployeeNos(seen.map((r) => r.employeeNo)));
    const requests: AttemptRequest[] = [];
    for (const row of parsed.rows) {
      const exam = exams.get(row.examCode);
      if (!scope.seesAgent(row.employeeNo))
        problems.push({
          row: row.row,
          employeeNo: row.employeeNo,
          field: 'employee_no',
          message: 'outside your access scope',
        });
      else if (!exam)
        problems.push({
          row: row.row,
          employeeNo: row.employeeNo,
          field: 'exam',
          message: `no exam with code "${row.examCode}"`,
        });
      else if (unknown.has(row.employeeNo))
        problems.push({
          row: row.row,
          employeeNo: row.employeeNo,
          field: 'employee_no',
          message: `unknown agent ${row.employeeNo}`,
        });
      else
        requests.push({
          row: row.row,
          examId: exam.id,
          employeeNo: row.employeeNo,
          score: row.score,
          takenOn: row.takenOn,
          externalId: row.attemptId,
        });
    }
    let counts = { inserted: 0, duplicates: 0, certificationsGranted: 0 };
    let applied = false;
    try {
      await this.em.transactional(async (em) => {
        const recorded = await recordAttempts(em, requests, source);
        problems.push(
          ...recorded.problems.map((p) => ({
            row: p.row,
            employeeNo: p.employeeNo,
            field: COLUMN_OF[p.field],
            message: p.message,
          })),
        );
        counts = {
          inserted: recorded.attempts.length,
          duplicates: recorded.duplicates,
          certificationsGranted: recorded.certifications.length,
        };
        if ((problems.length && !options.skipInvalidRows) || options.dryRun) throw new RollBack();
        applied = true;
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    problems.sort((a, b) => a.row - b.row);
    const rejected = new Set(problems.map((p) => p.row)).size;
    return {
      read: parsed.read,
      ...(applied ? counts : { inserted: 0, duplicates: counts.duplicates, certificationsGranted: 0 }),
      rejected,
      applied,
      unknownColumns: csv.unknownColumns,
      problems,
    };
  }
}
