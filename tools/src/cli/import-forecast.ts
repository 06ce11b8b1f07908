import type { CliConnection } from './gateway-client';
import { streamImport } from './import-file';
import { checkedQuery, finishChecked, type CheckedImportOptions } from './import-roster';

/** The wfm route and its parameters for `switchboard import forecast`'s options. */
export function forecastImportPath(
  options: CheckedImportOptions & { intervalMinutes?: string; timezone?: string },
): string {
  return `/import/forecast${checkedQuery(options, {
    ...(options.intervalMinutes ? { intervalMinutes: options.intervalMinutes } : {}),
    ...(options.timezone ? { timeZone: options.timezone } : {}),
  })}`;
}

/**
 * `switchboard import forecast <file.csv>`: streams the forecasts a bank made in another WFM tool
 * (queue, channel, interval_start, offered, aht, p10, p90, source) through the gateway to wfm,
 * prints the report, writes the rejected rows' reasons next to the input. Returns the exit code: 0 all applied, 1 rows rejected.
 */
export async function importForecast(
  connection: CliConnection,
  file: string,
  options: CheckedImportOptions & { intervalMinutes?: string; timezone?: string },
  print: (line: string) => void,
): Promise<number> {
  print(`Importing an external forecast ${file}${options.dryRun ? ' as a dry run' : ''}...`);
  const { report, reasons, reasonsPath } = await streamImport(connection, {
    path: forecastImportPath(options),
    file,
    reasonColumns: 'line',
  });
  print(
    `read ${String(report.read)}, forecast runs kept ${String(report.written)}, already kept ${String(report.unchanged)}, rejected ${String(report.rejected)}`,
  );
  return finishChecked(report, { count: reasons, path: reasonsPath }, options, print);
}
