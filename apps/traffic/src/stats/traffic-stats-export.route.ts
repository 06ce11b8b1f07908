import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { badUserInput, flattenValidationErrors, type Logger } from '@switchboard/server';
import type { RouteHandler, SubgraphContext } from '@switchboard/subgraph-kit';
import { validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { zoneOffsetMinutes } from '@switchboard/metrics';
import { contactVisibility } from '../access/contact-visibility';
import { CHANNELS, type Channel } from '../contact/contact-record';
import { Granularity, StatsDimension } from '../common/enums';
import { StatsFilter } from './stats.input';
import { STATS_WORK_MEM } from './traffic-stats.query';
import { trafficStatsStatement } from './traffic-stats.service';

export const TRAFFIC_STATS_EXPORT_PATH = '/export/traffic-stats.csv';

/** The list parameters: comma-separated, named as StatsFilter's fields. */
const LIST_PARAMETERS = [
  'centerIds',
  'queueIds',
  'queueCodes',
  'teamIds',
  'channels',
  'employeeNos',
] as const;
const PARAMETERS = new Set<string>(['from', 'to', 'timeZone', 'granularity', 'groupBy', ...LIST_PARAMETERS]);

export interface TrafficStatsExportRequest {
  filter: StatsFilter;
  granularity: Granularity;
  groupBy: StatsDimension[];
}

const oneOf = <T extends string>(values: readonly T[], field: string, value: string): T => {
  if (!(values as readonly string[]).includes(value))
    throw badUserInput({ field, message: `"${value}" is not one of ${values.join(', ')}` });
  return value as T;
};

function instant(field: string, value: string | null): Date {
  if (value === null) throw badUserInput({ field, message: 'is required (an ISO date-time)' });
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime()))
    throw badUserInput({ field, message: `"${value}" is not an ISO date-time such as 2026-03-02T00:00:00Z` });
  return date;
}

/**
 * The query string as trafficStats' arguments: the same StatsFilter (its class-validator rules run
 * as the GraphQL field's do), granularity and groups; unknown or repeated parameters refused.
 */
export function parseExportRequest(search: URLSearchParams): TrafficStatsExportRequest {
  for (const name of new Set(search.keys())) {
    if (!PARAMETERS.has(name))
      throw badUserInput({
        field: name,
        message: `unknown parameter (known: ${[...PARAMETERS].join(', ')})`,
      });
    if (search.getAll(name).length > 1)
      throw badUserInput({ field: name, message: 'given more than once (lists are comma-separated)' });
  }
  const list = (name: string): string[] | undefined => {
    const value = search.get(name);
    return value === null ? undefined : value.split(',').map((v) => v.trim());
  };
  const filter = Object.assign(new StatsFilter(), {
    from: instant('from', search.get('from')),
    to: instant('to', search.get('to')),
    timeZone: search.get('timeZone') ?? 'UTC',
    fcrWindowDays: 7,
  });
  for (const name of LIST_PARAMETERS) {
    const values = list(name);
    if (values === undefined) continue;
    if (values.some((v) => v === ''))
      throw badUserInput({ field: name, message: 'holds an empty value (a comma-separated list)' });
    if (name === 'channels') filter.channels = values.map((v) => oneOf<Channel>(CHANNELS, name, v));
    else filter[name] = values;
  }
  const problems = flattenValidationErrors(validateSync(filter));
  if (problems.length) throw badUserInput(problems);
  const granularityValue = search.get('granularity');
  if (granularityValue === null)
    throw badUserInput({
      field: 'granularity',
      message: `is required: one of ${Object.values(Granularity).join(', ')}`,
    });
  const granularity = oneOf(Object.values(Granularity), 'granularity', granularityValue);
  const groupBy = [...new Set(list('groupBy') ?? [])].map((d) =>
    oneOf(Object.values(StatsDimension), 'groupBy', d),
  );
  return { filter, granularity, groupBy };
}

/**
 * The COPY statement of trafficStats' own SQL (every sum, the caller's scope): PostgreSQL writes the
 * CSV, with the bucket's start as a UTC timestamp first. COPY takes no bind parameters, so the
 * checked values are inlined by the driver's own quoting (knex, as the ORM sends them).
 */
export function exportCopySql(em: EntityManager, sql: string, params: unknown[], header = true): string {
  const statement = em
    .getConnection()
    .getKnex()
    .raw(sql, params as never[])
    .toQuery();
  return `copy (select to_char(to_timestamp(s.interval_ms / 1000) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as interval_start, s.*
from (${statement}) s) to stdout with (format csv${header ? ', header' : ''})`;
}

/** The first part of the period one COPY statement sums (see exportPeriods); each next is twice as long. */
export const EXPORT_PART_MS = 86_400_000;

const BUCKET_MINUTES: Partial<Record<Granularity, number>> = {
  [Granularity.FIFTEEN_MINUTES]: 15,
  [Granularity.THIRTY_MINUTES]: 30,
  [Granularity.HOUR]: 60,
  [Granularity.DAY]: 1440,
};

/**
 * The period cut at bucket starts into parts, the first `partMs` (a day) long and each next at
 * least twice the one before (a day, 2, 4, 8, 16: a month in 5 statements): PostgreSQL sends a
 * statement's first row only once its sort is done, so the first rows follow a day's work instead
 * of the whole period's, and the parts' rows, in order, are the whole statement's rows. Doubling
 * keeps the statements few: each costs a round trip, a plan and a sort's start with nothing sent
 * (at 100,000 contacts on a loaded machine, a month's 31 statements of a day each ran at 0.75–0.79 ×
 * the rate of its one statement; its 5 doubling ones at 0.93–1.23 ×). Cuts are looked for every `partMs`, and kept only where a bucket starts in the
 * query's zone (local minute a multiple of the bucket; local midnight for days), so no bucket is
 * split; weeks, months and totals stay one statement.
 */
export function exportPeriods(
  filter: Pick<StatsFilter, 'from' | 'to' | 'timeZone'>,
  granularity: Granularity,
  partMs = EXPORT_PART_MS,
): { from: Date; to: Date }[] {
  const minutes = BUCKET_MINUTES[granularity];
  if (minutes === undefined) return [{ from: filter.from, to: filter.to }];
  const startsBucket = (at: number): boolean => {
    const local = at / 60_000 + zoneOffsetMinutes(new Date(at), filter.timeZone);
    return ((local % minutes) + minutes) % minutes === 0;
  };
  const parts: { from: Date; to: Date }[] = [];
  let from = filter.from.getTime();
  let length = partMs;
  for (let cut = from + partMs; cut < filter.to.getTime(); cut += partMs) {
    if (cut - from < length || !startsBucket(cut)) continue;
    parts.push({ from: new Date(from), to: new Date(cut) });
    length = 2 * (cut - from);
    from = cut;
  }
  parts.push({ from: new Date(from), to: filter.to });
  return parts;
}

function refuse(response: ServerResponse, error: unknown, logger: Logger): void {
  const code =
    error instanceof GraphQLError
      ? String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR')
      : 'INTERNAL_SERVER_ERROR';
  const status =
    { BAD_USER_INPUT: 400, QUERY_TOO_COSTLY: 400, FORBIDDEN: 403, UNAUTHENTICATED: 401 }[code] ?? 500;
  if (status === 500) logger.error({ err: error }, 'traffic stats export failed');
  // The route's parameters are StatsFilter's fields by the same names, without GraphQL's `filter.`
  const message =
    status === 500 ? 'the export failed' : (error as Error).message.replace(/(^|; )filter\./g, '$1');
  const fields =
    error instanceof GraphQLError && Array.isArray(error.extensions.fields)
      ? (error.extensions.fields as { field: string; message: string }[]).map((f) => ({
          ...f,
          field: f.field.replace(/^filter\./, ''),
        }))
      : undefined;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: 'error', code, message, ...(fields ? { fields } : {}) }));
}

/**
 * GET /export/traffic-stats.csv?from=…&to=…&timeZone=…&granularity=…&groupBy=QUEUE,CHANNEL&centerIds=…
 * trafficStats' rows (its sums, not its rates: a BI tool sums sums) streamed as CSV for BI tools,
 * with trafficStats' checks and scope. The statement runs as COPY on a connection of the ORM's
 * pool, in a transaction of its own with trafficStats' work_mem; Node only pipes the bytes.
 */
export function trafficStatsExportRoute({
  orm,
  logger,
}: {
  orm: MikroORM;
  logger: Logger;
}): Record<string, RouteHandler> {
  const handler = async (
    request: IncomingMessage,
    response: ServerResponse,
    ctx: SubgraphContext,
  ): Promise<void> => {
    request.resume();
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    let copySqls: string[];
    try {
      const { filter, granularity, groupBy } = parseExportRequest(
        new URL(request.url ?? '/', 'http://traffic').searchParams,
      );
      const visibility = await contactVisibility(ctx);
      // the whole period checked as trafficStats checks it, then one statement per part
      trafficStatsStatement(filter, granularity, groupBy, undefined, visibility);
      copySqls = exportPeriods(filter, granularity).map((part, i) => {
        const { sql, params } = trafficStatsStatement(
          Object.assign(new StatsFilter(), filter, part),
          granularity,
          groupBy,
          undefined,
          visibility,
        );
        return exportCopySql(ctx.em, sql, params, i === 0);
      });
    } catch (error) {
      refuse(response, error, logger);
      return;
    }
    const knexClient = orm.em.getConnection().getKnex().client as {
      acquireConnection(): Promise<Client>;
      releaseConnection(connection: Client): Promise<void>;
    };
    const client = await knexClient.acquireConnection();
    let broken: unknown = null;
    try {
      // one snapshot for every part: the parts add up to one statement's answer
      await client.query('begin isolation level repeatable read read only');
      await client.query(`set local work_mem = '${STATS_WORK_MEM}'`);
      // The answer starts once the checks pass (the first part's rows follow when its sort is done),
      // and a BI tool sees the export begin at once. A statement failing later cuts the stream
      // (the chunked answer never ends), so a cut export is never taken for a whole one.
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="traffic-stats.csv"',
        'cache-control': 'no-store',
      });
      response.flushHeaders();
      // the parts one after the other as one stream (one pipeline: back-pressure, the caller leaving)
      const parts = async function* (): AsyncGenerator<Buffer> {
        for (const copySql of copySqls) yield* client.query(copyTo(copySql)) as AsyncIterable<Buffer>;
      };
      await pipeline(Readable.from(parts(), { objectMode: false }), response, { end: false });
      await client.query('commit');
    } catch (error) {
      broken = error;
      if (!response.headersSent) refuse(response, error, logger);
      else {
        if (!response.destroyed) logger.warn({ err: error }, 'traffic stats export: stream broken');
        response.destroy();
      }
    } finally {
      if (broken) {
        // A COPY cut short leaves the connection mid-protocol: closed, never back in the pool.
        (client as unknown as { __knex__disposed?: unknown }).__knex__disposed = 'export stream broken';
        void client.end().catch(() => undefined);
      }
      await knexClient.releaseConnection(client);
    }
    response.end();
  };
  return { [TRAFFIC_STATS_EXPORT_PATH]: handler };
}
