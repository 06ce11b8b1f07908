import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { surveyFormat } from './import-surveys';

/**
 * `switchboard import cases <file>`: streams a CRM export of cases (CSV or NDJSON: crm_source,
 * crm_case_id, contacts as `source:externalId|…`, type, category_code, title, priority,
 * owner_agent_no, owner_team_id, department, center_id, status, opened_at, status_at and optionally
 * one commitment: commitment_kind, commitment_due, commitment_channel) through the gateway to care,
 * prints the report, writes the rejected rows' reasons next to the input. Keyed by (crm_source,
 * crm_case_id): importing the same file again adds nothing. Returns the exit code: 0 every row
 * imported, 1 rows rejected.
 */
export async function importCases(
  connection: CliConnection,
  file: string,
  options: { format?: string },
  print: (line: string) => void,
): Promise<number> {
  const format = surveyFormat(file, options.format);
  print(`Importing cases ${file} (${format})...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/cases?format=${format}`,
    file,
    reasonColumns: 'line',
  });
  print(
    `read ${String(report.read)}, cases inserted ${String(report.inserted)} (with a commitment: ${String(report.commitments)}), already imported ${String(report.unchanged)}, rejected ${String(report.rejected)}`,
  );
  if (reasons) print(`${reasons} problem(s) written to ${reasonsPath}`);
  return Number(report.rejected) > 0 ? 1 : 0;
}
