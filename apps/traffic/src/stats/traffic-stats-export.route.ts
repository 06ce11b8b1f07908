import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { badUserInput, flattenValidationErrors, type Logger } from '@switchboard/server';
import type { RouteHandler, SubgraphContext } from '@switchboard/subgraph-kit';
import { validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
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
export function exportCopySql(em: EntityManager, sql: string, params: unknown[]): string {
  const statement = em
    .getConnection()
    .getKnex()
    .raw(sql, params as never[])
    .toQuery();
  return `copy (select to_char(to_timestamp(s.interval_ms / 1000) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as interval_start, s.*
from (${statement}) s) to stdout with (format csv, header)`;
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
    let copySql: string;
    try {
      const { filter, granularity, groupBy } = parseExportRequest(
        new URL(request.url ?? '/', 'http://traffic').searchParams,
      );
      const { sql, params } = trafficStatsStatement(
        filter,
        granularity,
        groupBy,
        undefined,
        await contactVisibility(ctx),
      );
      copySql = exportCopySql(ctx.em, sql, params);
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
      await client.query('begin read only');
      await client.query(`set local work_mem = '${STATS_WORK_MEM}'`);
      // The answer starts once the checks pass: PostgreSQL sends nothing before its sort is done,
      // and a BI tool sees the export begin at once. A statement failing later cuts the stream
      // (the chunked answer never ends), so a cut export is never taken for a whole one.
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="traffic-stats.csv"',
        'cache-control': 'no-store',
      });
      response.flushHeaders();
      await pipeline(client.query(copyTo(copySql)), response, { end: false });
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
