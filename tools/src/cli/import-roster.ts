import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { callGateway, CliError, type CliConnection } from './gateway-client';

const MAX_BYTES = 8 * 1024 * 1024;

interface RosterReport {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  applied: boolean;
  problems: { row: number; employeeNo: string | null; field: string; message: string }[];
}

const IMPORT_ROSTER = `mutation($csv: String!, $options: RosterImportOptions) {
  importRoster(csv: $csv, options: $options) {
    read inserted updated unchanged rejected applied problems { row employeeNo field message }
  }
}`;

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Path of the reasons file written next to the input: roster.csv -> roster.rejected.csv */
export function rejectedPath(input: string): string {
  return input.replace(/(\.[^./]+)?$/, '.rejected.csv');
}

/**
 * `switchboard import roster <file.csv>`: uploads the file, prints the report, writes the rejected
 * rows' reasons next to the input. Returns the exit code: 0 all applied, 1 rows rejected.
 */
export async function importRoster(
  connection: CliConnection,
  file: string,
  options: { skipInvalidRows: boolean; dryRun: boolean },
  print: (line: string) => void,
): Promise<number> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  if (size > MAX_BYTES) throw new CliError(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB; split it`);
  const csv = readFileSync(file, 'utf8');
  print(`Importing roster ${file} (${size} bytes)${options.dryRun ? ' as a dry run' : ''}...`);
  const { importRoster: report } = await callGateway<{ importRoster: RosterReport }>(
    connection,
    IMPORT_ROSTER,
    {
      csv,
      options,
    },
  );
  print(
    `read ${report.read}, inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`,
  );
  if (report.problems.length) {
    const reasons = rejectedPath(file);
    const lines = [
      'row,employee_no,field,reason',
      ...report.problems.map((p) => [p.row, p.employeeNo, p.field, p.message].map(csvCell).join(',')),
    ];
    writeFileSync(reasons, `${lines.join('\n')}\n`);
    print(`${report.problems.length} problem(s) written to ${reasons}`);
  }
  if (!report.applied) {
    print(
      options.dryRun
        ? 'Dry run: nothing was written.'
        : 'Nothing was written: fix the rows above, or rerun with --skip-invalid-rows to import the valid rows only.',
    );
  }
  return report.rejected > 0 || (!report.applied && !options.dryRun) ? 1 : 0;
}
