import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { checkedQuery, finishChecked, type CheckedImportOptions } from './import-roster';

/**
 * `switchboard import schedules <file.csv>`: streams a schedule export (employee_no, date, start,
 * end, activity; clock times in --timezone, default UTC) through the gateway to wfm, prints the
 * report, writes the rejected rows' reasons next to the input. Returns the exit code: 0 all
 * applied, 1 rows rejected.
 */
export async function importSchedules(
  connection: CliConnection,
  file: string,
  options: CheckedImportOptions & { timezone?: string },
  print: (line: string) => void,
): Promise<number> {
  print(`Importing schedules ${file}${options.dryRun ? ' as a dry run' : ''}...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/schedules${checkedQuery(options, options.timezone ? { timeZone: options.timezone } : {})}`,
    file,
    reasonColumns: 'employee',
  });
  print(
    `read ${String(report.read)}, agent-days inserted ${String(report.inserted)}, updated ${String(report.updated)}, unchanged ${String(report.unchanged)}, rejected rows ${String(report.rejected)}`,
  );
  return finishChecked(report, { count: reasons, path: reasonsPath }, options, print);
}
