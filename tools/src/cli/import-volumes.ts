import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { checkedQuery, finishChecked, type CheckedImportOptions } from './import-roster';

/**
 * `switchboard import volumes <file.csv>`: streams interval history (queue, channel, interval_start,
 * offered, aht) from another WFM tool through the gateway to wfm, prints the report, writes the
 * rejected rows' reasons next to the input. Returns the exit code: 0 all applied, 1 rows rejected.
 */
export async function importVolumes(
  connection: CliConnection,
  file: string,
  options: CheckedImportOptions & { intervalMinutes?: string },
  print: (line: string) => void,
): Promise<number> {
  print(`Importing interval volumes ${file}${options.dryRun ? ' as a dry run' : ''}...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: `/import/volumes${checkedQuery(options, options.intervalMinutes ? { intervalMinutes: options.intervalMinutes } : {})}`,
    file,
    reasonColumns: 'line',
  });
  print(
    `read ${String(report.read)}, intervals written ${String(report.written)}, rejected ${String(report.rejected)}`,
  );
  return finishChecked(report, { count: reasons, path: reasonsPath }, options, print);
}
