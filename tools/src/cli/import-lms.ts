import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { checkedQuery, finishChecked, type CheckedImportOptions } from './import-roster';

/**
 * `switchboard import lms <file.csv>`: streams an LMS export (attempt_id, employee_no, exam, score,
 * taken_on) through the gateway to training, prints the report, writes the rejected rows' reasons
 * next to the input. Returns the exit code: 0 all applied, 1 rows rejected.
 */
export async function importLms(
  connection: CliConnection,
  file: string,
  options: CheckedImportOptions & { source?: string },
  print: (line: string) => void,
): Promise<number> {
  print(`Importing exam results ${file}${options.dryRun ? ' as a dry run' : ''}...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/lms${checkedQuery(options, options.source ? { source: options.source } : {})}`,
    file,
    reasonColumns: 'employee',
  });
  print(
    `read ${String(report.read)}, inserted ${String(report.inserted)}, duplicates ${String(report.duplicates)}, rejected ${String(report.rejected)}, certifications granted ${String(report.certificationsGranted)}`,
  );
  return finishChecked(report, { count: reasons, path: reasonsPath }, options, print);
}
