import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hasRole, WRITERS } from '@switchboard/auth';
import type { Logger } from '@switchboard/server';
import { badUserInputMessage, type RouteHandler, type SubgraphContext } from '@switchboard/subgraph-kit';
import { isTimeZone } from './time-zone';
import { IMPORT_FORMATS, importContacts, type ImportFormat } from './file-import';
import { ImportRowCounter } from './import-row-counter';

/** One JSON object per line: progress after each batch, each rejected record, then the report. */
export type ImportEvent =
  | { type: 'progress'; read: number; inserted: number; duplicates: number; rejected: number }
  | { type: 'rejected'; line: number; field: string; reason: string }
  | {
      type: 'report';
      read: number;
      inserted: number;
      duplicates: number;
      rejected: number;
      agentStates: number;
      lines: number;
      blankLines: number;
      unknownColumns: string[];
    }
  | { type: 'error'; code: string; message: string };

/** How much of the body's first line is checked for being text before the answer starts. */
const SNIFF_BYTES = 64 * 1024;

/** The body's first chunk, put back for the import to read (null for an empty body). */
function peek(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const done = (chunk: Buffer | null): void => {
      request.off('readable', onReadable).off('end', onEnd).off('error', reject);
      if (chunk) request.unshift(chunk);
      resolve(chunk);
    };
    const onReadable = (): void => done(request.read() as Buffer | null);
    const onEnd = (): void => done(null);
    request.once('readable', onReadable).once('end', onEnd).once('error', reject);
  });
}

/**
 * A file whose first line is not UTF-8 (a binary file, text in GBK or Latin-1) is not a file of
 * contacts: refused whole. Past the first line, a line that is not UTF-8 or holds a NUL is rejected
 * on its own (TextLineSplitter) and the rest of the file is read.
 */
function startsAsUtf8Text(head: Buffer): boolean {
  const newline = head.indexOf(10);
  const first = head.subarray(0, newline === -1 ? SNIFF_BYTES : Math.min(newline, SNIFF_BYTES));
  try {
    // stream: a character cut at the sample's end is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: newline === -1 });
    return true;
  } catch {
    return false;
  }
}

function badRequest(response: ServerResponse, message: string): void {
  response.writeHead(400, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ type: 'error', code: 'BAD_USER_INPUT', message }));
}

/**
 * POST /import/contacts?format=csv|ndjson|queue_log&source=NAME&timezone=IANA with the file as the
 * body, streamed: the file is never held in memory, and the answer streams NDJSON events back.
 */
export function contactImportRoute({
  orm,
  logger,
}: {
  orm: MikroORM;
  logger: Logger;
}): Record<string, RouteHandler> {
  const handler = async (
    request: IncomingMessage,
    response: ServerResponse,
    { identity }: SubgraphContext,
  ): Promise<void> => {
    // The same writers as ingestContacts; checked before the body is read.
    if (!hasRole(identity, ...WRITERS.traffic)) {
      request.resume();
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          type: 'error',
          code: 'FORBIDDEN',
          message: `importing contacts needs one of the roles ${WRITERS.traffic.join(', ')}`,
        }),
      );
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const format = (url.searchParams.get('format') ?? 'csv') as ImportFormat;
    const timeZone = url.searchParams.get('timezone') ?? 'UTC';
    const source = url.searchParams.get('source');
    if (!IMPORT_FORMATS.includes(format))
      return badRequest(response, `format: must be one of ${IMPORT_FORMATS.join(', ')}`);
    if (!isTimeZone(timeZone))
      return badRequest(response, 'timezone: must be an IANA time zone such as Asia/Shanghai');
    if (source !== null && (source.length < 1 || source.length > 200))
      return badRequest(response, 'source: must be 1-200 characters');
    const head = await peek(request);
    if (head && !startsAsUtf8Text(head)) {
      request.resume(); // read the rest away so the answer reaches the client
      return badRequest(
        response,
        'body: is not UTF-8 text (a binary file, or another encoding such as GBK or Latin-1); export the file as UTF-8',
      );
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const send = (event: ImportEvent): void => {
      response.write(`${JSON.stringify(event)}\n`);
    };
    const rows = new ImportRowCounter(`contacts_${format}`);
    try {
      const totals = await importContacts(
        orm.em.fork(),
        request,
        { format, timeZone, source },
        {
          progress: (t) => {
            rows.update(t);
            send({
              type: 'progress',
              read: t.read,
              inserted: t.inserted,
              duplicates: t.duplicates,
              rejected: t.rejected,
            });
          },
          rejected: (p) => send({ type: 'rejected', ...p }),
        },
      );
      rows.update(totals);
      send({ type: 'report', ...totals });
      logger.info({ format, source, ...totals }, 'contact import finished');
    } catch (error) {
      const refused = badUserInputMessage(error);
      if (refused !== null) {
        send({ type: 'error', code: 'BAD_USER_INPUT', message: refused });
        request.resume();
        response.end();
        return;
      }
      logger.error({ err: error, format, source }, 'contact import failed');
      send({
        type: 'error',
        code: 'INTERNAL_SERVER_ERROR',
        message: 'the import stopped; batches reported as stored are kept, rerun the file to finish',
      });
    }
    response.end();
  };
  return { '/import/contacts': handler };
}
