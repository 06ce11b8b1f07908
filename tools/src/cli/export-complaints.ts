import { writeFile } from 'node:fs/promises';
import { CliError, type CliConnection } from './gateway-client';

/**
 * `switchboard export complaints --month YYYY-MM [--out file]`: care's monthly complaint report
 * (one row per complaint received in the month, the three JR/T 0169-2018 codes, the dates, the
 * customer masked), checked by care against the report's JSON schema before it is sent; written to
 * `complaints-YYYY-MM.csv` (or --out) only when the whole report arrived.
 */
export async function exportComplaints(
  connection: CliConnection,
  options: { month: string; out?: string },
  print: (line: string) => void,
): Promise<number> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) throw new CliError('--month must be a month YYYY-MM');
  const url = new URL(`/export/complaints?month=${options.month}`, connection.gatewayUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: connection.token ? { authorization: `Bearer ${connection.token}` } : {},
    });
  } catch {
    throw new CliError(`cannot reach the gateway at ${url.origin}; is the stack running (npm start)?`);
  }
  const body = await response.text();
  if (!response.ok) {
    let message = body.slice(0, 300);
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? message;
    } catch {
      // not JSON: the text as it came
    }
    throw new CliError(`the export was refused (HTTP ${response.status}): ${message}`);
  }
  const out = options.out ?? `complaints-${options.month}.csv`;
  await writeFile(out, body, 'utf8');
  print(`${response.headers.get('x-report-rows') ?? '?'} complaint(s) of ${options.month} written to ${out}`);
  return 0;
}
