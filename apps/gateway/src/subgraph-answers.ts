import type { GraphQLFormattedError } from 'graphql';

/** A subgraph's GraphQL answer: what it computed and the errors it reported. */
export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors: GraphQLFormattedError[];
}

/**
 * Statuses a subgraph answers about the request itself (bad variables, a query it cannot parse or
 * validate, a body too large), never about its health. 401 and 403 are not among them: the gateway
 * mints the subgraph's token, so a refusal of it is the gateway's fault, and 404, 408 and 429 say
 * nothing about the request's content.
 */
const REQUEST_ERROR_STATUSES = new Set([400, 405, 406, 413, 415, 422]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The GraphQL answer in a subgraph's 4xx response, or null when it has none. A subgraph answers a
 * request it refuses (a variable that is not a date, a control character, a syntax error) with HTTP
 * 400 and its reasons (GraphQL over HTTP); that is the caller's mistake, to be reported with the
 * subgraph's codes, not an outage.
 */
export function requestErrorAnswerOf(status: number, body: unknown): SubgraphAnswer | null {
  if (!REQUEST_ERROR_STATUSES.has(status) || !isRecord(body)) return null;
  const { errors, data } = body;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  if (!errors.every((e) => isRecord(e) && typeof e.message === 'string')) return null;
  if (data !== undefined && data !== null && !isRecord(data)) return null;
  return { errors: errors as GraphQLFormattedError[], ...(data !== undefined ? { data } : {}) };
}
