import { CliError, type CliConnection } from './gateway-client';
import { streamImport } from './import-file';

/** The file's format: the option, else its name (.ndjson / .jsonl), else CSV. */
export function surveyFormat(file: string, format?: string): 'csv' | 'ndjson' {
  const chosen = format ?? (/\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : 'csv');
  if (chosen !== 'csv' && chosen !== 'ndjson')
    throw new CliError(`--format must be csv or ndjson, not ${chosen}`);
  return chosen;
}

/**
 * `switchboard import surveys <file> --center <id>`: streams a survey platform's export (CSV or
 * NDJSON: invitation_id, form_code, form_revision, contact_source, contact_external_id, sent_at,
 * status, answered_at, score, verbatim) through the gateway to voc, prints the report, writes the
 * rejected rows' reasons next to the input. Importing the same file again changes nothing. Returns
 * the exit code: 0 every row imported, 1 rows rejected.
 */
export async function importSurveys(
  connection: CliConnection,
  file: string,
  options: { center: string; format?: string },
  print: (line: string) => void,
): Promise<number> {
  const format = surveyFormat(file, options.format);
  print(`Importing surveys ${file} (${format})...`);
  const query = new URLSearchParams({ center: options.center, format });
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/surveys?${query.toString()}`,
    file,
    reasonColumns: 'line',
  });
  print(
    `read ${String(report.read)}, invitations created ${String(report.invitationsCreated)}, updated ${String(report.invitationsUpdated)}, responses ${String(report.responsesRecorded)}, unchanged ${String(report.unchanged)}, rejected ${String(report.rejected)}`,
  );
  if (reasons) print(`${reasons} problem(s) written to ${reasonsPath}`);
  return Number(report.rejected) > 0 ? 1 : 0;
}
