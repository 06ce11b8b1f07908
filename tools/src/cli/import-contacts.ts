import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import { CliError, type CliConnection } from './gateway-client';
import { rejectedPath } from './import-roster';

export const CONTACT_FORMATS = ['csv', 'ndjson', 'queue_log'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

export interface ContactImportOptions {
  format?: string;
  source?: string;
  timezone?: string;
}

interface ImportEvent {
  type: 'progress' | 'rejected' | 'report' | 'error';
  read?: number;
  inserted?: number;
  duplicates?: number;
  rejected?: number;
  agentStates?: number;
  line?: number;
  field?: string;
  reason?: string;
  message?: string;
}

/** The format a file's name suggests: *.ndjson/*.jsonl, queue_log*, else CSV. */
export function formatFromName(file: string): ContactFormat {
  if (/\.(nd)?jsonl?$|\.ndjson$/i.test(file)) return 'ndjson';
  if (/queue_log/i.test(file)) return 'queue_log';
  return 'csv';
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function progressBar(sent: number, total: number, event: ImportEvent | null): string {
  const share = total ? Math.min(1, sent / total) : 1;
  const width = 30;
  const filled = Math.round(share * width);
  const counts = event
    ? `  read ${event.read}, inserted ${event.inserted}, duplicates ${event.duplicates}, rejected ${event.rejected}`
    : '';
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%${counts}`;
}

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
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const url = new URL('/import/contacts', connection.gatewayUrl);
  url.searchParams.set('format', format);
  if (options.source) url.searchParams.set('source', options.source);
  if (options.timezone) url.searchParams.set('timezone', options.timezone);
  const tty = process.stderr.isTTY === true;
  let sent = 0;
  let last: ImportEvent | null = null;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      if (tty) process.stderr.write(progressBar(sent, size, last));
      done(null, chunk);
    },
  });
  print(`Importing ${file} (${format}, ${(size / 1e6).toFixed(1)} MB) into ${url.origin}...`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(connection.token ? { authorization: `Bearer ${connection.token}` } : {}),
      },
      body: Readable.toWeb(createReadStream(file).pipe(counter)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new CliError(
      `cannot reach the gateway at ${url.origin}${cause ? ` (${cause})` : ''}; is the stack running (npm start)?`,
    );
  }
  if (!response.ok || !response.body) {
    const body = await response.text();
    let message = body;
    try {
      message = (JSON.parse(body) as ImportEvent).message ?? body;
    } catch {
      // not JSON: show as is
    }
    throw new CliError(`the import was refused (HTTP ${response.status}): ${message}`);
  }
  let reasons: WriteStream | null = null;
  let report: ImportEvent | null = null;
  const events = createInterface({
    input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    crlfDelay: Infinity,
  });
  for await (const line of events) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as ImportEvent;
    if (event.type === 'progress') {
      last = event;
      if (tty) process.stderr.write(progressBar(sent, size, last));
    } else if (event.type === 'rejected') {
      if (!reasons) {
        reasons = createWriteStream(rejectedPath(file));
        reasons.write('line,field,reason\n');
      }
      reasons.write(`${[event.line ?? '', event.field ?? '', event.reason ?? ''].map(csvCell).join(',')}\n`);
    } else if (event.type === 'report') {
      report = event;
    } else if (event.type === 'error') {
      if (reasons) await new Promise((done) => (reasons as WriteStream).end(done));
      throw new CliError(event.message ?? 'the import failed');
    }
  }
  if (tty) process.stderr.write('\n');
  if (reasons) await new Promise((done) => (reasons as WriteStream).end(done));
  if (!report)
    throw new CliError(
      'the traffic service closed the connection before the report; rerun the same file to finish',
    );
  print(
    `read ${report.read}, inserted ${report.inserted}, duplicates ${report.duplicates}, rejected ${report.rejected}`,
  );
  if (report.agentStates) print(`agent-state events stored: ${report.agentStates}`);
  if (reasons) print(`reasons for rejected records written to ${rejectedPath(file)}`);
  return (report.rejected ?? 0) > 0 ? 1 : 0;
}
