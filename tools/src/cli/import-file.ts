import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { CliError, type CliConnection } from './gateway-client';

/** One NDJSON event of a streamed import's answer. */
export interface ImportEvent {
  type: 'progress' | 'rejected' | 'report' | 'error';
  line?: number;
  field?: string;
  reason?: string;
  employeeNo?: string | null;
  code?: string;
  message?: string;
  [count: string]: unknown;
}

/** Path of the reasons file written next to the input: roster.csv -> roster.rejected.csv */
export function rejectedPath(input: string): string {
  return input.replace(/(\.[^./]+)?$/, '.rejected.csv');
}

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The size of a file that can be imported; a clear CliError for what cannot (issue 17). */
export function importableSize(file: string): number {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `cannot read ${file}: there is no such file`
        : `cannot read ${file} (${code ?? 'error'})`,
    );
  }
  if (stats.isDirectory()) throw new CliError(`cannot read ${file}: it is a directory, not a file`);
  if (!stats.isFile()) throw new CliError(`cannot read ${file}: it is not a regular file`);
  if (stats.size === 0)
    throw new CliError(`cannot read ${file}: the file is empty, there is nothing to import`);
  return stats.size;
}

export interface StreamedImport {
  /** Route and query string, e.g. `/import/roster?dryRun=true`. */
  path: string;
  file: string;
  /** Columns of the reasons file: `line,field,reason`, or with the employee number (roster, LMS). */
  reasonColumns: 'line' | 'employee';
  /** Progress line for a terminal: the running counts of a progress event. */
  progress?: (event: ImportEvent) => string;
}

function progressBar(sent: number, total: number, counts: string): string {
  const share = total ? Math.min(1, sent / total) : 1;
  const width = 30;
  const filled = Math.round(share * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%${counts}`;
}

async function refusal(response: Response): Promise<CliError> {
  const body = await response.text();
  let message = body;
  let code = '';
  try {
    const event = JSON.parse(body) as ImportEvent & { errors?: { extensions?: { code?: string } }[] };
    message = event.message ?? body;
    code = event.code ?? event.errors?.[0]?.extensions?.code ?? '';
  } catch {
    // not JSON: show as is
  }
  return new CliError(
    `the import was refused (HTTP ${response.status}${code ? ` ${code}` : ''}): ${message}`,
  );
}

/**
 * Streams a file through the gateway to the import route that reads it (the file is never held in
 * memory, so no request size limit applies), shows progress on a terminal, writes the reasons for
 * rejected rows next to the file, and returns the report and the number of reasons written.
 */
export async function streamImport(
  connection: CliConnection,
  options: StreamedImport,
): Promise<{ report: ImportEvent; reasons: number; reasonsPath: string }> {
  const { file } = options;
  const size = importableSize(file);
  const url = new URL(options.path, connection.gatewayUrl);
  const tty = process.stderr.isTTY === true;
  let sent = 0;
  let counts = '';
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      if (tty) process.stderr.write(progressBar(sent, size, counts));
      done(null, chunk);
    },
  });
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
  if (!response.ok || !response.body) throw await refusal(response);
  const reasonsPath = rejectedPath(file);
  let out: WriteStream | null = null;
  let reasons = 0;
  let report: ImportEvent | null = null;
  const close = async (): Promise<void> => {
    if (out) await new Promise((done) => (out as WriteStream).end(done));
  };
  const events = createInterface({
    input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    crlfDelay: Infinity,
  });
  for await (const line of events) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as ImportEvent;
    if (event.type === 'progress') {
      counts = options.progress?.(event) ?? '';
      if (tty) process.stderr.write(progressBar(sent, size, counts));
    } else if (event.type === 'rejected') {
      if (!out) {
        out = createWriteStream(reasonsPath);
        out.write(
          options.reasonColumns === 'line' ? 'line,field,reason\n' : 'row,employee_no,field,reason\n',
        );
      }
      const cells =
        options.reasonColumns === 'line'
          ? [event.line, event.field, event.reason]
          : [event.line, event.employeeNo, event.field, event.reason];
      out.write(`${cells.map(csvCell).join(',')}\n`);
      reasons += 1;
    } else if (event.type === 'report') {
      report = event;
    } else if (event.type === 'error') {
      await close();
      throw new CliError(
        `${event.code === 'BAD_USER_INPUT' ? 'the file was refused' : 'the import failed'}: ${event.message ?? event.code ?? 'no reason given'}`,
      );
    }
  }
  if (tty) process.stderr.write('\n');
  await close();
  if (!report)
    throw new CliError('the service closed the connection before the report; rerun the same file to finish');
  return { report, reasons, reasonsPath };
}
