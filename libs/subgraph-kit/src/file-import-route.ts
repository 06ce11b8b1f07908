import type { IncomingMessage, ServerResponse } from 'node:http';
import { badUserInput, ErrorCode, type Logger } from '@switchboard/server';
import { GraphQLError } from 'graphql';
import type { CsvSource } from './csv-records';
import type { SubgraphContext } from './request-context';
import type { RouteHandler } from './subgraph-server';

/** One bad row of a file import, as the GraphQL import reports say it. */
export interface RowProblem {
  row: number;
  employeeNo: string | null;
  field: string;
  message: string;
}

/** What a checked file import answers: its counts (any fields) and the problems of its rows. */
export interface FileImportReport {
  problems: readonly RowProblem[];
}

/** The query string of a file import route: flags and names, checked. */
export class ImportParameters {
  constructor(private readonly params: URLSearchParams) {}

  /** `?name=true|false` (absent: false). */
  flag(name: string): boolean {
    const value = this.params.get(name);
    if (value === null || value === 'false') return false;
    if (value === 'true') return true;
    throw badUserInput({ field: name, message: 'must be true or false' });
  }

  text(name: string): string | null {
    return this.params.get(name);
  }
}

export type FileImport = (
  file: CsvSource,
  parameters: ImportParameters,
  ctx: SubgraphContext,
) => Promise<FileImportReport>;

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.SubgraphUnavailable]: 502,
  [ErrorCode.DatabaseUnavailable]: 503,
};

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: 'error', code, message }));
}

/**
 * POST <path>?<flags> with a CSV file as the body, streamed: the body is read line by line (never
 * whole into a string, so no request size limit applies), the import runs as its GraphQL mutation
 * does, and the answer is NDJSON as the contact import's: a `rejected` event per problem
 * (line, field, reason, employeeNo), then the `report`. A whole-file problem is a 4xx with its code.
 */
export function fileImportRoute(path: string, run: FileImport, logger: Logger): Record<string, RouteHandler> {
  const handler = async (request: IncomingMessage, response: ServerResponse, ctx: SubgraphContext) => {
    if (request.method !== 'POST') {
      request.resume();
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const parameters = new ImportParameters(new URL(request.url ?? '/', 'http://localhost').searchParams);
    let report: FileImportReport;
    try {
      report = await run(request, parameters, ctx);
    } catch (error) {
      request.resume(); // read the rest away so the answer reaches the client
      const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
      const status = STATUS[code];
      if (status !== undefined) return refuse(response, status, code, (error as GraphQLError).message);
      logger.error({ err: error, path }, 'file import failed');
      return refuse(response, 500, 'INTERNAL_SERVER_ERROR', 'the import failed; nothing was written');
    }
    const { problems, ...counts } = report;
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const p of problems) {
      const event = {
        type: 'rejected',
        line: p.row,
        field: p.field,
        reason: p.message,
        employeeNo: p.employeeNo,
      };
      response.write(`${JSON.stringify(event)}\n`);
    }
    response.end(`${JSON.stringify({ type: 'report', ...counts })}\n`);
  };
  return { [path]: handler };
}

/** The message of a BAD_USER_INPUT error (a file that cannot be read as a whole), else null. */
export function badUserInputMessage(error: unknown): string | null {
  return error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput
    ? error.message
    : null;
}
