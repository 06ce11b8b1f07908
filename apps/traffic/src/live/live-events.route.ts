import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hasRole, WRITERS } from '@switchboard/auth';
import type { Logger } from '@switchboard/server';
import { recordImportBatches } from '../timeliness/import-batches';
import { textLines, type RouteHandler, type SubgraphContext } from '@switchboard/subgraph-kit';
import type { RejectedRecord } from '../contact/contact-record';
import { isTimeZone } from '../ingest/time-zone';
import { liveEventFrom, type LiveEvent } from './live-event';
import { LiveEventService } from './live-event.service';

/** Events applied per transaction; a stream's lines are applied as they arrive, at most this many at once. */
export const LIVE_BATCH = 500;

export type LiveEventAnswer =
  | { type: 'rejected'; line: number; field: string; reason: string }
  | {
      type: 'report';
      lines: number;
      accepted: number;
      duplicates: number;
      rejected: number;
      contacts: number;
    }
  | { type: 'error'; code: string; message: string };

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ type: 'error', code, message }));
}

/**
 * POST /events?source=NAME&timezone=IANA: live events as NDJSON (see live-event.ts), one per line,
 * applied in order as they arrive, a transaction per piece of the stream. The answer is NDJSON too:
 * each rejected event (its line and the field at fault), then a report. The writers of contacts
 * (ADMIN, and the service role that imports) may send; anyone else is refused before the body is read.
 */
export function liveEventsRoute({
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
    if (!hasRole(identity, ...WRITERS.traffic)) {
      request.resume();
      return refuse(
        response,
        403,
        'FORBIDDEN',
        `sending live events needs one of the roles ${WRITERS.traffic.join(', ')}`,
      );
    }
    if (request.method !== 'POST') {
      request.resume();
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const timeZone = url.searchParams.get('timezone') ?? 'UTC';
    const source = url.searchParams.get('source');
    if (!isTimeZone(timeZone)) {
      request.resume();
      return refuse(
        response,
        400,
        'BAD_USER_INPUT',
        'timezone: must be an IANA time zone such as Asia/Shanghai',
      );
    }
    if (source !== null && (source.length < 1 || source.length > 200)) {
      request.resume();
      return refuse(response, 400, 'BAD_USER_INPUT', 'source: must be 1-200 characters');
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const send = (answer: LiveEventAnswer): void => {
      response.write(`${JSON.stringify(answer)}\n`);
    };
    const service = new LiveEventService(orm.em.fork());
    const totals = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, contacts: 0 };
    // the delivery, for the sources' timeliness: events of each kind and the latest of each
    const delivered = {
      contactEvents: 0,
      stateEvents: 0,
      contact: null as Date | null,
      state: null as Date | null,
    };
    const rejected = (p: RejectedRecord): void => {
      totals.rejected += 1;
      send({ type: 'rejected', ...p });
    };
    try {
      for await (const lines of textLines(request as AsyncIterable<Buffer>)) {
        let batch: { event: LiveEvent; line: number }[] = [];
        const flush = async (): Promise<void> => {
          const report = await service.apply(batch);
          batch = [];
          totals.accepted += report.accepted;
          totals.duplicates += report.duplicates;
          totals.contacts += report.contacts;
          report.rejected.forEach(rejected);
        };
        for (const item of lines) {
          totals.lines = item.line;
          if ('unreadable' in item) {
            rejected({ line: item.line, field: 'line', reason: item.unreadable });
            continue;
          }
          if (!item.text.trim()) continue;
          let raw: unknown;
          try {
            raw = JSON.parse(item.text);
          } catch {
            rejected({ line: item.line, field: 'line', reason: 'is not valid JSON' });
            continue;
          }
          const parsed = liveEventFrom(raw, item.line, { source, timeZone });
          if (Array.isArray(parsed)) {
            // one rejection per event; every field at fault named in it
            rejected({
              line: item.line,
              field: parsed.map((p) => p.field).join(','),
              reason: parsed.map((p) => `${p.field} ${p.reason}`).join('; '),
            });
            continue;
          }
          batch.push({ event: parsed, line: item.line });
          if (parsed.type === 'AGENT_STATE') {
            delivered.stateEvents += 1;
            if (!delivered.state || parsed.at > delivered.state) delivered.state = parsed.at;
          } else {
            delivered.contactEvents += 1;
            if (!delivered.contact || parsed.at > delivered.contact) delivered.contact = parsed.at;
          }
          if (batch.length >= LIVE_BATCH) await flush();
        }
        await flush();
      }
      await recordImportBatches(
        orm.em.fork(),
        source ?? 'events',
        {
          read: delivered.contactEvents + totals.rejected,
          inserted: delivered.contactEvents,
          rejected: totals.rejected,
          agentStates: delivered.stateEvents,
        },
        delivered,
      );
      send({ type: 'report', ...totals });
    } catch (error) {
      logger.error({ err: error }, 'live events failed');
      send({
        type: 'error',
        code: 'INTERNAL_SERVER_ERROR',
        message:
          'the events stopped; those reported as applied are kept, resend the rest (resent events are skipped)',
      });
      request.resume();
    }
    response.end();
  };
  return { '/events': handler };
}
