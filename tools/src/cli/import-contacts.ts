import { CliError, type CliConnection } from './gateway-client';
import { importableSize, streamImport, type ImportEvent } from './import-file';

export const CONTACT_FORMATS = ['csv', 'ndjson', 'queue_log'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

export interface ContactImportOptions {
  format?: string;
  source?: string;
  timezone?: string;
}

/** The format a file's name suggests: *.ndjson/*.jsonl, queue_log*, else CSV. */
export function formatFromName(file: string): ContactFormat {
  if (/\.(nd)?jsonl?$|\.ndjson$/i.test(file)) return 'ndjson';
  if (/queue_log/i.test(file)) return 'queue_log';
  return 'csv';
}

const counts = (e: ImportEvent): string =>
  `  read ${String(e.read)}, inserted ${String(e.inserted)}, duplicates ${String(e.duplicates)}, rejected ${String(e.rejected)}`;

/**
 * `switchboard import contacts <file>`: streams the file through the gateway to the traffic service, shows progress,
 * ends with the report; reasons for rejected records go to <file>.rejected.csv. Exit code 0 when
 * nothing was rejected, 1 when something was.
 */
export async function importContactsFile(
  connection: CliConnection,
  file: string,
  options: ContactImportOptions,
  print: (line: string) => void,
): Promise<number> {
  const format = (options.format ?? formatFromName(file)) as ContactFormat;
  if (!CONTACT_FORMATS.includes(format))
    throw new CliError(`--format must be one of ${CONTACT_FORMATS.join(', ')}`);
  const size = importableSize(file);
  const query = new URLSearchParams({ format });
  if (options.source) query.set('source', options.source);
  if (options.timezone) query.set('timezone', options.timezone);
  const path = `/import/contacts?${query.toString()}`;
  print(
    `Importing ${file} (${format}, ${(size / 1e6).toFixed(1)} MB) into ${new URL(connection.gatewayUrl).origin}...`,
  );
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path,
    file,
    reasonColumns: 'line',
    progress: counts,
  });
  print(counts(report).trim());
  const lines = Number(report.lines ?? 0);
  const blank = Number(report.blankLines ?? 0);
  if (lines) print(`lines ${lines}${blank ? ` (${blank} blank)` : ''}`);
  const unknown = (report.unknownColumns as string[] | undefined) ?? [];
  if (unknown.length) print(`ignored columns the contract does not know: ${unknown.join(', ')}`);
  if (report.agentStates) print(`agent-state events stored: ${String(report.agentStates)}`);
  if (reasons) print(`reasons for rejected records written to ${reasonsPath}`);
  return Number(report.rejected ?? 0) > 0 ? 1 : 0;
}
