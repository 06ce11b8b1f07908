import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { surveyFormat } from './import-surveys';

/**
 * `switchboard import outcomes <file>`: streams contact outcomes (CSV or NDJSON: source, external_id,
 * seq, code, product_code, amount, currency, offer_made, eligible, recorded_by, recorded_at) through
 * the gateway to traffic, prints the report, writes the rejected rows' reasons next to the input.
 * Outcomes of contacts not imported yet are held until they arrive; importing the same file again
 * changes nothing. Returns the exit code: 0 every row imported, 1 rows rejected.
 */
export async function importOutcomes(
  connection: CliConnection,
  file: string,
  options: { format?: string },
  print: (line: string) => void,
): Promise<number> {
  const format = surveyFormat(file, options.format);
  print(`Importing outcomes ${file} (${format})...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/outcomes?format=${format}`,
    file,
    reasonColumns: 'line',
  });
  print(
    `read ${String(report.read)}, inserted ${String(report.inserted)} (held until their contact arrives: ${String(report.held)}), duplicates ${String(report.duplicates)}, rejected ${String(report.rejected)}`,
  );
  if (reasons) print(`${reasons} problem(s) written to ${reasonsPath}`);
  return Number(report.rejected) > 0 ? 1 : 0;
}
