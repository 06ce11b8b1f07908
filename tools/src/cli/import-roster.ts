import type { CliConnection } from './gateway-client';
import { streamImport, type ImportEvent } from './import-file';

export { rejectedPath } from './import-file';

export interface CheckedImportOptions {
  skipInvalidRows: boolean;
  dryRun: boolean;
}

/** The query string of a checked (all-or-nothing) import's flags. */
export function checkedQuery(options: CheckedImportOptions, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(extra);
  if (options.skipInvalidRows) query.set('skipInvalidRows', 'true');
  if (options.dryRun) query.set('dryRun', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The end of a checked import's output: reasons file, unknown columns, what was not written; the exit code. */
export function finishChecked(
  report: ImportEvent,
  reasons: { count: number; path: string },
  options: CheckedImportOptions,
  print: (line: string) => void,
): number {
  const unknown = (report.unknownColumns as string[] | undefined) ?? [];
  if (unknown.length) print(`ignored columns the import does not know: ${unknown.join(', ')}`);
  if (reasons.count) print(`${reasons.count} problem(s) written to ${reasons.path}`);
  if (!report.applied) {
    print(
      options.dryRun
        ? 'Dry run: nothing was written.'
        : 'Nothing was written: fix the rows above, or rerun with --skip-invalid-rows to import the valid rows only.',
    );
  }
  return Number(report.rejected) > 0 || (!report.applied && !options.dryRun) ? 1 : 0;
}

/**
 * `switchboard import roster <file.csv>`: streams the file through the gateway to staff (no size
 * limit), prints the report, writes the rejected rows' reasons next to the input. Returns the exit
 * code: 0 all applied, 1 rows rejected.
 */
export async function importRoster(
  connection: CliConnection,
  file: string,
  options: CheckedImportOptions,
  print: (line: string) => void,
): Promise<number> {
  print(`Importing roster ${file}${options.dryRun ? ' as a dry run' : ''}...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/roster${checkedQuery(options)}`,
    file,
    reasonColumns: 'employee',
  });
  print(
    `read ${String(report.read)}, inserted ${String(report.inserted)}, updated ${String(report.updated)}, unchanged ${String(report.unchanged)}, rejected ${String(report.rejected)}`,
  );
  return finishChecked(report, { count: reasons, path: reasonsPath }, options, print);
}
