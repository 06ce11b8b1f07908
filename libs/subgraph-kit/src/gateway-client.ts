import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@switchboard/server';
import { buildSchema, GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';

/** Where a subgraph asks the gateway for other subgraphs' data (SWITCHBOARD_GATEWAY_URL, default as under npm start). */
export function gatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHBOARD_GATEWAY_URL ?? 'http://localhost:4000/graphql';
}

export interface GatewayQueryOptions {
  /** What the data is for, at the start of error messages (e.g. "team directory"). */
  purpose: string;
  url?: string;
  timeoutMs?: number;
}

/**
 * The service's own credentials for the gateway (SWITCHBOARD_SERVICE_TOKEN): a token the identity
 * provider issues to it (under `npm start`, a development token). Subgraphs are sealed, so a
 * subgraph reads another only as any caller does: through the gateway, with a token.
 */
function serviceAuthorization(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const token = env.SWITCHBOARD_SERVICE_TOKEN;
  return token ? { authorization: `Bearer ${token}` } : {};
}

const REQUEST_CODES = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.Conflict,
]);

let apiSchema: GraphQLSchema | null | undefined;

/**
 * Under test (NODE_ENV=test), every operation a subgraph sends through the gateway is first checked
 * against the gateway's public schema as committed (apps/dashboard/schema.graphql, the composed API
 * schema): a subgraph asking for a field another subgraph does not have fails its own tests, even
 * where a gateway double stands in for the gateway and would answer anything.
 */
function checkAgainstApiSchema(query: string, purpose: string): void {
  if (process.env.NODE_ENV !== 'test') return;
  if (apiSchema === undefined) {
    const file = join(process.cwd(), 'apps', 'dashboard', 'schema.graphql');
    apiSchema = existsSync(file) ? buildSchema(readFileSync(file, 'utf8')) : null;
  }
  if (!apiSchema) return;
  const errors = validate(apiSchema, parse(query));
  if (errors.length)
    throw new Error(
      `${purpose}: the gateway's schema refuses the operation: ${errors.map((e) => e.message).join('; ')}`,
    );
}

/**
 * One GraphQL operation through the gateway, for a subgraph that needs another subgraph's data
 * (it never reads another subgraph's tables). No answer, or an answer without data, is a
 * SUBGRAPH_UNAVAILABLE error naming the purpose, unless the gateway refused the request itself
 * (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT): that code is kept.
 */
export async function queryGateway<TData>(
  query: string,
  variables: Record<string, unknown>,
  options: GatewayQueryOptions,
): Promise<TData> {
  checkAgainstApiSchema(query, options.purpose);
  const url = options.url ?? gatewayUrl();
  let body: {
    data?: TData | null;
    errors?: { message: string; extensions?: { code?: unknown; fields?: unknown } }[];
  };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...serviceAuthorization() },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new GraphQLError(
      `${options.purpose}: the gateway at ${url} did not answer (${(error as Error).message})`,
      {
        extensions: { code: ErrorCode.SubgraphUnavailable },
      },
    );
  }
  if (!body.data) {
    // The request's own fault (a value the other subgraph refuses, a record out of scope) keeps its code.
    const refusal = body.errors?.find(
      (e) => typeof e.extensions?.code === 'string' && REQUEST_CODES.has(e.extensions.code),
    );
    if (refusal) {
      throw new GraphQLError(`${options.purpose}: ${refusal.message}`, {
        extensions: {
          code: refusal.extensions?.code,
          ...(Array.isArray(refusal.extensions?.fields) ? { fields: refusal.extensions.fields } : {}),
        },
      });
    }
    throw new GraphQLError(
      `${options.purpose}: the gateway refused the query: ${body.errors?.map((e) => e.message).join('; ')}`,
      { extensions: { code: ErrorCode.SubgraphUnavailable } },
    );
  }
  return body.data;
}
